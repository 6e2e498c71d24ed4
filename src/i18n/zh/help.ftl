# `journey --help` 的中文（src/cli/help.rs）。

help-heading-usage = 用法：
help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项
help-journey = 检查、编译和模拟 .journey 旅程文件（私域运营旅程）。
help-check = 检查旅程文件中的错误和警告
help-check-paths = 文件或目录（目录下所有 *.journey 文件，含子目录；目录按一个项目检查）。不写的话，检查当前目录所在的项目
help-check-format = 输出格式：`sarif` 用于代码扫描，`github` 用于在合并请求中标注
help-check-deny = 把警告当作错误（`--deny warnings`）
help-check-allow = 本次不报某个警告，例如 `--allow J0409`（可写多次）
help-check-fix = 自动做安全的修改（全角标点、只有一个相近名字的拼写错误等），改写文件，再报告剩下的问题
help-check-unsafe-fixes = 与 `--fix` 或 `--diff` 一起用：也做建议的修改（删除没用到的声明、补上时区等），这些修改需要人看一遍
help-check-diff = 以统一差异格式（diff）列出要做的修改，不改任何文件
help-explain = 解释一个诊断代码：出错的例子和改法
help-explain-code = 诊断代码，例如 J0102
help-compile = 把旅程文件编译成执行端运行的 JSON 计划
help-compile-file = 要编译的 .journey 文件；给文件夹时编译它的入口文件（没有被其他文件导入的那个）；不给时，在项目里编译项目的入口文件
help-compile-journey = 只编译这个旅程（声明总会保留）
help-compile-output = 写到 PATH（要么全部写完，要么不写），而不是标准输出
help-compile-schema = 输出计划的 JSON Schema（docs/plan.schema.json），而不是计划
help-graph = 把旅程的阶段和流转画成 Mermaid 或 DOT 图
help-graph-file = 要画的 .journey 文件；给文件夹时画它的入口文件（没有被其他文件导入的那个）；不给时，在项目里画项目的入口文件
help-graph-journey = 要画的旅程（默认：把文件里的所有旅程画在一起，连同它们之间 `enter` 的交接）
help-graph-format = Mermaid 流程图（在 GitHub 的 ```mermaid 代码块中显示）或 Graphviz DOT（默认：按 `-o` 文件的扩展名，`.dot` 或 `.gv` 为 DOT，否则 Mermaid）
help-graph-output = 写到 PATH（要么全部写完，要么不写），而不是标准输出
help-fmt = 就地整理旅程文件的格式，列出改动过的文件（`--check`：什么都不改）
help-fmt-paths = 文件或目录（目录下所有 *.journey 文件，含子目录）；`-` 表示整理标准输入，写到标准输出
help-fmt-check = 不写任何文件；列出格式不规范的文件，有的话退出码为 1
help-lsp = 在标准输入输出上运行语言服务（给编辑器用；见 docs/editor.md）
help-lsp-stdio = 为传这个参数的编辑器而接受；只支持标准输入输出
help-simulate = 在人群上模拟旅程：阶段、发送、成本、目标、团队工作量
help-simulate-file = 旅程文件；给文件夹时运行它的入口文件（没有被其他文件导入的那个）；不给时，在项目里运行项目的入口文件
help-simulate-journey = 要模拟的旅程；可重复给出多个（默认：文件里的所有旅程，在同一人群上一起模拟）
help-simulate-population = 在哪个人群上模拟（默认：文件里唯一的人群）
help-simulate-users = 用户数，最多 1,000,000,000（默认：人群的 `size`）
help-simulate-days = 模拟天数，最多 36,500（默认：人群的 `days`）
help-simulate-seed = 随机种子：种子相同，报告相同
help-simulate-threads = 工作线程数，最多 256（默认：全部核心）。报告与线程数无关
help-simulate-format = 输出格式（默认：按 `-o` 文件的扩展名，否则为 `table`）
help-simulate-daily = 时间线每天一行（默认每周一行）
help-simulate-output = 把报告写到这个文件（要么全部写完，要么不写），而不是标准输出
help-simulate-shard = 只模拟 N 个分片中的第 K 个（K 从 0 开始，N 最多 10,000），写出部分 JSON 报告，供 `journey report merge` 合并
help-simulate-trace = 输出一个用户的时间线（用户编号从 0 开始），而不是报告
help-simulate-schema = 输出模拟报告的 JSON Schema（docs/report.schema.json），而不是模拟
help-report = 处理模拟报告（合并分片）
help-report-merge = 把 `journey simulate --shard K/N` 的部分报告合并成与一次完整运行相同的报告
help-report-merge-parts = 部分报告，每个分片一份，顺序不限
help-report-merge-format = 输出格式（默认：按 `-o` 文件的扩展名，否则为 `table`）
help-report-merge-daily = 时间线每天一行（默认每周一行）
help-report-merge-output = 把报告写到这个文件（要么全部写完，要么不写），而不是标准输出
help-diff = 一次改动会带来什么：语义上的变化、新出现和已修复的问题、模拟出的影响
help-diff-files = 旧版本，然后是新版本（用 `--base` 时只给新版本，默认当前目录）：一个文件、一个带 import 的文件（它所在的项目），或一个项目目录
help-diff-base = 从 git 的这个版本（`main`、`HEAD~1`、某个提交）读取旧版本，通过 `git` 命令：这个文件，或项目的每个文件
help-diff-journey = 要模拟的旅程；可重复给出多个（默认：文件里的所有旅程，在同一人群上一起模拟）
help-diff-population = 在哪个模拟人群上模拟（默认：文件里唯一的人群）
help-diff-users = 用户数，最多 1,000,000,000（默认：人群的 `size`）
help-diff-days = 模拟天数，最多 36,500（默认：人群的 `days`）
help-diff-seed = 随机种子：同一个种子得到同一份报告
help-diff-threads = 工作线程数，最多 256（默认：全部核心）。报告与它无关
help-diff-format = 输出格式
help-diff-output = 把 diff 写到这个文件（要么全部写完，要么不写），而不是标准输出
help-diff-fail-on = 影响满足这个条件时以 1 退出，例如 `fatigue.p95>3`、`cost+10%`、`goals.J/G.rate-0.01`（可重复；见 docs/diff.md）
help-diff-schema = 输出 diff 的 JSON Schema（docs/diff.schema.json），不做比较
help-command-help = 显示本帮助，或指定命令的帮助
help-flag-lang = 提示信息的语言：`zh`（中文）或 `en`。默认：$JOURNEY_LANG，否则用项目 journey.toml 的设置，否则在区域设置（$LC_ALL、$LC_MESSAGES、$LANG）为 `zh…` 时用中文，否则用英文
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-examples =
    示例：
      journey check examples/                          检查目录下的每个 .journey 文件
      journey check campaign.journey --format json     给 CI 用的机器可读诊断
      journey check . --deny warnings                  有警告也算失败
      journey check . --format sarif > journey.sarif   给 GitHub 代码扫描用的 SARIF
      journey check . --allow J0409                    本次不报某个警告
      journey explain J0102                            一个代码的含义和改法
      journey simulate campaign.journey                在它的人群上模拟：报告表格
      journey simulate campaign.journey -o r.html      同一份报告，做成带图表的 HTML 页面
      journey simulate campaign.journey --trace 7      一个模拟用户的时间线
      journey compile campaign.journey -o plan.json    执行端运行的 JSON 计划（docs/plan.md）
      journey graph campaign.journey --format mermaid  旅程的阶段和流转
      journey fmt --check .                            列出格式不规范的 .journey 文件
      journey diff --base main campaign.journey        一次改动会带来什么：变化、问题、影响
# 参数说明后面的默认值和可选值。
help-default = { $help }（默认：`{ $value }`）
help-choices = { $help }（可选：{ $values }）
