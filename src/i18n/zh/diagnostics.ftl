# 诊断信息，中文。这里的每个 id 在 en/diagnostics.ftl 里也有；代码用
# `msg!("id", …)` 引用它们（src/i18n/message.rs）。
# 写给运营同学看：用平常话和行业里的词（旅程、阶段、触点、标签、事件、分流、
# 对照组、频控、静默时段），不用编译器的术语。

## 文件里声明的各种东西，在提示里的叫法。

kind-tag = 标签
kind-event = 事件
kind-touchpoint = 触点
kind-team = 团队

## 多个代码共用的提示。

did-you-mean = 是不是想写 { $names }？

## J0101–J0105：没有声明过的名字。

unknown-name = 找不到{ $kind } `{ $name }`
    .label = 没有声明叫这个名字的{ $kind }

# 某些格式里每条诊断只有一段文字（SARIF、GitHub、编辑器），提示接在后面。
help-line = 提示：{ $help }

## 修复的标题。

fix-use-name = 改成 `{ $name }`
# 编辑器里“一键修复本文件所有安全问题”的操作。
fix-all-safe = 修复本文件中所有可安全修复的问题（{ $count } 处）

# 终端里提示行开头的词（占 6 列）。
help-keyword = 提示：

## 更多的叫法。

kind-segment = 人群
kind-policy = 频控策略
kind-journey = 旅程
kind-population = 模拟人群
kind-variant = 选项
kind-field = 字段
kind-stage = 阶段
kind-goal = 目标
kind-split-arm = 分流分支
kind-split = 分流实验
