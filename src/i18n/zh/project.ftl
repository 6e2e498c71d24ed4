## 项目：`import` 行（src/project/load.rs），J0501–J0506。

import-not-relative = `import "{ $path }"` 必须用相对路径指明文件
    .label = 绝对路径或网址
    .help = 写成相对于本文件的路径，例如 `import "common.journey"`
import-not-journey = `import "{ $path }"` 指的不是 .journey 文件
    .label = 不是 .journey 文件
    .help = 只能导入 .journey 文件；检查文件名的结尾
import-missing = 导入的文件 `{ $path }` 不存在
    .label = 没有这个文件
    .help = 路径相对于导入它的文件所在的文件夹；检查拼写
    .near = 是不是 `{ $near }`？
import-leaves-root = `import "{ $path }"` 超出了项目
    .label = 在项目根目录 `{ $root }` 之外
    .help = 把项目的所有文件放在 `journey.toml` 所在的文件夹下（或在两个文件共同的上层文件夹放一个 `journey.toml`）
import-cycle = 导入形成了循环：{ $files }
    .label = 这一行导入使循环闭合
    .help = 把这些文件共用的内容移到一个不导入它们的文件里
import-unreadable = 无法读取导入的文件：{ $reason }
    .label = 无法读取

## 不带路径的 `journey check`（src/cli/check.rs）。
unknown-not-imported = `{ $name }` 声明在 `{ $file }` 里，但这个文件没有导入它：加上 `import "{ $path }"`
unknown-not-imported-fix = 加上 `import "{ $path }"`

check-no-project = 没有给出路径，当前目录及其上层也没有 `journey.toml`：请写出要检查的文件或目录

## journey.toml（src/project/config.rs）。用不看这个文件时选定的语言说。
config-error = `{ $file }`：{ $error }
config-not-toml = 这不是有效的 TOML：{ $reason }
config-not-table = `{ $section }` 必须是一个表：在它的键上方写 `[{ $section }]`
config-unknown-table = 未知的表 `[{ $text }]`：可用的表是 `[project]`、`[check]` 和 `[simulate]`
    .near = 未知的表 `[{ $text }]`；是不是 `[{ $near }]`？
config-unknown-key = 未知的键 `{ $key }`
    .near = 未知的键 `{ $key }`；是不是 `{ $near }`？
config-wrong-value = `{ $key }` 必须是{ $expected }
config-expected-lang = `"zh"` 或 `"en"`
config-expected-seed = 不小于 0 的整数
config-expected-codes = 加引号的代码列表，例如 `["J0409"]`
config-unknown-code = `deny` 或 `allow` 里有未知的代码 `{ $text }`
    .near = `deny` 或 `allow` 里有未知的代码 `{ $text }`；是不是 `{ $near }`？
config-error-code = `{ $code }` 是错误，总会让检查失败：只有警告可以 deny 或 allow
