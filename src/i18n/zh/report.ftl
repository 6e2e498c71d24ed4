# 模拟器的准备错误和 `journey report merge` 自己的提示，中文。每个 id 也都在 en/report.ftl 里。

# 读不了的分片模拟报告（`{ $name }` 是文件名）。
report-not-partial = `{ $name }` 不是分片模拟报告（{ $what }）；{ -report-how-to-write }
report-is-other-json = 它是别的 JSON 文件
report-is-format = 它是 `{ $format }` 文件
report-is-final = 它是第 { $version } 版的完整模拟报告，里面没有可以合并的计数
report-is-not-json = 它不是 JSON 文件
report-empty = `{ $name }` 是空文件，不是分片模拟报告；{ -report-how-to-write }
report-cut-short = `{ $name }` 不完整（到第 { $line } 行就断了），请重新生成
report-not-valid-json = `{ $name }` 已损坏：不是有效的 JSON（{ $reason }）
report-other-version = `{ $name }` 是第 { $version } 版的分片模拟报告，当前的 journey 只能读第 { $supported } 版
report-counts-too-large = `{ $name }` 已损坏：里面的计数大到任何一次模拟都不可能产生
report-damaged = `{ $name }` 是损坏的分片模拟报告：{ $reason }

# 分片模拟报告损坏的原因（上面的 `{ $reason }`）。
report-first-day-not-date = 它的第一天 `{ $day }` 不是日期
report-shard-out-of-range = 它的分片 { $index }/{ $count } 不在最多 { $most } 个分片的范围内
report-run-too-large = 它记录的模拟规模（用户数或天数）超出了任何一次模拟的上限
report-wrong-length = 它有 { $found } 项{ $what }，而这次模拟应有 { $expected } 项
report-list-goals = 目标
report-list-stages = 阶段
report-list-touchpoints = 触点
report-list-splits = 分流
report-list-daily-sends = 每日发送数
report-list-daily-goals = 每日目标达成数
report-list-templates = 发送模板
report-list-posts = 发布列表
report-list-team-tasks = 团队任务列表
report-list-contention = 争用计数
report-list-split-arms = 分流组
report-list-arm-goals = 分流组的目标
report-list-daily-counts = 每日计数
report-unknown-transition = 有一次流转去往阶段 { $stage }，而这次模拟只有 { $stages } 个阶段
report-unknown-path-stage = 有一条路径经过阶段 { $stage }，而这次模拟只有 { $stages } 个阶段
report-version-not-number = 它的版本号 { $version } 不是整数
report-funnel-not-stages = 它的漏斗没有把这次模拟的每个阶段恰好列一次
report-team-hours = 团队 `{ $team }` 的工作时间不在一周中的某一天之内
report-unknown-entry = 它提到第 { $index } 个{ $what }，而这次模拟只有 { $count } 个
report-list-exit-reasons = 退出原因
report-list-template-touchpoint = 触点
report-list-task-minute = 任务分钟
report-list-post-moment = 发布时刻

# 凑不成同一次模拟的分片。
report-none-given = 没有给出分片模拟报告
report-different-run = `{ $name }` 和 `{ $first }` 不是同一次模拟的分片（文件、旅程、人群、种子、用户数或分片数不一样）
report-shard-twice = 分片 { $index }/{ $count } 给了两次
report-missing-shards = 缺少分片：{ $shards }
report-missing-shards-more = 缺少分片：{ $shards }，另外还缺 { $more } 个

# 模拟器运行不了的内容。
sim-set-too-large = 模拟器只支持最多 64 个取值的集合标签；`{ $name }` 有 { $count } 个
sim-too-many = 模拟器最多支持 { $most } 个{ $what }；这个文件有 { $count } 个
sim-limit-stages = 旅程中的阶段
sim-limit-rules = 单个阶段中的规则
sim-limit-touchpoints = 触点
sim-limit-behaviors = 人群中的行为
sim-limit-journeys = 一起模拟的旅程

# 上面几条共用的一句（是 term，不是消息：代码里不会直接引用）。
-report-how-to-write = 可以用 `journey simulate FILE --shard K/N -o PART.json` 生成

# ---- report sections ----
# 表格和 Markdown 报告（src/report/sections.rs）的标题、列名、单元格用语和说明。
# 数值已经格式化好（数字、百分比）再传进来；名字按文件里的写法。

report-title = { $journey } 模拟报告
report-summary-run = 人群 { $population } · 种子 { $seed } · { $users } 名用户 · 从 { $start }（{ $timezone }）起 { $days } 天
report-summary-entered = { $arrived } 人到达 · { $entered } 人进入 { $journey }（其中对照组 { $holdout } 人）
report-warning-loop = 警告：{ $journey } 有 { $users } 名用户因规则循环（同一时刻步数过多）被中止，见“规则循环”

# 单元格里的用语。
report-named = { $label } ({ $name })
report-points = { $value } 个百分点
report-points-interval = { $low } ~ { $high } 个百分点
report-hours = { $value } 小时
report-days = { $value } 天
report-fewer-than = 不足 { $min }
report-per-day = { $value }/天
report-exit-left = 退出旅程
report-exit-stayed = 结束时仍在
report-group-treatment = 实验组
report-group-holdout = 对照组
report-verdict-above = 显著为正
report-verdict-below = 显著为负
report-verdict-cannot-tell = 尚无法判断
report-week = 第{ $n }周

# 目标。
report-section-goals = 目标
report-col-goal = 目标
report-col-group = 分组
report-col-users = 用户
report-col-reached = 达成
report-col-rate = 达成率
report-col-interval = 95% 区间
report-note-goals = 达成率：在目标窗口内达成目标的用户占比；95% 区间用 Wilson 方法。
report-note-goal-from = { $goal }：目标窗口从首次进入 { $stage } 时开始，用户数只算进入过该阶段的用户。
report-section-lift = 相对对照组的提升
report-col-lift = 提升
report-col-relative = 相对提升
report-col-lift-interval = 提升的 95% 区间
report-col-p-value = p 值
report-col-verdict = 95% 置信下
report-note-lift = 提升 = 实验组达成率 − 对照组达成率（百分点）；相对提升 = 提升 ÷ 对照组达成率。95% 区间不含 0 时，提升在 95% 置信下与 0 有区别。
report-note-no-holdout = { $journey } 没有对照组，无法衡量提升。

# 漏斗、阶段和规则循环。
report-section-funnel = 漏斗
report-col-stage = 阶段
report-col-from-entry = 占进入
report-col-from-previous = 占上一步
report-note-funnel = 阶段按用户流转的顺序排列；到达各阶段的用户，占进入旅程用户和上一步用户的比例。
report-section-stages = 阶段
report-col-entered = 进入次数
report-col-dwell-median = 停留中位数
report-col-dwell-p90 = 停留 p90
report-col-dwell-n = 样本数
report-col-left-to = 去向
report-note-dwell = 停留时长：按已结束的停留（样本数）计算；样本不足 { $min } 时不给分位数。
report-section-exit-reasons = 退出原因
report-col-reason = 原因
report-col-visits = 次数
report-section-loops = 规则循环
report-col-loop = 循环
report-col-users-stopped = 被中止用户

# 分流。
report-section-split = 阶段 { $stage } 的分流 { $split }
report-col-arm = 分组
report-col-goal-rate = { $goal } 达成率
report-col-goal-interval = { $goal } 95% 区间
report-col-against = 对比
report-col-users-needed = 每组所需用户
report-note-split = 各组的目标窗口从用户被分组的时刻算起。每组所需用户：在 5% 显著性、80% 检验力下看出当前差异所需的每组人数。
report-split-wins = { $goal }：{ $winner } 胜过 { $loser }，高 { $lift }（95% 区间 { $interval }，p = { $p }）。
report-split-cannot-tell = { $goal }：检验尚不能区分 { $arm } 和 { $baseline }（p = { $p }）；要在 80% 检验力下看出 { $lift } 的差异，每组约需 { $needed } 名用户。
report-split-same = { $goal }：{ $arm } 和 { $baseline } 的达成率相同，多少用户都区分不了。
report-split-no-users = { $goal }：{ $arm } 或 { $baseline } 还没有用户。

# 触点、模板、策略和成本。
report-section-touchpoints = 触点
report-col-touchpoint = 触点
report-col-channel = 渠道
report-col-sent = 发送
report-col-deferred = 延后
report-col-capped = 被限额拦截
report-col-suppressed = 对照组未发
report-col-posts = 发布次数
report-col-cost = 成本
report-note-touchpoints = 延后：免打扰时段内暂缓、之后发出；被限额拦截：超过频次上限没有发；对照组未发：对照组用户不发消息；发布次数：群发类触点按发布次数计成本。
report-section-templates = 模板
report-col-template = 模板
report-section-contention = 旅程之间的争用
report-col-limit = 上限
report-col-journey = 旅程
report-col-capped-by-others = 被其他旅程占用而拦截
report-contention-policy = 策略 { $policy }
report-note-contention = 某个旅程的消息被触点或策略的上限拦截，而这个旅程自己发的并没有达到上限：是其他旅程先用掉了这个用户的额度（同一时刻优先级高的先发）。
report-section-policies = 策略
report-col-policy = 策略
report-section-cost = 成本
report-col-item = 项目
report-cost-total = 总成本
report-cost-journey = 旅程 { $journey }
report-cost-per-goal = 每次达成 { $goal } 的成本
report-cost-per-incremental = 每次增量达成 { $goal } 的成本
report-note-cost = 每次达成成本 = 旅程成本 ÷ 达成目标的实验组用户；每次增量达成成本 = 旅程成本 ÷（提升 × 实验组用户），即相对对照组多带来的每次达成的成本。

# 团队。
report-section-teams = 团队
report-col-team = 团队
report-col-capacity = 产能
report-col-created = 新建任务
report-col-done = 完成
report-col-dropped = 作废
report-col-backlog-end = 期末积压
report-col-peak-backlog = 积压峰值
report-col-wait-p50 = 等待 p50
report-col-wait-p90 = 等待 p90
report-col-within-sla = 按时完成率
report-col-suggested = 建议产能
report-team-fell-behind = { $team } 跟不上：结束时还有 { $backlog } 个任务在排队（峰值 { $peak }）；模拟假定团队跟得上，所以这里用户对其任务的反应偏乐观。
report-team-late = { $team } 只有 { $share } 的任务在服务时限内完成（不到 90%）；模拟假定每个任务都按时处理，所以这里用户对任务的反应偏乐观。
report-team-suggested = { $team }：每天约 { $capacity } 个的产能可以让 90% 的任务在时限内完成。
report-team-suggested-backlog = { $team }：每天约 { $capacity } 个的产能可以让结束时的积压不超过一天的产能。

# 疲劳度。
report-section-fatigue = 每人每天收到的消息数
report-col-sends = 当天条数
report-col-user-days = 人天
report-col-share = 占比
report-note-fatigue = 统计用户在旅程中的每一天：p50 { $p50 } · p95 { $p95 } · 最多 { $max } 条。

# 时间线和路径。
report-section-weekly = 每周发送、目标达成和团队积压
report-section-daily = 每日发送、目标达成和团队积压
report-col-week = 周
report-col-day = 日期
report-col-daily-goal = 达成 { $goal }
report-col-daily-backlog = { $team } 积压
report-note-weekly = 发送和达成按周加总。加 `--daily` 可看每一天。
report-note-weekly-backlog = 积压：取每周最后一天的数。
report-section-paths = 最常见的路径
report-col-entries = 进入次数
report-col-path = 路径
report-section-split-unnamed = 阶段 { $stage } 的分流
report-section-comparisons = { $title }：组间对比
