# The command line's own lines, in English. Every id here is also in zh/cli.ftl.


files-count = { $count ->
    [one] 1 file
   *[other] { $count } files
}
errors-count = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
warnings-count = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}

# `journey check`'s closing line: "checked 3 files: 2 errors, 1 warning".
check-summary = checked { $files }: { $findings }
check-no-problems = no problems found
check-errors-and-warnings = { $errors }, { $warnings }
check-unreadable = ; { $files } { $count ->
    [one] was
   *[other] were
} not read

# journey check --fix / --diff
check-unsafe-fixes-alone = `--unsafe-fixes` goes with `--fix` (apply them) or `--diff` (show them)
check-fixed-file = { $file }: { $count ->
    [one] 1 fix made
   *[other] { $count } fixes made
}
check-fixed = { $count ->
    [0] no fixes to make
    [one] 1 fix made
   *[other] { $count } fixes made
}
check-would-fix = { $count ->
    [0] no fixes to make
    [one] 1 fix would be made (nothing was changed)
   *[other] { $count } fixes would be made (nothing was changed)
}
check-and-fixed = ; { $fixed }

# journey explain
explain-no-code = name the code to explain, such as `journey explain J0102` (docs/diagnostics.md lists them all)
explain-not-a-code = `{ $text }` is not a diagnostic code; codes look like J0102 (see docs/diagnostics.md)
explain-not-written = no explanation is written for { $code } yet
