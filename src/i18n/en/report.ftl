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
report-list-team-tasks = team task lists
report-list-split-arms = split arms
report-list-arm-goals = arm goals
report-list-daily-counts = daily counts
report-unknown-transition = a transition goes to stage { $stage }, and its run has { $stages }
report-unknown-path-stage = a path names stage { $stage }, and its run has { $stages }
report-version-not-number = its version { $version } is not a whole number
report-funnel-not-stages = its funnel does not list every stage of its run exactly once
report-unknown-entry = it names { $what } number { $index }, and its run has { $count }
report-list-exit-reasons = exit reason
report-list-template-touchpoint = touchpoint
report-list-task-minute = task minute

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

# Shared by the messages above (a term, not a message: the code never names it).
-report-how-to-write = write one with `journey simulate FILE --shard K/N -o PART.json`
