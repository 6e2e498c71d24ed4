# The HTML report page (src/report/html.rs), in English. Every id here is also in
# zh/html.ftl. Names and labels come from the file as it spells them.

html-title = { $journey } — journey simulation
html-heading = Simulation of { $journey }
# A name with its label, label first (`新手阶段 (新手)`).
html-labelled = { $label } ({ $name })

# The note on how to read the page.
html-reading-heading = How to read this
html-reading-holdout-term = Holdout
html-reading-holdout = Users picked at random who go through the journey's stages but are sent nothing. What they do anyway is the baseline: what would have happened without the journey.
html-reading-lift-term = Lift
html-reading-lift = The treatment's goal rate minus the holdout's, in percentage points (relative lift: divided by the holdout's rate). It is what the journey added.
html-reading-interval-term = 95% interval
html-reading-interval = The range the true rate or lift lies in, given how many users there were. A lift whose interval leaves out 0 is not chance; one whose interval includes 0 needs more users to tell.
html-reading-split-term = Split
html-reading-split = Each arm is compared with the first, counting from the moment a user was assigned to it.

html-funnel-title = Funnel
html-funnel-note = Users who reached each stage, in the order users flow; the percentages are of the users who entered the journey and of the step before.
html-funnel-rates = { $entry } of entry · { $previous } of previous

html-sends-title = Sends per day, by touchpoint
html-sends-note = One small chart per touchpoint, each on its own scale (the dotted line is its busiest day), so that a busy channel does not flatten the others.
html-sends-sub = { $channel } · { $sent } sent

html-goals-title = Goals and splits
html-goals-note = The share of users who reached each goal, with its 95% interval: treatment, holdout, and each split arm counted from assignment.
html-group-treatment = { $goal } · treatment
html-group-holdout = { $goal } · holdout
html-group-arm = { $goal } · { $split } arm { $arm }
html-lift = { $goal }: lift { $lift } points ({ $relative }), 95% interval { $low } to { $high }: { $verdict }.
html-lift-unknown = { $goal }: no lift yet (a group has no users).
html-verdict-clear = distinguishable from zero
html-verdict-unclear = not distinguishable from zero yet
html-comparison = { $goal }, split { $split }: arm { $arm } against arm { $baseline }, { $lift } points, 95% interval { $low } to { $high }, p = { $p }: { $verdict }.
html-comparison-wins = arm { $arm } wins
html-comparison-unclear = the test cannot tell yet
html-comparison-unclear-needed = the test cannot tell yet; about { $users } users per arm would show this difference

html-team-title = Team { $team }: tasks and backlog
html-team-note = Tasks created (bars) and done (line) per day against the capacity, on the left scale; the backlog carried to the next day on its own scale at the right.
html-legend-created = created
html-legend-done = done
html-legend-capacity = capacity { $capacity } a day
html-legend-backlog = backlog (right scale)
html-team-waits = Wait from created to done: median { $p50 } h, p90 { $p90 } h.
html-team-dropped = { $dropped } tasks were dropped because their user moved on before the team reached them; { $suppressed } holdout users' tasks were not created.
html-team-sla = { $share } of the tasks with a service level were done within it.
html-team-suggested = A capacity of { $capacity } a day would do 90% within their service level.
html-team-suggested-backlog = A capacity of { $capacity } a day would leave at most one day's work waiting at the end.

html-fatigue-title = Messages per user per day
html-fatigue-note = User-days by how many sends reached the user that day (every touchpoint, broadcasts included): median { $p50 }, p95 { $p95 }, at most { $max }.
html-fatigue-axis = sends that reached the user that day

html-exits-title = Why users left
html-exits-note = Visits that left the journey, by reason, over every stage.

