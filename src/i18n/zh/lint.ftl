# 警告（J04xx），中文。这里的每个 id 在 en/lint.ftl 里也有。
# 写给运营同学看：用平常话和行业里的词，不用编译器的术语。

## J0401：声明了但没有用到。

unused-declaration = { $kind } `{ $name }` 声明了，但没有用到
    .label = 没有用到
    .help = 删掉它，或者在旅程、人群或模拟人群里用上它
fix-remove-declaration = 删掉没有用到的{ $kind } `{ $name }`

## J0402：旅程没有写 `timezone`。

missing-timezone = 旅程 `{ $name }` 没有设置时区，默认按 UTC 时间计算
    .label = 这个旅程里的时间和星期都按 UTC 计算
    .help = 加上 `timezone "Asia/Shanghai"`（或者用户所在地的 IANA 时区名）
fix-add-timezone = 加上 `timezone "Asia/Shanghai"`

## J0403 / J0404：没有用户能到达的阶段，或进来就出不去的阶段。

unreachable-stage = 没有用户能到达阶段 `{ $stage }`
    .label = 没有任何规则通向这里
    .help = 用户从 `{ $first }` 进入旅程；在用户能到达的阶段里用 `-> { $stage }` 或 `goto { $stage }` 通向它，或者删掉这个阶段
dead-end-stage = 阶段 `{ $stage }` 是死胡同：到了这里的用户会一直留在这里
    .label = 这个阶段里没有 `->`、`goto` 或 `exit`
    .help = 给它加一条出路（`after 30d -> …`、`exit`），或者给旅程加上 `goal` 或 `exit` 一行

## J0406 / J0407：永远不成立或永远成立的条件。

this-condition = 这个条件
never-holds = { $condition } 永远不会成立
    .label = 没有用户能满足这个条件
    .help = 它永远不成立，所以{ $consequence }
    .help-for = 不管 { $subjects } 取什么值，它都不成立，所以{ $consequence }
    .help-given = 在规则的条件和外层分支成立时，它都不成立，所以{ $consequence }
always-holds = { $condition } 永远成立
    .label = 所有用户都满足这个条件
    .help = 它永远成立，所以{ $consequence }
    .help-for = 不管 { $subjects } 取什么值，它都成立，所以{ $consequence }
    .help-given = 在规则的条件和外层分支成立时，它都成立，所以{ $consequence }
# 条件永远（不）成立，在它所在的位置意味着什么。
consequence =
    .rule-never-runs = 它把守的规则永远不会执行
    .unless-never-stops = `unless` 永远拦不住这条规则；去掉这个条件
    .guard-never-stops = 这个条件永远拦不住这条规则；去掉它
    .when-never-fires = 这条规则永远不会触发
    .when-fires-at-entry = 用户一进入这个阶段，规则就会触发（如果本意如此，请写 `on enter`）
    .segment-empty = 这个人群里永远没有用户
    .segment-everyone = 所有用户都在这个人群里
    .entry-never = 永远没有用户进入这个旅程
    .entry-everyone = 它对所有用户放行；去掉它
    .exit-never = 这行 `exit` 永远不会让任何人离开旅程
    .exit-everyone = 所有用户一进入旅程就会离开
    .goal-never = 永远没有用户能达成这个目标
    .goal-always = 这个条件对目标不起作用；去掉它（`when` 目标会在窗口开始时就达成）
    .multiplier-never = 这个倍率永远不会生效
    .multiplier-everyone = 这个倍率对所有人都生效；把它直接算进 `rate`
    .part-never-matters = 这一部分永远不起作用：改正它的取值，或者删掉它
    .part-changes-nothing = 这一部分什么也不改变：改正它的取值，或者删掉它
    .branch-never-runs = 这个分支永远不会执行；删掉它或改正取值
    .branch-always-runs = 每个用户都走这个分支，它后面的分支永远不会执行；把它写成 `else`
# 条件判断的对象（名字和表达式以外的）。
subject =
    .code = `{ $code }`
    .value = { $value }
    .idle = `inactive`（用户距上次任何事件的时间）
    .stage = 用户所在的阶段
    .segment = 人群 `{ $name }`
    .compared = 比较的两个数量
    .today = 当天的日期

## J0408：规则在阶段超时之后才到时间。

the-timeout = 这个阶段的超时规则
after-timeout = 这条规则要在用户进入阶段 `{ $stage }` { $due } 后才执行，但在那之前 { $timeout } 已经把所有人移出了这个阶段
    .label = { $due } 后才执行
    .leave = 所有人在这里离开这个阶段
    .help = 它永远不会执行：把时间改到 { $gone } 以内，延长这个阶段的超时，或者把这条规则移到用户接下来去的阶段

## J0409：一天内的发送次数超过每日频控。

over-limit-touchpoint = 阶段 `{ $stage }` 一天内可能通过 `{ $touchpoint }` 发送 { $count } 次，超过了它每天 { $cap } 次的频控
over-limit-journey = 阶段 `{ $stage }` 一天内可能发送 { $count } 次，超过了旅程 `{ $journey }` 每天 { $cap } 次的频控
over-limit-policy = 阶段 `{ $stage }` 一天内可能在频控策略 `{ $policy }` 计入的触点上发送 { $count } 次，超过了它每天 { $cap } 次的上限
over-limit-sends = 当天的{ $sends } 次发送
over-limit-help = 在{ $weekday } { $clock } 进入这个阶段的用户，{ $which }会收到 { $count } 次发送{ $unmarked }；从{ $capped } 次起都会被频控拦下：把这些规则分散到更多天，或者调高频控上限
over-limit-weekday = { $day }
over-limit-which = { $days ->
        [0] 进入当天
        [1] 第二天
       *[other] 进入 { $days } 天后
    }
over-limit-which-day = { $which }（{ $day }）
over-limit-unmarked = （当天另有 { $count } 处发送没有标出）
ordinal = 第 { $n }
weekday =
    .monday = 周一
    .tuesday = 周二
    .wednesday = 周三
    .thursday = 周四
    .friday = 周五
    .saturday = 周六
    .sunday = 周日

## J0410：时间落在静默时段里。

quiet-clock = { $clock } 落在 `{ $touchpoint }` 的静默时段（{ $from }..{ $to }）里
    .label = 通过 `{ $touchpoint }` 的发送会推迟到 { $to }
    .window = 静默时段
    .help = 这次发送总会推迟到 { $to }：把时间移到 { $from }..{ $to } 之外（比如 { $to }），或者换一个触点发送

## J0411：分到 0% 用户的分流分支。

dead-split-arm = 分流分支 `{ $arm }` 分到 0% 的用户，它的动作永远不会执行
    .label = 没有用户会分到这个分支
    .help = 给这个分支分一些用户，或者删掉它

## J0412 / J0413：同一阶段里同时触发的规则。

shadowed-at-once = 这条规则永远不会执行：同一时刻，一条没有条件的跳转已经把用户移出了阶段 `{ $stage }`
    .label = 和跳转在同一时刻到时间
shadowed-delayed = 这条规则永远不会执行：还没到它的时间，一条没有条件的跳转就把用户移出了阶段 `{ $stage }`
    .label = 用户离开阶段时就取消了
shadowed =
    .leave = 用户在这里离开这个阶段
    .help = 离开阶段会取消阶段里还没执行的规则，而跳转之后同一时刻的规则也不再执行：把这些动作放进跳转所在的规则（`…: {"{"} send …  goto … {"}"}`），或者放进下一个阶段的 `on enter`
duplicate-when = 这条 `when` 规则的条件、限定条件和时间都和上面的一条一样
    .label = 条件和上面的一样
    .first = 第一次出现在这里
    .help = 两条规则会在同一时刻对同一批用户触发：把它们的动作合并到一条规则里，或者改掉其中一个条件

## J0414：没有模拟人群会产生的目标事件。

unreachable-goal = 没有模拟人群会产生事件 `{ $event }`，所以目标 `{ $goal }` 在每次模拟里都是 0%
    .label = 模拟里永远不会发生
    .help = 描述用户怎样产生这个事件，比如在模拟人群 `{ $population }` 里写 `behavior { $event } {"{"} rate 1% per day {"}"}`，或者通过旅程会发送的触点写一个 `after send … : P%` 的概率

## J0415：同一时刻可能循环的跳转。

transition-loop = 这些跳转可能在同一时刻循环：{ $path }
    .long = 这些跳转可能在同一时刻循环：{ $head } → … → { $tail }（共 { $count } 个阶段）
    .back = 把用户送回 `{ $stage }`，形成循环
    .on = 把用户送到 `{ $stage }`
    .help = 如果这些条件对某个用户同时成立，他会在这里无休止地循环：让这些条件互相排斥，或者给其中一个跳转加上延迟（`after 1d`）

## J0423：没有用户能走到的 `if` 分支。`branch` 是分支开头的原文（带反引号）或 `this-branch`。

this-branch = 这个分支
unreachable-branch = { $branch } 永远不会执行
    .label = 能走到这里的用户都已经被前面的分支接走了
    .help = 删掉它，或者把它移到接走这些用户的那个分支前面
    .help-else = 删掉它：前面的分支已经覆盖了所有用户
## J0426：`today in` 的日期窗口在人群开始之前就结束了。

window-before-start = 窗口 `today in { $window }` 在人群 `{ $population }` 开始（{ $start }）之前就结束了，模拟中永远不成立
    .label = 模拟开始前就已结束
    .help = 检查日期的年份，或人群的 `start`
repeats-journey-wide-rule = 这条规则和一条全旅程规则完全相同：阶段 `{ $stage }` 里的用户会收到两次
    .label = 和全旅程规则相同
    .original = 全旅程规则，已经在每个阶段生效
    .help = 从阶段 `{ $stage }` 里删掉它：全旅程规则在那里已经生效
    .fix = 删掉阶段里的这份
recurring-journey-wide-transition = 已经在阶段 `{ $stage }` 的用户，每到这个时刻都会重新进入它
    .label = 把所有人都移到 `{ $stage }`，已经在那里的也会重新进入
    .help = 全旅程规则的跳转会重新进入目标阶段（和 `goto` 一样）：`{ $stage }` 的 `on enter` 规则会再跑一次，`after` 计时重新开始；如果只想移动其他阶段的用户，加上 `unless in stage { $stage }`
    .help-guard = 全旅程规则的跳转会重新进入目标阶段（和 `goto` 一样）：`{ $stage }` 的 `on enter` 规则会再跑一次，`after` 计时重新开始；如果只想移动其他阶段的用户，在它的条件后加上 `and not in stage { $stage }`

## J0440：`on DATE` 规则的时刻早于所有人群开始。

date-before-start = `on { $moment }` 早于人群 `{ $population }` 开始的 { $start }：那时还没有用户在这个阶段，这条规则在模拟中永远不会触发
    .label = 模拟开始前
    .help = 检查日期的年份，或人群的 `start`

## J0460: a task's service level shorter than one slot of its team.
service-level-below-slot = 服务时限 { $within } 比团队 `{ $team }` 处理一个任务的时段（约 { $slot }）还短：任务不可能这么快完成，每一个都会超时
    .label = 比一个约 { $slot } 的时段还短
    .team = 它的工作时间按每天的产能均分，每个时段就是这么长
    .help = 给任务至少 { $slot }，或者把团队产能提高到每天 { $capacity } 个
