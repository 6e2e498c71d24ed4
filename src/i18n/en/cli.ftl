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
# A fix in a file outside the project (a root file that is a link out of it): never written.
check-fix-outside = not fixing `{ $file }`: it is outside the project root `{ $root }`, and only files inside it are rewritten
check-fix-nothing-written = { $reason }; no file was changed

# journey explain
explain-no-code = name the code to explain, such as `journey explain J0102` (docs/diagnostics.md lists them all)
explain-not-a-code = `{ $text }` is not a diagnostic code; codes look like J0102 (see docs/diagnostics.md)
explain-not-written = no explanation is written for { $code } yet

## The command line's own errors (src/cli/mod.rs, files.rs, output.rs, usage.rs).

cli-error = error: { $message }
cli-bad-lang-variable = { $variable }=`{ $value }` is not a language we have: use `zh` or `en`
cli-stdin = standard input
cli-cannot-read = cannot read { $name }: { $reason }
cli-cannot-read-dir = cannot read directory `{ $path }`: { $reason }
cli-no-journey-files = no .journey files found in `{ $path }`
cli-no-path-no-project = no file given, and no journey.toml in this directory or above: name the file to { $command }, e.g. `journey { $command } campaign.journey`
cli-no-entry-file = `{ $path }` has no file with a journey or a population that no other file imports: name the file to { $command }
cli-many-entry-files = `{ $path }` has { $count } files that no other file imports ({ $names }): name the one to { $command }, e.g. `journey { $command } { $first }`
cli-not-utf8 = `{ $path }` is not UTF-8 text (invalid byte at offset { $offset }); save the file as UTF-8
cli-too-large = { $name } is larger than { $mib } MiB, the most journey reads from one file (see "Limits" in docs/language.md)
cli-cannot-write = cannot write `{ $path }`: { $reason }
cli-cannot-write-stdout = cannot write to standard output: { $reason }
cli-output-is-input = refusing to write over the input `{ $input }`: the output `{ $output }` is the same file; choose another output file
cli-no-such-dir = cannot write `{ $path }`: the directory `{ $dir }` does not exist
# Why a file could not be read or written (other reasons are the system's words).
cli-io-not-found = no such file or directory
cli-io-permission = permission denied
cli-io-is-dir = it is a directory
cli-io-dangling-link = it is a symbolic link to a file that does not exist
cli-io-not-a-file-name = it is not a file name
cli-io-read-only = the file is read-only (its permissions allow no writing)

# Usage errors. English output is clap's own; these are its words, for the record.
cli-usage-unknown-argument = unexpected argument '{ $arg }' found
cli-usage-unknown-command = unrecognized subcommand '{ $command }'
cli-usage-missing-value = a value is required for '{ $arg }' but none was supplied
cli-usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
    .choices = invalid value '{ $value }' for '{ $arg }' (possible values: { $choices })
    .reason = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-usage-missing-argument = the following required arguments were not provided: { $args }
cli-usage-missing-command = a subcommand is needed: { $commands }
cli-usage-conflict = the argument '{ $arg }' cannot be used here
cli-usage-tip = tip: a similar argument exists: '{ $suggestion }'
cli-usage-tip-command = tip: a similar subcommand exists: '{ $suggestion }'
cli-usage-line = Usage: { $usage }
cli-usage-more = For more information, try '--help'.

## Subcommands' own lines.

compile-not-written = `{ $file }` has { $count ->
    [one] 1 error
   *[other] { $count } errors
}; nothing was written
fmt-stdin-alone = `-` (standard input) cannot be combined with other paths
fmt-stdin-not-utf8 = standard input is not UTF-8 text
fmt-not-formatted = `{ $file }` has syntax errors; it was not formatted
graph-no-journey = `{ $file }` declares no journey
lsp-failed = language server: { $reason }
compile-no-such-journey = there is no journey named `{ $name }`; the file declares no journey
simulate-has-errors = `{ $file }` has errors; fix them before simulating (see `journey check`)
simulate-no-population = `{ $file }` has no population to simulate on; add a `population NAME { "{" } size … start … days … arrivals … { "}" }` block (see docs/language.md §14)
# `kind` is `journey` or `population` (also the flag's name); `names` are quoted.
simulate-no-such = `{ $file }` has no { $kind } `{ $name }`; its { $kind }s: { $names }
simulate-no-such-journey-near = `{ $file }` has no journey `{ $name }`; did you mean `{ $near }`? Its journeys: { $names }
simulate-pick-one = `{ $file }` has { $count } { $kind }s ({ $names }): pick one with --{ $kind } NAME
simulate-shard-table = a shard writes a partial JSON report; drop --format table
simulate-no-users = the number of users must be at least 1 (`--users` or `size`)
simulate-no-days = the number of days must be at least 1 (`--days` or `days`)
simulate-trace-range = --trace { $user }: users are numbered 0 to { $last }
simulate-too-many-user-days = { $users } users for { $days } days is more than { $max } user-days, the most one simulation runs (see "Limits" in docs/language.md); lower `--users` or `--days`, or split the run with `--shard K/N`
simulate-no-threads = cannot start worker threads: { $reason }
simulate-not-a-shard = `{ $text }` is not a shard: write K/N with 0 <= K < N, like 0/4
simulate-too-many-shards = `{ $text }`: a run is split into at most { $max } shards (see "Limits" in docs/language.md)

## Flags' values (src/cli/flags.rs).

flag-not-a-number = `{ $text }` is not a whole number
flag-too-small = it must be at least { $min }
flag-too-large = it must be at most { $max } (see "Limits" in docs/language.md)
flag-refused = { $flag } { $value }: { $reason }
cli-bad-lang = `{ $value }` is not a language we have: use `zh` or `en`
check-allow-error = { $code } is an error, and errors cannot be allowed (only warnings, J04xx)
check-allow-unknown = `{ $text }` is not a warning code; they look like J0409 (`journey explain CODE` says what one means)
    .near = `{ $text }` is not a warning code; did you mean { $near }?
# The progress bar's template (indicatif): `{ "{" }bar:40{ "}" }` etc. are its fields.
simulate-progress = simulating { "{" }bar:40{ "}" } { "{" }human_pos{ "}" }/{ "{" }human_len{ "}" } users, { "{" }eta{ "}" } left
