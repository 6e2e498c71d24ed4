# 命令行自己的提示，中文。这里的每个 id 在 en/cli.ftl 里也有。


files-count = { $count } 个文件
errors-count = { $count } 个错误
warnings-count = { $count } 个警告

# `journey check` 的最后一行：“已检查 3 个文件：2 个错误，1 个警告”。
check-summary = 已检查 { $files }：{ $findings }
check-no-problems = 没有发现问题
check-errors-and-warnings = { $errors }，{ $warnings }
check-unreadable = ；其中 { $count } 个文件无法读取

# journey check --fix / --diff
check-unsafe-fixes-alone = `--unsafe-fixes` 要和 `--fix`（应用修复）或 `--diff`（只显示修复）一起用
check-fixed-file = { $file }：修复了 { $count } 处
check-fixed = { $count ->
    [0] 没有可自动修复的问题
   *[other] 共修复了 { $count } 处
}
check-would-fix = { $count ->
    [0] 没有可自动修复的问题
   *[other] 可以修复 { $count } 处（文件没有改动）
}
check-and-fixed = ；{ $fixed }

# journey explain
explain-no-code = 请写上要解释的代码，比如 `journey explain J0102`（全部代码见 docs/diagnostics.zh.md）
explain-not-a-code = `{ $text }` 不是诊断代码；代码的样子是 J0102（见 docs/diagnostics.zh.md）
explain-not-written = { $code } 还没有写说明
