# `journey simulate --trace` 的时间线，中文。每个 id 也在 en/trace.ftl 里。
# 名称、模板和源码片段是参数，照原样显示。

# 时间戳的星期（`$day`：周一 0 到周日 6）。
trace-weekday = { $day ->
    [0] 周一
    [1] 周二
    [2] 周三
    [3] 周四
    [4] 周五
    [5] 周六
   *[6] 周日
}

trace-tags = 抽取的标签：{ $tags }
trace-group-treatment = 分组：实验组（对照组占用户的 { $holdout }）：消息照常发送
trace-group-holdout = 分组：对照组（占用户的 { $holdout }）：所有发送都被抑制，不生成任务，也不进入任何分流
trace-arrival = 到达：{ $event }
trace-no-arrival = 在模拟结束之后才到达（{ $time }）：无需模拟
trace-event = 事件 { $event }
trace-event-fields = 事件 { $event }（{ $fields }）
trace-from-start = 模拟开始时已存在（arrivals none）
trace-past-event = 历史事件 { $event }（开始之前）
trace-past-event-fields = 历史事件 { $event }（{ $fields }）（开始之前）
trace-enter-journey = 进入旅程 { $journey }
trace-stage-first = 阶段 → { $stage }
trace-stage = 阶段 { $from } → { $to }

trace-rule = { $stage }：`{ $rule }`（{ $at }）
trace-rule-wide = 全旅程：`{ $rule }`（{ $at }）
trace-line = 第 { $line } 行
trace-line-in = { $file } 第 { $line } 行
trace-fired = { $rule }触发
trace-skipped-left = { $rule }跳过：用户已离开该阶段，规则取消
trace-skipped-journey-left = { $rule }跳过：用户已离开旅程，规则取消
trace-skipped-guard = { $rule }跳过：条件不成立（{ $values }，需要 { $guard }）
trace-skipped-unless = { $rule }跳过：条件不成立（{ $values }，需要 { $guard } 不成立）

trace-read-never = { $what }：从未发生
trace-read-last = { $what }：上次在 { $time }
trace-read-last-event = 上次事件在 { $time }
trace-read-no-event = 还没有任何事件
trace-read-stage = 阶段 { $stage }
trace-read-outside = 不在旅程中
trace-read-today = 今天是 { $date }
trace-unset = （未设置）

trace-sent = { $send }：已发送
trace-suppressed = { $send }：已抑制（对照组）
trace-deferred = { $send }：免打扰时段 `{ $window }`，推迟到 { $until }
trace-capped-journey = { $send }：被旅程的 `{ $limit }` 拦下（{ $period ->
    [0] 今天
    [1] 本周
   *[2] 本月
}已发 { $sent } 条）
trace-capped-touchpoint = { $send }：被 { $touchpoint } 的 `{ $limit }` 拦下（{ $period ->
    [0] 今天
    [1] 本周
   *[2] 本月
}已发 { $sent } 条）
trace-capped-journey-rolling = { $send }：被旅程的 `{ $limit }` 拦下（最近 { $window } 内已发 { $sent } 条）
trace-capped-touchpoint-rolling = { $send }：被 { $touchpoint } 的 `{ $limit }` 拦下（最近 { $window } 内已发 { $sent } 条）
trace-capped-policy = { $send }：被频控策略 { $policy } 的 `{ $limit }` 拦下（它计入的触点{ $period ->
    [0] 今天
    [1] 本周
   *[2] 本月
}已发 { $sent } 条）
trace-capped-policy-rolling = { $send }：被频控策略 { $policy } 的 `{ $limit }` 拦下（它计入的触点最近 { $window } 内已发 { $sent } 条）
trace-enter = enter { $journey }：转入旅程 { $journey }，本次模拟不包含该旅程
trace-enter-run = enter { $journey }：本条规则执行完后转入旅程 { $journey }（除非其 reentry 不允许再次进入）
trace-allowance = { $line }；额度已被 { $journeys } 用掉
trace-used-by = { $journey }（{ $count } 条）
trace-send-cancelled = 推迟的 { $send } 已取消：用户已离开旅程
trace-tag = 标签 { $tag } = { $value }
trace-task = 任务交给 { $team }："{ $text }"（今天进入团队队列；{ $team } 每天处理 { $capacity } 条，先到先做；积压见报告的团队表）
trace-task-suppressed = 任务不交给 { $team }："{ $text }"：用户在对照组，不生成任务（计为已抑制）
trace-split-arm = 分流：进入 { $arm }
trace-split-holdout = 分流：不进入（对照组）
trace-branch = { $branch }：执行此分支（{ $values }）
trace-branch-none = if：没有分支成立（{ $values }）
trace-exit = 离开旅程 { $journey }（{ $why }）
trace-left-in-loop = 规则循环
trace-goal = 达成目标 { $goal }
trace-goal-window = 目标 { $goal }：窗口开始（首次进入 { $stage }）
trace-stopped = 因规则循环 { $stages } 被停止（{ $why }）；用户离开旅程，不再参与本次模拟
trace-loop-stage-changes = 同一时刻回到已进入过的阶段超过 { $count } 次
trace-loop-steps = 同一时刻超过 { $count } 步
