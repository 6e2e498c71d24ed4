# 语法诊断（J00xx），中文：某一行读不懂时的提示。

## J0001：这里应该写什么，实际写了什么。

syntax-expected = 这里应该写{ $expected }，实际写的是 { $found }
    .label = 这里应该写{ $expected }
syntax-expected-end = 这里应该写{ $expected }，但文件已经结束了
syntax-unexpected = 这里不应该出现 { $found }
    .label = 不应该出现在这里
syntax-unexpected-end = 文件结束得太早了

# 这里应该写的东西，用平常话怎么说。
expect-name = 名字
expect-string = 双引号里的文字
expect-number = 数字
expect-integer = 整数
expect-percent = 百分比（如 `50%`）
expect-multiplier = 倍数（如 `x1.5`）
expect-duration = 时长（如 `7d` 或 `1h`）
expect-clock = 时刻（如 `20:00`）
expect-date = 日期（如 `2026-03-02`）
expect-day = 星期几（如 `mon`、`weekend` 或 `daily`）
expect-period = `day`、`week` 或 `month`
expect-comparison = 比较符号（如 `==` 或 `>=`）
expect-value = 一个值
expect-channel = 渠道（如 `wecom`）
expect-field-type = 字段类型（`number`、`text` 或 `bool`）
expect-condition = 条件

# 常见笔误的提示。
syntax-help-unclosed = 有一个 `{"{"}` 没有关上：补上缺少的 `{"}"}`
syntax-help-duration = 时长是整数加单位：`30m`、`1h`、`7d`、`2w`、`1d12h`
syntax-help-percent = 百分比要带 `%`：`{ $number }%`
syntax-help-comparison = 比较用 `==`（单个 `=` 是在动作里给标签赋值）
syntax-help-clock = 时刻用 24 小时制 `HH:MM`，如 `09:00` 或 `20:30`
syntax-help-day = 星期写作 `mon` `tue` `wed` `thu` `fri` `sat` `sun`，或 `weekday`、`weekend`、`daily`
syntax-help-quote = 文字要放在英文双引号里："{ $text }"
syntax-help-rule-end = 一条规则以 `: ACTION`（动作）或 `-> STAGE`（阶段）结尾
syntax-help-else = `else` 接在 `if` 后面：紧跟在它所属的 `if …:`（或 `else if …:`）分支之后写，并放在同一个块里

## J0001：一个没有关上的 `{`。

unclosed-item = 第 { $line } 行开始的{ $kind } `{ $name }` 没有结束
    .label = 这个 `{"{"}` 没有对应的 `{"}"}`
unclosed-brace = 第 { $line } 行的 `{"{"}` 没有关上
unclosed-end = 文件在这里就结束了
unclosed-next-item = 下一项从这里开始
unclosed-kind-tag = 标签
unclosed-kind-event = 事件
unclosed-kind-touchpoint = 触点
unclosed-kind-segment = 人群
unclosed-kind-team = 团队
unclosed-kind-journey = 旅程
unclosed-kind-population = 模拟人群
unclosed-kind-stage = 阶段
unclosed-kind-behavior = 行为

## J0002–J0006。

unterminated-string = 这段文字缺少结尾的引号
    .label = 文字从这里开始
    .help = 在文字末尾加一个 `"`；一段文字不能跨行
invalid-escape = 文字里不能这样用反斜杠
    .label = 无法识别的转义
    .help = 可以用 `\"`、`\\`、`\n` 或 `\u{"{"}4E2D{"}"}`；其他字符直接写
nesting-too-deep = 括号套了超过 { $max } 层
    .label = 第 { $level } 层从这里开始
    .help = 把条件拆成几个人群（segment），或去掉多余的括号
reserved-word = `{ $word }` 是保留字，不能用作名字
    .label = 保留字
    .help = 用反引号括起来（`` `{ $word }` ``），或换一个名字
number-too-large = 这个数字太大了
    .label = 太大
    .help = 请写一个小一些的数字
integer-too-large = `{ $number }` 对这项设置来说太大了
    .label = 太大
    .help = 数量和规模必须小于 4,294,967,296；请写一个小一些的数字
percent-out-of-range = `{ $percent }` 不是 0% 到 100% 之间的百分比
    .label = 超出范围
    .help = 百分比只能在 0% 到 100% 之间
duration-too-long = 时长 `{ $duration }` 太长了
    .label = 太长
    .help = 时长最多 100 年
invalid-clock = `{ $clock }` 不是有效的时刻
    .label = 无效的时刻
    .help = 时刻从 `00:00` 到 `23:59`；午夜写作 `00:00`
invalid-date = `{ $date }` 不是有效的日期
    .label = 没有这一天
    .help = 日期写作 `YYYY-MM-DD`，如 `2026-03-02`
    .month-end = 那个月最后一天是 { $last }
invalid-month-day = 一个月里没有 `{ $day }` 号
    .label = 不是每月的某一天
    .help = 每月的日子是 1 到 31 号；月末最后一天写 `last`
rolling-window-out-of-range = 无法按 `{ $window }` 的滚动窗口计数
    .label = 不在 1 分钟到 366 天之间
    .help = 写 `1m` 到 `366d` 之间的窗口，如 `per 3d`；或写自然周期：`per day`、`per week`、`per month`

## J0007：字符串外面的全角标点。

full-width = `{ $char }` 是{ $name }，请写成 `{ $ascii }`
    .label = { $name }
full-width-quotes = 这段文字用了中文引号，请改用英文双引号 `"`
    .label = 中文引号
fix-full-width = 把 `{ $char }` 换成 `{ $ascii }`
fix-full-width-quotes = 把 `“` 和 `”` 换成 `"`
full-width-colon = 全角冒号
full-width-comma = 全角逗号
full-width-semicolon = 全角分号
full-width-open-paren = 全角左括号
full-width-close-paren = 全角右括号
full-width-open-bracket = 中文左方括号
full-width-close-bracket = 中文右方括号
full-width-open-quote = 中文左引号
full-width-close-quote = 中文右引号
full-width-open-single-quote = 中文左单引号
full-width-close-single-quote = 中文右单引号
full-width-minus = 全角减号
full-width-arrow = 箭头符号
full-width-greater = 全角大于号
full-width-less = 全角小于号
full-width-equals = 全角等号
full-width-digit = 全角数字
full-width-letter = 全角字母
full-width-space = 全角空格
