# The simulator's set-up errors and `journey report merge`'s own lines, in English.
# Every id here is also in zh/report.ftl.

# A partial report that cannot be read (`{ $name }` is the file).
report-not-partial = `{ $name }` is not a partial report (it is { $what }); { -report-how-to-write }
report-is-other-json = other JSON
report-is-format = a `{ $format }` file
report-is-final = a finished report of version { $version }, which holds no counts to merge
report-is-not-json = not JSON
report-empty = `{ $name }` is empty, not a partial report; { -report-how-to-write }
report-cut-short = `{ $name }` is cut short (it ends at line { $line }); write it again
report-not-valid-json = `{ $name }` is damaged: it is not valid JSON ({ $reason })
report-other-version = `{ $name }` is a partial report of version { $version }; this journey reads version { $supported }
report-counts-too-large = `{ $name }` is damaged: its counts are too large for any simulation
report-damaged = `{ $name }` is a damaged partial report: { $reason }

# Why a partial report is damaged (the `{ $reason }` above).
report-first-day-not-date = its first day `{ $day }` is not a date
report-shard-out-of-range = its shard { $index }/{ $count } is not one of at most { $most } shards
report-run-too-large = its run is larger than any simulation (users or days)
report-wrong-length = it has { $found } { $what } where its run has { $expected }
report-list-goals = goals
report-list-stages = stages
report-list-touchpoints = touchpoints
report-list-splits = splits
report-list-daily-sends = daily sends
report-list-daily-goals = daily goals
report-list-templates = send templates
report-list-posts = post lists
report-list-team-tasks = team task lists
report-list-contention = contention counts
report-list-split-arms = split arms
report-list-arm-goals = arm goals
report-list-daily-counts = daily counts
report-unknown-transition = a transition goes to stage { $stage }, and its run has { $stages }
report-unknown-path-stage = a path names stage { $stage }, and its run has { $stages }
report-version-not-number = its version { $version } is not a whole number
report-funnel-not-stages = its funnel does not list every stage of its run exactly once
report-team-hours = team `{ $team }` has working hours that are not part of one day of the week
report-unknown-entry = it names { $what } number { $index }, and its run has { $count }
report-list-exit-reasons = exit reason
report-list-template-touchpoint = touchpoint
report-list-task-minute = task minute
report-list-post-moment = post moment

# Parts that do not make one run.
report-none-given = no partial reports given
report-different-run = `{ $name }` is a shard of a different run than `{ $first }` (file, journey, population, seed, users or shard count differ)
report-shard-twice = shard { $index }/{ $count } is given twice
report-missing-shards = missing shards: { $shards }
report-missing-shards-more = missing shards: { $shards } and { $more } more

# A program the simulator cannot run.
sim-set-too-large = the simulator supports set tags of at most 64 values; `{ $name }` has { $count }
sim-too-many = the simulator supports at most { $most } { $what }; this file has { $count }
sim-limit-stages = stages in a journey
sim-limit-rules = rules in one stage
sim-limit-touchpoints = touchpoints
sim-limit-behaviors = behaviors in a population
sim-limit-journeys = journeys simulated together

# Shared by the messages above (a term, not a message: the code never names it).
-report-how-to-write = write one with `journey simulate FILE --shard K/N -o PART.json`

# ---- report sections ----
# The table and markdown reports (src/report/sections.rs): titles, columns, cells and
# notes. Values arrive formatted (numbers, percents); names as the file spells them.

report-title = Simulation of { $journey }
report-summary-run = population { $population } · seed { $seed } · { $users } users · { $days } days from { $start } ({ $timezone })
report-summary-entered = { $arrived } arrived · { $entered } entered { $journey } ({ $holdout } in the holdout)
report-warning-loop = warning: { $users } users of { $journey } were stopped by a rule loop (too many steps at one moment); see Rule loops

# Words inside cells.
report-named = { $label } ({ $name })
report-points = { $value } pts
report-points-interval = { $low } to { $high } pts
report-hours = { $value }h
report-days = { $value }d
report-fewer-than = fewer than { $min }
report-per-day = { $value }/day
report-exit-left = left the journey
report-exit-stayed = still there at the end
report-group-treatment = treatment
report-group-holdout = holdout
report-verdict-above = above zero
report-verdict-below = below zero
report-verdict-cannot-tell = cannot tell yet
report-week = week { $n }

# Goals.
report-section-goals = Goals
report-col-goal = goal
report-col-group = group
report-col-users = users
report-col-reached = reached
report-col-rate = rate
report-col-interval = 95% interval
report-note-goals = Rates are the share of users who reached the goal within its window; the 95% interval is Wilson's.
report-note-goal-from = { $goal }: its window opens at the first entry into { $stage }, and its users are those who entered it.
report-section-lift = Lift over the holdout
report-col-lift = lift
report-col-relative = relative
report-col-lift-interval = lift's 95% interval
report-col-p-value = p-value
report-col-verdict = at 95%
report-note-lift = Lift: treatment rate − holdout rate, in percentage points; relative: divided by the holdout rate. The lift is distinguishable from zero at 95% when its interval leaves 0 out.
report-note-no-holdout = { $journey } has no holdout, so its lift cannot be measured.

# The funnel, stages and rule loops.
report-section-funnel = Funnel
report-col-stage = stage
report-col-from-entry = from entry
report-col-from-previous = from previous
report-note-funnel = Stages in the order users flow; users who reached each stage, as a share of those who entered and of the step before.
report-section-stages = Stages
report-col-entered = entered
report-col-dwell-median = dwell median
report-col-dwell-p90 = dwell p90
report-col-dwell-n = n
report-col-left-to = left to
report-note-dwell = Dwell: time in the stage over the n visits that ended; no quantile is shown from fewer than { $min }.
report-section-exit-reasons = Exit reasons
report-col-reason = reason
report-col-visits = visits
report-section-loops = Rule loops
report-col-loop = loop
report-col-users-stopped = users stopped

# Splits.
report-section-split = Split { $split } in stage { $stage }
report-col-arm = arm
report-col-goal-rate = { $goal } rate
report-col-goal-interval = { $goal } 95% interval
report-col-against = against
report-col-users-needed = users per arm needed
report-note-split = Each arm's goal windows start when its users are assigned. Users per arm needed: to see the observed difference with a 5% test at 80% power.
report-split-wins = { $goal }: { $winner } beats { $loser } by { $lift } (95% interval { $interval }, p = { $p }).
report-split-cannot-tell = { $goal }: the test cannot tell { $arm } from { $baseline } yet (p = { $p }); about { $needed } users per arm would show a difference of { $lift } at 80% power.
report-split-same = { $goal }: { $arm } and { $baseline } converted at the same rate; no number of users would tell them apart.
report-split-no-users = { $goal }: { $arm } or { $baseline } has no users yet.

# Touchpoints, templates, policies and cost.
report-section-touchpoints = Touchpoints
report-col-touchpoint = touchpoint
report-col-channel = channel
report-col-sent = sent
report-col-deferred = deferred
report-col-capped = capped
report-col-suppressed = suppressed
report-col-posts = posts
report-col-cost = cost
report-note-touchpoints = Deferred: held for quiet hours, then sent; capped: stopped by a limit; suppressed: not sent to holdout users; posts: broadcast posts, which are what a broadcast costs.
report-section-templates = Templates
report-col-template = template
report-section-contention = Contention between journeys
report-col-limit = limit
report-col-journey = journey
report-col-capped-by-others = capped by others
report-contention-policy = policy { $policy }
report-note-contention = Sends of a journey that a touchpoint's or a policy's limit stopped although the journey's own sends had not reached it: other journeys had used the user's allowance first (higher priority goes first at one moment).
report-section-policies = Policies
report-col-policy = policy
report-section-cost = Cost
report-col-item = item
report-cost-total = total
report-cost-journey = journey { $journey }
report-cost-per-goal = per conversion of { $goal }
report-cost-per-incremental = per incremental conversion of { $goal }
report-note-cost = Per conversion: the journey's cost ÷ treatment users who reached the goal; per incremental conversion: ÷ (lift × treatment users), the conversions the journey added over the holdout.

# Teams.
report-section-teams = Teams
report-col-team = team
report-col-capacity = capacity
report-col-created = created
report-col-done = done
report-col-dropped = dropped
report-col-backlog-end = backlog at end
report-col-peak-backlog = peak backlog
report-col-wait-p50 = wait p50
report-col-wait-p90 = wait p90
report-col-within-sla = within SLA
report-col-suggested = suggested capacity
report-team-fell-behind = { $team } fell behind: { $backlog } tasks were still waiting at the end (peak { $peak }); users were simulated as if it kept up, so reactions to its tasks are optimistic here.
report-team-late = { $team } did only { $share } of its tasks within their service level (under 90%); users were simulated as if each task were handled on time, so reactions to tasks are optimistic here.
report-team-suggested = { $team }: about { $capacity } per day would do 90% of tasks within their service level.
report-team-suggested-backlog = { $team }: about { $capacity } per day would leave at most one day's work waiting at the end.

# Fatigue.
report-section-fatigue = Messages per user per day
report-col-sends = sends that day
report-col-user-days = user-days
report-col-share = share
report-note-fatigue = Over every day a user was in a journey: p50 { $p50 } · p95 { $p95 } · max { $max } sends.

# The timeline and paths.
report-section-weekly = Weekly sends, goal conversions and team backlog
report-section-daily = Daily sends, goal conversions and team backlog
report-col-week = week
report-col-day = day
report-col-daily-goal = goal { $goal }
report-col-daily-backlog = { $team } backlog
report-note-weekly = Sends and conversions summed over each week. `--daily` shows every day.
report-note-weekly-backlog = Backlog: on the week's last day.
report-section-paths = Most common paths
report-col-entries = entries
report-col-path = path
report-section-split-unnamed = Split in stage { $stage }
report-section-comparisons = { $title }: arms compared
