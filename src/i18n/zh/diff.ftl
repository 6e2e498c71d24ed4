# journey diff：命令行消息，以及人读格式和 Markdown 输出里的用词。

diff-two-paths = 请给出要比较的两个文件（旧 新），或者用 --base REF 加一个文件
diff-base-one-path = 用 --base 时，请只给出一个文件，它会和 REF 上的版本比较
diff-no-git = 无法运行 `git`：{ $reason }
diff-not-a-repository = `{ $path }` 不在 git 仓库里，--base 无处读取旧版本
diff-unknown-ref = git 里没有版本 `{ $reference }`
diff-not-in-ref = `{ $reference }` 上没有 `{ $path }`
diff-new-has-errors = `{ $file }` 有错误（见 diff 中的列表）：请先修正
diff-nothing-to-simulate = 没有影响评估：新版本没有声明{ $kind ->
        [journey] 旅程
       *[population] 模拟人群
    }
diff-no-impact-errors = 没有影响评估：有错误的版本无法模拟
diff-population-does-not-fit = 没有影响评估：旧版本无法在新版本的模拟人群 `{ $population }` 上模拟（它用到了旧版本没有声明的名字）
diff-journey-is-new = 没有影响评估：旧版本没有要模拟的旅程（{ $journeys }），没有可比较的旧版本
diff-fail-on-bad = --fail-on `{ $text }`：{ $reason }
diff-fail-on-no-test = 缺少判断：请以 `>N`、`>=N`、`<N`、`<=N`、`+N`、`-N`、`+N%` 或 `-N%` 结尾
diff-fail-on-no-number = 判断需要一个数字（`fatigue.p95>3`、`cost+10%`）
diff-fail-on-bad-path = 不是可用的指标：请写 `cost`、`fatigue.p95`、`fatigue.max`、`touchpoints.NAME.sent`、`goals.JOURNEY/GOAL.rate`、`teams.NAME.backlog_end`、`policies.NAME.capped` 或 `funnel.STAGE.users`
diff-fail-on-delta-moves = `.delta` 后面要用比较（`<`、`>`），不能用 `+N` 或 `-N`
diff-fail-on-unknown = --fail-on `{ $text }`：影响评估里没有{ $kind ->
        [touchpoint] 触点
        [goal] 目标
        [team] 团队
        [stage] 阶段
       *[figure] 指标
    } `{ $name }`
diff-fail-on-did-you-mean = { $message }；是不是想写 `{ $name }`？
diff-fail-on-no-impact = --fail-on 需要影响评估，但这次没有（见 diff 的说明）
diff-fail-on-held = --fail-on `{ $condition }` 成立

diff-title = journey diff：{ $old } → { $new }
diff-no-changes = 没有变化。
diff-summary-changes = { $count } 处变化：新增 { $added }，删除 { $removed }，修改 { $changed }，改名 { $renamed }。
diff-summary-diagnostics = 诊断：新出现 { $new } 个，已修复 { $fixed } 个。
diff-summary-run = 影响评估：{ $together ->
    [false] 旅程 { $journeys }
   *[true] 旅程 { $journeys } 一起运行
}，模拟人群 `{ $population }`，种子 { $seed }，{ $users } 个用户，{ $days } 天，两个版本用同一批用户。
diff-note = 说明：{ $note }

diff-kind-added = 新增
diff-kind-removed = 删除
diff-kind-changed = 修改
diff-kind-renamed = 改名
diff-what-declaration = 声明
diff-what-journey = 旅程
diff-what-stage = 阶段
diff-what-rule = 规则
diff-diagnostic-new = 新出现
diff-diagnostic-fixed = 已修复

diff-part-label = 标签文字
diff-part-type = 类型
diff-part-fields = 字段
diff-part-condition = 条件
diff-part-capacity = 产能
diff-part-channel = 渠道
diff-part-caps = 频次上限
diff-part-quiet-windows = 免打扰时段
diff-part-cost = 成本
diff-part-broadcast = 广播
diff-part-size = 人数
diff-part-start = 开始时间
diff-part-days = 天数
diff-part-arrivals = 到达方式
diff-part-tag = 标签
diff-part-behavior = 行为
diff-part-history = 历史
diff-part-timezone = 时区
diff-part-entry = 进入条件
diff-part-reentry = 再次进入
diff-part-exit = 退出条件
diff-part-goal = 目标
diff-part-holdout = 对照组
diff-part-trigger = 触发
diff-part-timing = 时机
diff-part-guard = 守卫条件
diff-part-actions = 动作
diff-part-touchpoint = 触点
diff-part-template = 模板
diff-part-split-arms = 分流组
diff-part-split-percents = 分流比例
diff-part-conditions = 分支条件

diff-section-changes = 变化
diff-section-diagnostics = 诊断
diff-section-impact = 影响
diff-section-touchpoints = 各触点发送量
diff-section-goals = 目标
diff-section-by-journey = 各触点按旅程的发送量
diff-section-policies = 频控策略（被拦下的发送）
diff-section-funnel = 漏斗（到达各阶段的用户）
diff-section-teams = 团队

diff-figure-cost = 成本
diff-figure-fatigue-p95 = 每用户每天触达数 p95
diff-figure-fatigue-max = 每用户每天触达数 最大
diff-figure-sent = { $name } 发送量
diff-figure-rate = { $goal } 达成率
diff-figure-backlog = { $team } 期末积压

diff-col-change = 变化
diff-col-what = 对象
diff-col-name = 名称
diff-col-parts = 改了什么
diff-col-where = 位置
diff-col-status = 状态
diff-col-code = 代码
diff-col-message = 消息
diff-col-figure = 指标
diff-col-old = 旧
diff-col-new = 新
diff-col-delta = Δ
diff-col-ci95 = Δ 的 95% 区间
diff-col-touchpoint = 触点
diff-col-sent-old = 发送量（旧）
diff-col-sent-new = 发送量（新）
diff-col-per-day-delta = 日均 Δ
diff-col-peak-old = 峰值日（旧）
diff-col-peak-new = 峰值日（新）
diff-col-cost-delta = 成本 Δ
diff-col-goal = 目标
diff-col-lift-old = 提升（旧）
diff-col-lift-new = 提升（新）
diff-col-stage = 阶段
diff-col-team = 团队
diff-col-journey = 旅程
diff-col-policy = 频控策略
diff-col-capped-old = 拦下（旧）
diff-col-capped-new = 拦下（新）
diff-col-backlog-old = 期末积压（旧）
diff-col-backlog-new = 期末积压（新）
diff-col-peak-backlog-old = 积压峰值（旧）
diff-col-peak-backlog-new = 积压峰值（新）
diff-col-sla-old = 时限内完成（旧）
diff-col-sla-new = 时限内完成（新）
