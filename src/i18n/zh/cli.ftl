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
check-fix-outside = 没有修复 `{ $file }`：它在项目根目录 `{ $root }` 之外，只有根目录里的文件会被改写
check-fix-nothing-written = { $reason }；没有改动任何文件

# journey explain
explain-no-code = 请写上要解释的代码，比如 `journey explain J0102`（全部代码见 docs/diagnostics.zh.md）
explain-not-a-code = `{ $text }` 不是诊断代码；代码的样子是 J0102（见 docs/diagnostics.zh.md）
explain-not-written = { $code } 还没有写说明

## 命令行自己的错误（src/cli/mod.rs、files.rs、output.rs、usage.rs）。

cli-error = 错误：{ $message }
cli-bad-lang-variable = { $variable }=`{ $value }` 不是我们支持的语言：请用 `zh` 或 `en`
cli-stdin = 标准输入
cli-cannot-read = 无法读取 { $name }：{ $reason }
cli-cannot-read-dir = 无法读取文件夹 `{ $path }`：{ $reason }
cli-no-journey-files = 在 `{ $path }` 里没有找到 .journey 文件
cli-no-path-no-project = 没有给出文件，当前文件夹及其上级也没有 journey.toml：请写明要 { $command } 的文件，例如 `journey { $command } campaign.journey`
cli-no-entry-file = `{ $path }` 里没有可运行的入口文件（含旅程或人群、且未被其他文件导入的文件）：请写明要 { $command } 的文件
cli-many-entry-files = `{ $path }` 里有 { $count } 个未被其他文件导入的文件（{ $names }）：请写明要 { $command } 哪一个，例如 `journey { $command } { $first }`
cli-not-utf8 = `{ $path }` 不是 UTF-8 编码的文本（第 { $offset } 个字节起无法识别）；请把文件另存为 UTF-8 编码
cli-too-large = { $name } 超过了 { $mib } MiB，这是 journey 能读取的单个文件的上限（见 docs/language.md 的“Limits”一节）
cli-cannot-write = 无法写入 `{ $path }`：{ $reason }
cli-cannot-write-stdout = 无法写到标准输出：{ $reason }
cli-output-is-input = 不能覆盖输入文件 `{ $input }`：输出文件 `{ $output }` 就是它；请换一个输出文件
cli-no-such-dir = 无法写入 `{ $path }`：文件夹 `{ $dir }` 不存在
# 读写文件失败的原因（其他原因用系统自己的说法）。
cli-io-not-found = 没有这个文件或文件夹
cli-io-permission = 没有权限
cli-io-is-dir = 这是一个文件夹
cli-io-dangling-link = 这是一个指向不存在文件的快捷方式（符号链接）
cli-io-not-a-file-name = 这不是一个文件名
cli-io-read-only = 这个文件是只读的（权限不允许写入）

# 命令用法写错时的提示。
cli-usage-unknown-argument = 不认识的参数 '{ $arg }'
cli-usage-unknown-command = 没有 '{ $command }' 这个命令
cli-usage-missing-value = '{ $arg }' 后面需要写一个值，但没有写
cli-usage-invalid-value = '{ $arg }' 的值 '{ $value }' 不对
    .choices = '{ $arg }' 的值 '{ $value }' 不对（可以写：{ $choices }）
    .reason = '{ $arg }' 的值 '{ $value }' 不对：{ $reason }
cli-usage-missing-argument = 缺少必须写的参数：{ $args }
cli-usage-missing-command = 需要写一个命令：{ $commands }
cli-usage-conflict = 参数 '{ $arg }' 不能和前面的参数一起用
cli-usage-tip = 提示：有一个相近的参数 '{ $suggestion }'
cli-usage-tip-command = 提示：有一个相近的命令 '{ $suggestion }'
cli-usage-line = 用法：{ $usage }
cli-usage-more = 想了解更多，请用 '--help'。

## 各个命令自己的提示。

compile-not-written = `{ $file }` 有 { $count } 个错误；没有写出任何文件
fmt-stdin-alone = `-`（标准输入）不能和其他路径一起用
fmt-stdin-not-utf8 = 标准输入不是 UTF-8 编码的文本
fmt-not-formatted = `{ $file }` 有语法错误，没有排版
graph-no-journey = `{ $file }` 里没有旅程
lsp-failed = 语言服务出错：{ $reason }
compile-no-such-journey = 没有叫 `{ $name }` 的旅程；这个文件里没有旅程
simulate-has-errors = `{ $file }` 有错误；请先改好再模拟（见 `journey check`）
simulate-no-population = `{ $file }` 里没有可以模拟的模拟人群；请加一个 `population NAME { "{" } size … start … days … arrivals … { "}" }` 块（见 docs/language.md 第 14 节）
simulate-no-such = `{ $file }` 里没有{ $kind ->
        [journey] 旅程
       *[population] 模拟人群
    } `{ $name }`；已有的是：{ $names }
simulate-no-such-journey-near = `{ $file }` 里没有旅程 `{ $name }`；是不是 `{ $near }`？已有的是：{ $names }
simulate-pick-one = `{ $file }` 里有 { $count } 个{ $kind ->
        [journey] 旅程
       *[population] 模拟人群
    }（{ $names }）：请用 --{ $kind } NAME 选一个
simulate-shard-table = 分片只输出部分 JSON 报告；请去掉 --format table
simulate-no-users = 用户数至少是 1（`--users` 或 `size`）
simulate-no-days = 天数至少是 1（`--days` 或 `days`）
simulate-trace-range = --trace { $user }：用户编号是 0 到 { $last }
simulate-too-many-user-days = { $users } 个用户模拟 { $days } 天，超过了一次模拟最多 { $max } 个“用户·天”（见 docs/language.md 的“Limits”一节）；请减小 `--users` 或 `--days`，或者用 `--shard K/N` 分片运行
simulate-no-threads = 无法启动工作线程：{ $reason }
simulate-not-a-shard = `{ $text }` 不是分片：请写成 K/N，且 0 <= K < N，比如 0/4
simulate-too-many-shards = `{ $text }`：一次运行最多分成 { $max } 片（见 docs/language.md 的“Limits”一节）

## 参数的值（src/cli/flags.rs）。

flag-not-a-number = `{ $text }` 不是整数
flag-too-small = 至少要是 { $min }
flag-too-large = 最多是 { $max }（见 docs/language.md 的“Limits”一节）
flag-refused = { $flag } { $value }：{ $reason }
cli-bad-lang = 没有 `{ $value }` 这种语言：请用 `zh` 或 `en`
check-allow-error = { $code } 是错误，错误不能忽略（只能忽略警告，J04xx）
check-allow-unknown = `{ $text }` 不是警告代码；警告代码的样子是 J0409（`journey explain CODE` 会说明它的意思）
    .near = `{ $text }` 不是警告代码；是不是想写 { $near }？
# 进度条的模板（indicatif）：`{ "{" }bar:40{ "}" }` 等是它的字段。
simulate-progress = 模拟中 { "{" }bar:40{ "}" } { "{" }human_pos{ "}" }/{ "{" }human_len{ "}" } 个用户，还剩 { "{" }eta{ "}" }
