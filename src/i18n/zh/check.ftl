# 名字、类型和含义的诊断（J01xx–J03xx），中文。

## 标签和事件字段的类型，在提示里的叫法。

type-enum = 枚举型
type-set = 集合型
type-number = 数字型
type-bool = 是否型
type-text = 文本型
field-number = 数字
field-text = 文本
field-bool = 是否
field-enum = 枚举
word-variant = 选项
word-member = 成员

type-tag = { $ty }标签
declared-as-type = 这里声明为{ $ty }标签

## 条件（src/check/cond.rs）。

between-needs-number = `between` 只能用在数字型标签上，但 `{ $tag }` 属于{ $ty }标签
    .numbers = 数字范围
stage-outside-journey = `in stage` 只能写在旅程里
    .label = 这里不在任何旅程里
    .help = 阶段属于某一个旅程；请把这个条件写到那个旅程的规则或退出条件里
unknown-stage = 找不到阶段 `{ $name }`
    .label = 这个旅程里没有叫这个名字的阶段
    .help = 阶段在旅程里声明：`stage NAME { "{" } … { "}" }`
not-a-condition = `{ $tag }` 属于{ $ty }标签，不能单独当条件用
    .label = 只有是否型标签和人群可以单独当条件
    .help-enum = 和某个选项比较：`{ $tag } == { $value }`
    .help-set = 问是否包含某个成员：`{ $tag } has { $value }`
    .help-number = 和数字比较：`{ $tag } >= 18`
    .help-text = 和某个值比较：`{ $tag } == "…"`
unknown-condition = 找不到标签或人群 `{ $name }`
    .label = 没有声明叫这个名字的是否型标签或人群
    .help = 先声明它：`tag { $name }: bool` 或 `segment { $name } = …`
sum-needs-number = `sum` 只能加总数字，但 `{ $event }.{ $field }` 是{ $ty }字段
    .label = 不是数字字段
    .help = 数事件次数用 `count(EVENT)`，或者加总一个数字字段
unknown-field = 事件 `{ $event }` 没有字段 `{ $field }`
    .label = 没有这个字段
    .help-none = `{ $event }` 没有声明任何字段；先加上：`event { $event } { "{" } { $field }: number { "}" }`
    .help-fields = 它的字段有 { $fields }
equality-only = `{ $tag }` 属于{ $ty }标签：只能用 `==` 或 `!=` 比较
    .label = 这里比较了大小
bool-compared = `{ $tag }` 属于是否型标签：直接单独使用，不用比较
    .label = 拿是否型标签做了比较
    .help = 写 `{ $tag }` 或 `not { $tag }`

# 比较的每一边：数字、文本、名字、次数、加总、距今天数，或某种类型的标签。
compare-mismatch = 无法比较{ $left-kind ->
        [number] 数字 { $left }
        [text] 文本 "{ $left }"
        [name] `{ $left }`
        [count] 次数
        [sum] 加总值
        [days] 天数
       *[tag] { $left }标签
    }和{ $right-kind ->
        [number] 数字 { $right }
        [text] 文本 "{ $right }"
        [name] `{ $right }`
        [count] 次数
        [sum] 加总值
        [days] 天数
       *[tag] { $right }标签
    }
    .help = 这两边的类型不同，不能比较
    .help-set = 集合型标签要用 `has` 来问：`{ $tag } has { $value }`
    .help-number = `{ $tag }` 是数字型标签：请和数字比较
    .help-same = `{ $tag }` 属于{ $ty }标签；另一边也必须是同一类型
operand = { $kind ->
        [number] 数字 { $value }
        [text] 文本 "{ $value }"
        [name] `{ $value }`
        [count] 次数
        [sum] 加总值
        [days] 天数
       *[tag] { $value }标签
    }

not-a-variant = `{ $value }` 不是 `{ $tag }` 的{ $kind }
    .label = 不是它的{ $kind }
    .help = `{ $tag }` 的取值有 { $values }
    .help-near = 是不是想写 { $names }？`{ $tag }` 的取值有 { $values }
in-list-type = `in [...]` 只能用在枚举型、文本型或数字型标签上，但 `{ $tag }` 属于{ $ty }标签
    .help-set = 集合型标签要用 `has` 来问：`{ $tag } has …`
    .help-bool = 直接单独使用 `{ $tag }`
value-mismatch = `{ $tag }` 属于{ $ty }标签，这个值和它的类型不符
    .label = 值的类型不对
has-needs-set = `has` 只能用在集合型标签上，但 `{ $tag }` 属于{ $ty }标签
    .help = 把标签声明成集合：`tag NAME: set { "{" } a, b { "}" }`
    .help-enum = 枚举型标签用 `==` 比较：`{ $tag } == …`

## 旅程（src/check/journey.rs、timezone.rs）。

missing-entry = 旅程 `{ $name }` 没有 `entry`：任何用户都进不来
    .label = 这个旅程里没有入口（entry）
    .help = 加一行入口，比如 `entry on signup`（或 `entry when COND`）
no-stages = 旅程 `{ $name }` 没有任何阶段
    .label = 这个旅程里没有 `stage`
    .help = 加一个阶段，比如 `stage 新手 { "{" } … { "}" }`；用户进入旅程后先到第一个阶段
unknown-timezone = 不认识的时区 "{ $zone }"
    .label = 不是 IANA 时区名
    .help = 请用 IANA 时区名，比如 "Asia/Shanghai" 或 "America/New_York"
    .help-near = 是不是想写 "{ $zone }"？
    .help-alias = "{ $given }" 不是时区名；请写 "{ $zone }"
    .help-ambiguous = "{ $given }" 既可能是中国时间，也可能是美国中部时间；中国时间请写 "{ $zone }"
    .help-offset = "{ $given }" 是时差，不是时区；中国时间请写 "{ $zone }"
fix-use-timezone = 改成 "{ $zone }"
split-percent-sum = 这个分流的各组加起来是 { $total }%，不是 100%
    .label = 合计 { $total }%
    .help = 每个用户只会进入其中一组，所以各组的百分比加起来必须是 100%
    .arm = 分组 { $name }
tag-action-mismatch = 这个值不符合 `{ $tag }` 的类型，它属于{ $ty }标签
    .label = 和标签的类型不符
    .help-set = 集合型标签要加减成员：`tag { $tag } += …` 或 `tag { $tag } -= …`
    .help-bool = 是否型标签这样打：`tag { $tag }` 或 `tag { $tag } = false`，去掉用 `untag { $tag }`
    .help-missing = 给一个值：`tag { $tag } = …`；只有是否型标签可以只写 `tag NAME`
    .help-number = `{ $tag }` 是数字型标签：请给一个数字，比如 `tag { $tag } = 1`
    .help-word = `{ $tag }` 属于{ $ty }标签：请给一个词或一段带引号的文字
member-op-needs-set = `{ $op }` 只能用在集合型标签上，但 `{ $tag }` 属于{ $ty }标签
    .label = 对{ $ty }标签用了 `{ $op }`
    .help = 改成直接设置值：`tag { $tag } = …`

## 模拟人群（src/check/population.rs）。

too-many-users = { $users } 个用户的模拟人群太大，无法模拟
    .label = 超过 { $max }
    .help = 一次模拟最多 { $max } 个用户；请调小 `size`
too-many-days = { $days } 天太长，无法模拟
    .label = 超过 { $max }
    .help = 一次模拟最多 { $max } 天（100 年）；请调小 `days`
history-too-many = 每个用户 { $count } 次历史事件太多，无法模拟
    .label = 超过 { $max }
    .help = 一行 `history` 最多给每个用户 { $max } 次历史事件；把上限改小
too-many-user-days = { $users } 个用户模拟 { $days } 天，数据量太大，无法模拟
    .label = { $total } 人·天
    .help = 一次模拟最多 { $max } 人·天（用户数 × 天数）；请调小 `size` 或 `days`

# 模拟人群要生成的值：`kind` 是 `tag`（标签）或 `field`（事件字段），`target` 是它的名字。
population-value-misfit = 这个值不符合{ population-value-misfit.target } 的类型
    .target = { $kind ->
        [field] 字段
       *[tag] 标签
    } `{ $target }`
    .label = 值的类型不对
    .help-number = { population-value-misfit.target } 是数字：用 `uniform 18..60` 随机生成，或者列出数字和百分比（`1 70%, 2 30%`）
    .help-bool = { population-value-misfit.target } 只有“是”和“否”：写出为“是”的概率，比如 `5%`
    .help-values = { population-value-misfit.target } 按声明的取值和百分比生成，比如 `{ $example }`
    .help-text = { population-value-misfit.target } 是文本：列出取值和百分比，比如 `"北京" 60%, "上海" 40%`
population-percent-sum = { population-value-misfit.target } 的百分比加起来是 { $total }%，不是 100%
    .label = 合计 { $total }%
    .help = 每个用户只会得到其中一个值，所以百分比加起来必须是 100%

## 该写百分比的地方写了小数（语法错误 J0001 的提示；src/units.rs 负责换算）。

percent-from-fraction = `{ $found }` 看起来是小数比例：请写 `{ $percent }`（如果确实是百分之 { $found }，写 `{ $found }%`）
fix-use-percent = 改成 `{ $percent }`

## 检查器的修复标题。

fix-write = 改写成 `{ $text }`
fix-use-equals = 把 `has` 改成 `==` 比较

## 声明、设置和时间窗口（src/check/mod.rs、decls.rs）。

duplicate-name = { $kind } `{ $name }` 声明了两次
    .label = 这里又声明了一次
    .first = 第一次在这里声明
    .help = 给其中一个改个名字，或者删掉重复的那个
# `setting` 是代码：`channel`、`tag 风格`、`behavior 下单`。
duplicate-setting = `{ $setting }` 写了两次
    .label = 这里又写了一次
    .first = 第一次写在这里
    .help = 只保留一行 `{ $setting }`
empty-range = 范围 { $low }..{ $high } 是空的：开头的数比结尾的数大
    .label = 开头的数比结尾的大
    .help = 把小的数写在前面：{ $high }..{ $low }
empty-hours = 工作时间 { $from }..{ $to } 是空的：结束时间不晚于开始时间
    .label = 工作时间的结束不晚于开始
    .help = 工作时间只在一天之内，不跨过午夜：先写开始时间，比如 `hours weekday 09:00..18:00`
empty-date-range = { $first }..{ $last } 里没有任何一天：结束日期早于开始日期
    .label = 结束早于开始
    .help = 把开始日期写在前面：{ $last }..{ $first }（首尾两天都包括在内）
missing-setting = { $kind } `{ $name }` 缺少 `{ $setting }`
    .label = 这里需要一行 `{ $setting }`
    .help = 加一行，比如 `{ $example }`
capacity-per-day = 团队的处理量按天计算
    .label = 这里应该是 `day`
    .help = 写成 `capacity { $count } per day`
unknown-channel = 找不到渠道 `{ $name }`
    .label = 不是渠道名
    .help = 可用的渠道有：{ $channels }
    .help-near = 是不是想写 `{ $near }`？可用的渠道有：{ $channels }
recursive-segment = 人群 `{ $name }` 引用了它自己
    .through = 人群 `{ $name }` 通过 { $through } 引用了它自己
    .label = 这个人群的条件又绕回了它自己
    .part = 循环中的一环
    .help = 人群只能用标签、事件和不引用它的其他人群来定义
zero-window = { $window ->
        [within] `within` 时间窗口
        [inactive] `inactive` 时间窗口
        [count] `count` 时间窗口
        [sum] `sum` 时间窗口
        [goal] 目标的时间窗口
        [arrivals] 到达时间窗口
        [history] `history` 时间窗口
        [after-task] `after task` 时间窗口
        [service-level] 任务的服务时限（`within`）
       *[after-send] `after send` 时间窗口
    }长度为零，永远不会匹配到任何东西
    .label = 时间窗口长度为零
    .help = 写一个大于零的时长，比如 `1d` 或 `30d`

# 没有声明过的名字，怎么声明。
declare-tag = 先声明它和它的类型：`tag { $name }: enum { "{" } … { "}" }`（或 `set { "{" } … { "}" }`、`number`、`bool`、`text`）
declare-event = 先声明它：`event { $name }`
declare-touchpoint = 先声明它：`touchpoint { $name } { "{" } channel wecom { "}" }`
declare-team = 先声明它：`team { $name } { "{" } capacity 40 per day { "}" }`
declare-journey = 先声明它：`journey { $name } { "{" } entry on … stage … { "}" }`，或检查拼写

## 事件字段（src/check/fields.rs）。

field-type = { $ty }字段
field-out-of-place = 只有在处理 `{ $event }` 事件的地方才能读取 `{ $field }`
    .other = 这里不能读取 `{ $field }`：这条规则处理的是 `{ $handled }` 事件，不是这个字段所属的事件
    .label = 这里没有在处理这个事件
    .help = 在 `on { $event } …` 规则、`entry on { $event } if …`、`exit on { $event } if …` 或目标 `{ $event } if …` 里使用它；要回看过去的事件，用 `count`、`sum` 或 `did`
field-not-a-condition = `{ $field }` 是{ $ty }字段，不是条件
    .label = 只有是否字段可以单独作为条件
    .help = 把它和一个值比较：`{ $field } == …`
field-mismatch = `{ $field }` 是{ $ty }字段：这个比较和它的类型不符
    .label = 不是这个字段类型的值
    .help-number = 和数字比较：`{ $field } >= 199`
    .help-bool = 单独使用：`{ $field }` 或 `not { $field }`
    .help-enum = 用 `==` 或 `!=` 和它的某个选项比较：`{ $field } == { $value }`
    .help-text = 用 `==` 或 `!=` 和文本比较：`{ $field } == "…"`
field-not-a-variant = `{ $value }` 不是字段 `{ $field }` 的选项
    .label = 不是选项
    .declared = 字段在这里声明
    .help = `{ $field }` 的选项有 { $values }
    .help-near = 是不是想写 { $names }？`{ $field }` 的选项有 { $values }
tag-from-field = 标签 `{ $tag }` 是{ $ty }标签，但 `{ $field }` 是{ $fty }字段
    .help = 标签只能取同类型的字段：数字、文本、是否，或选项都在标签里的枚举字段
    .variants = 标签 `{ $tag }` 没有 `{ $field }` 的选项 { $values }
    .variants-label = 这个字段有标签没有的选项
    .variants-tag = 标签在这里声明
    .variants-help = 把 { $values } 加进 `{ $tag }` 的选项
stage-trigger-outside-stage = `{ $trigger }` 从某个阶段算起，不能用作全旅程规则的触发条件
    .label = 写在旅程里、所有阶段之外
    .help = 把这条规则移到它所属的阶段 { $stages } 里；全旅程规则以 `on 事件`、`when`、`every` 或 `on 日期` 开头
    .help-none = 把这条规则移到某个阶段里；全旅程规则以 `on 事件`、`when`、`every` 或 `on 日期` 开头

## 组合：一个人群上的多个旅程（src/check/portfolio.rs）。

priority-not-integer = `priority { $value }` 不是整数
    .label = 不是整数
    .help = 写一个整数，例如 `priority 10`：同一时刻，优先级高的旅程先发（默认 0）
enter-own-journey = `enter { $name }` 写在旅程 `{ $name }` 自己里面
    .label = 用户已经在这个旅程里
    .help = 要去同一旅程的另一个阶段，用 `goto 阶段名`
mixed-timezones = 旅程 `{ $name }` 用时区 { $zone }，而 `{ $first }` 用 { $first_zone }：一起模拟的旅程共用一个日历
    .label = 时区 { $zone }
    .first = 时区 { $first_zone }
    .help = 让一起模拟的每个旅程（这个文件和它导入的文件里的）的 `timezone` 写同一个时区（例如 `timezone "{ $first_zone }"`）
