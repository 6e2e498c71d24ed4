# journey diff: command-line messages and the words of its human and markdown output.

diff-two-paths = name two files to compare (OLD NEW), or one file with --base REF
diff-base-one-path = with --base, name the one file to compare with its version at REF
diff-no-git = cannot run `git`: { $reason }
diff-not-a-repository = `{ $path }` is not inside a git repository, so --base has nothing to read from
diff-unknown-ref = git knows no revision `{ $reference }`
diff-not-in-ref = `{ $path }` does not exist at `{ $reference }`
diff-new-has-errors = `{ $file }` has errors (listed in the diff): fix them first
diff-nothing-to-simulate = no impact: NEW declares no { $kind }
diff-no-impact-errors = no impact: a version with errors cannot be simulated
diff-population-does-not-fit = no impact: OLD cannot be simulated on NEW's population `{ $population }` (it names something OLD does not declare)
diff-journey-is-new = no impact: OLD has none of the journeys simulated ({ $journeys }), there is nothing to compare them with
diff-fail-on-bad = --fail-on `{ $text }`: { $reason }
diff-fail-on-no-test = no test: end with `>N`, `>=N`, `<N`, `<=N`, `+N`, `-N`, `+N%` or `-N%`
diff-fail-on-no-number = the test needs a number (`fatigue.p95>3`, `cost+10%`)
diff-fail-on-bad-path = not a figure: write `cost`, `fatigue.p95`, `fatigue.max`, `touchpoints.NAME.sent`, `goals.JOURNEY/GOAL.rate`, `teams.NAME.backlog_end`, `policies.NAME.capped` or `funnel.STAGE.users`
diff-fail-on-delta-moves = `.delta` takes a comparison (`<`, `>`), not `+N` or `-N`
diff-fail-on-unknown = --fail-on `{ $text }`: the impact has no { $kind } `{ $name }`
diff-fail-on-did-you-mean = { $message }; did you mean `{ $name }`?
diff-fail-on-no-impact = --fail-on needs the impact, and there is none (see the diff's notes)
diff-fail-on-held = --fail-on `{ $condition }` holds

diff-title = journey diff: { $old } → { $new }
diff-no-changes = No changes.
diff-summary-changes = { $count ->
    [one] 1 change
   *[other] { $count } changes
}: { $added } added, { $removed } removed, { $changed } changed, { $renamed } renamed.
diff-summary-diagnostics = Diagnostics: { $new } new, { $fixed } fixed.
diff-summary-run = Impact: { $together ->
    [false] journey { $journeys }
   *[true] journeys { $journeys } together
} on population `{ $population }`, seed { $seed }, { $users } users, { $days } days, both versions on the same users.
diff-note = Note: { $note }

diff-kind-added = added
diff-kind-removed = removed
diff-kind-changed = changed
diff-kind-renamed = renamed
diff-what-declaration = declaration
diff-what-journey = journey
diff-what-stage = stage
diff-what-rule = rule
diff-diagnostic-new = new
diff-diagnostic-fixed = fixed

diff-part-label = label
diff-part-type = type
diff-part-fields = fields
diff-part-condition = condition
diff-part-capacity = capacity
diff-part-channel = channel
diff-part-caps = caps
diff-part-quiet-windows = quiet windows
diff-part-cost = cost
diff-part-broadcast = broadcast
diff-part-size = size
diff-part-start = start
diff-part-days = days
diff-part-arrivals = arrivals
diff-part-tag = tag
diff-part-behavior = behavior
diff-part-history = history
diff-part-timezone = timezone
diff-part-entry = entry
diff-part-reentry = reentry
diff-part-exit = exit
diff-part-goal = goal
diff-part-holdout = holdout
diff-part-trigger = trigger
diff-part-timing = timing
diff-part-guard = guard
diff-part-actions = actions
diff-part-touchpoint = touchpoint
diff-part-template = template
diff-part-split-arms = split arms
diff-part-split-percents = split percents
diff-part-conditions = conditions

diff-section-changes = Changes
diff-section-diagnostics = Diagnostics
diff-section-impact = Impact
diff-section-touchpoints = Sends per touchpoint
diff-section-goals = Goals
diff-section-by-journey = Sends per touchpoint and journey
diff-section-policies = Policies (sends capped)
diff-section-funnel = Funnel (users reaching each stage)
diff-section-teams = Teams

diff-figure-cost = cost
diff-figure-fatigue-p95 = sends per user per day, p95
diff-figure-fatigue-max = sends per user per day, max
diff-figure-sent = { $name } sent
diff-figure-rate = { $goal } rate
diff-figure-backlog = { $team } backlog at the end

diff-col-change = change
diff-col-what = what
diff-col-name = name
diff-col-parts = what changed
diff-col-where = where
diff-col-status = status
diff-col-code = code
diff-col-message = message
diff-col-figure = figure
diff-col-old = old
diff-col-new = new
diff-col-delta = Δ
diff-col-ci95 = Δ 95% interval
diff-col-touchpoint = touchpoint
diff-col-sent-old = sent, old
diff-col-sent-new = sent, new
diff-col-per-day-delta = Δ per day
diff-col-peak-old = peak day, old
diff-col-peak-new = peak day, new
diff-col-cost-delta = Δ cost
diff-col-goal = goal
diff-col-lift-old = lift, old
diff-col-lift-new = lift, new
diff-col-stage = stage
diff-col-team = team
diff-col-journey = journey
diff-col-policy = policy
diff-col-capped-old = capped, old
diff-col-capped-new = capped, new
diff-col-backlog-old = backlog at end, old
diff-col-backlog-new = backlog at end, new
diff-col-peak-backlog-old = peak backlog, old
diff-col-peak-backlog-new = peak backlog, new
diff-col-sla-old = within SLA, old
diff-col-sla-new = within SLA, new
