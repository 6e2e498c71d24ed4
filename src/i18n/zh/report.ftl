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
report-list-team-tasks = 团队任务列表
report-list-split-arms = 分流组
report-list-arm-goals = 分流组的目标
report-list-daily-counts = 每日计数
report-unknown-transition = 有一次流转去往阶段 { $stage }，而这次模拟只有 { $stages } 个阶段
report-unknown-path-stage = 有一条路径经过阶段 { $stage }，而这次模拟只有 { $stages } 个阶段
report-version-not-number = 它的版本号 { $version } 不是整数
report-funnel-not-stages = 它的漏斗没有把这次模拟的每个阶段恰好列一次
report-unknown-entry = 它提到第 { $index } 个{ $what }，而这次模拟只有 { $count } 个
report-list-exit-reasons = 退出原因
report-list-template-touchpoint = 触点
report-list-task-minute = 任务分钟

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

# 上面几条共用的一句（是 term，不是消息：代码里不会直接引用）。
-report-how-to-write = 可以用 `journey simulate FILE --shard K/N -o PART.json` 生成
