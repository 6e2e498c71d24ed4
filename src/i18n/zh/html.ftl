# HTML 报告页面（src/report/html.rs）的中文。这里的每个 id 在 en/html.ftl 里也有。
# 名称和标签照文件里的写法显示。

html-title = { $journey } — 旅程模拟
html-heading = { $journey } 模拟报告
# 带标签的名称，标签在前（`新手阶段 (新手)`）。
html-labelled = { $label } ({ $name })

# 页面上的“怎么读这份报告”。
html-reading-heading = 怎么读这份报告
html-reading-holdout-term = 对照组
html-reading-holdout = 随机留出的一部分用户：照常走旅程的各个阶段，但不收到任何消息。他们自己达成目标的比例就是基线，也就是没有这个旅程时本来会发生的事。
html-reading-lift-term = 提升
html-reading-lift = 实验组的目标达成率减去对照组的，单位是百分点（相对提升：再除以对照组的达成率）。这就是旅程带来的增量。
html-reading-interval-term = 95% 区间
html-reading-interval = 按用户数推算，真实的达成率或提升所在的范围。提升的区间不含 0，说明差异不是偶然；含 0，则还需要更多用户才能判断。
html-reading-split-term = 分流
html-reading-split = 每个分组都与第一组比较，从用户被分到该组的那一刻算起。

html-funnel-title = 漏斗
html-funnel-note = 到达每个阶段的用户数，按用户流转的顺序排列；百分比分别相对于进入旅程的用户和上一步。
html-funnel-rates = 占进入 { $entry } · 占上一步 { $previous }

html-sends-title = 每日发送量（按触点）
html-sends-note = 每个触点一张小图，各用各的刻度（虚线是它发送最多的一天），发送多的渠道不会把其他渠道压平。
html-sends-sub = { $channel } · 共发送 { $sent }

html-goals-title = 目标与分流
html-goals-note = 达成每个目标的用户比例及其 95% 区间：实验组、对照组，以及从分流时刻算起的每个分组。
html-group-treatment = { $goal } · 实验组
html-group-holdout = { $goal } · 对照组
html-group-arm = { $goal } · 分流 { $split } 的 { $arm } 组
html-lift = { $goal }：提升 { $lift } 个百分点（{ $relative }），95% 区间 { $low } 到 { $high }：{ $verdict }。
html-lift-unknown = { $goal }：还算不出提升（有一组没有用户）。
html-verdict-clear = 可以和 0 区分开
html-verdict-unclear = 还不能和 0 区分开
html-comparison = { $goal }，分流 { $split }：{ $arm } 组对比 { $baseline } 组，{ $lift } 个百分点，95% 区间 { $low } 到 { $high }，p = { $p }：{ $verdict }。
html-comparison-wins = { $arm } 组胜出
html-comparison-unclear = 检验还无法判断
html-comparison-unclear-needed = 检验还无法判断；每组约需 { $users } 名用户才能看出这个差异

html-team-title = 团队 { $team }：任务与积压
html-team-note = 每天新建的任务（柱）和完成的任务（线）与产能对照，用左侧刻度；留到第二天的积压用右侧单独的刻度。
html-legend-created = 新建
html-legend-done = 完成
html-legend-capacity = 产能 每天 { $capacity }
html-legend-backlog = 积压（右侧刻度）
html-team-waits = 从新建到完成的等待：中位数 { $p50 } 小时，p90 { $p90 } 小时。
html-team-dropped = { $dropped } 个任务在团队处理之前用户已离开，已作废；对照组用户的 { $suppressed } 个任务没有生成。
html-team-sla = 有时限的任务中，{ $share } 在时限内完成。
html-team-suggested = 产能提到每天 { $capacity }，可在时限内完成 90%。
html-team-suggested-backlog = 产能提到每天 { $capacity }，结束时积压不超过一天的产能。

html-fatigue-title = 每人每天收到的消息数
html-fatigue-note = 按当天收到的消息条数统计的“用户·天”（所有触点，含群发）：中位数 { $p50 }，p95 { $p95 }，最多 { $max }。
html-fatigue-axis = 当天收到的消息条数

html-exits-title = 用户为什么离开
html-exits-note = 离开旅程的阶段访问，按原因汇总所有阶段。

