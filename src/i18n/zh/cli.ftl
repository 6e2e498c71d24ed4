# 命令行自己的提示，中文。这里的每个 id 在 en/cli.ftl 里也有。


files-count = { $count } 个文件
errors-count = { $count } 个错误
warnings-count = { $count } 个警告

# `journey check` 的最后一行：“已检查 3 个文件：2 个错误，1 个警告”。
check-summary = 已检查 { $files }：{ $findings }
check-no-problems = 没有发现问题
check-errors-and-warnings = { $errors }，{ $warnings }
check-unreadable = ；其中 { $count } 个文件无法读取

# journey explain
explain-no-code = 请写上要解释的代码，比如 `journey explain J0102`（全部代码见 docs/diagnostics.zh.md）
explain-not-a-code = `{ $text }` 不是诊断代码；代码的样子是 J0102（见 docs/diagnostics.zh.md）
explain-not-written = { $code } 还没有写说明
