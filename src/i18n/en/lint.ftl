# Warnings (J04xx), in English. Every id here is also in zh/lint.ftl.

## J0401: a declaration nothing uses.

unused-declaration = { $kind } `{ $name }` is declared but never used
    .label = never used
    .help = remove it, or use it in a journey, segment or population
fix-remove-declaration = remove the unused { $kind } `{ $name }`

## J0402: a journey without `timezone`.

missing-timezone = journey `{ $name }` has no timezone, so UTC is assumed
    .label = clocks and days of this journey are read in UTC
    .help = add `timezone "Asia/Shanghai"` (or the IANA name where your users live)
fix-add-timezone = add `timezone "Asia/Shanghai"`

## J0403 / J0404: stages no user reaches, or never leaves.

unreachable-stage = no user can reach stage `{ $stage }`
    .label = nothing leads here
    .help = users enter `{ $first }`; lead to it with `-> { $stage }` or `goto { $stage }` from a stage they reach, or remove it
dead-end-stage = stage `{ $stage }` is a dead end: users who get here stay forever
    .label = no `->`, `goto` or `exit` in this stage
    .help = add a way out (`after 30d -> …`, `exit`), or give the journey a `goal` or an `exit` line

## J0406 / J0407: conditions that never hold, or always hold. `condition` is the
## condition as written (in backticks) or `this-condition`.

this-condition = this condition
never-holds = { $condition } can never hold
    .label = no user can satisfy this
    .help = it is false, so { $consequence }
    .help-for = it is false for every value of { $subjects }, so { $consequence }
    .help-given = it is false wherever the rule's guard and the branches around it hold, so { $consequence }
always-holds = { $condition } always holds
    .label = every user satisfies this
    .help = it is true, so { $consequence }
    .help-for = it is true for every value of { $subjects }, so { $consequence }
    .help-given = it is true wherever the rule's guard and the branches around it hold, so { $consequence }
# What a constant condition means where it stands.
consequence =
    .rule-never-runs = the rule it guards never runs
    .unless-never-stops = `unless` never stops the rule; drop the guard
    .guard-never-stops = the guard never stops the rule; drop it
    .when-never-fires = this rule never fires
    .when-fires-at-entry = the rule fires as soon as users enter the stage (write `on enter` if that is meant)
    .segment-empty = no user is ever in this segment
    .segment-everyone = every user is in this segment
    .entry-never = no user ever enters the journey
    .entry-everyone = it lets every user in; drop it
    .exit-never = this exit line never ends the journey for anyone
    .exit-everyone = every user leaves the journey as soon as they enter
    .goal-never = no user ever reaches this goal
    .goal-always = the condition adds nothing to the goal; drop it (a `when` goal is then reached the moment its window opens)
    .multiplier-never = this multiplier never applies
    .multiplier-everyone = the multiplier applies to everyone; fold it into the `rate`
    .part-never-matters = this part never matters: fix its values or remove it
    .part-changes-nothing = this part changes nothing: fix its values or remove it
    .branch-never-runs = this branch never runs; remove it or fix its values
    .branch-always-runs = this branch runs for everyone and the branches after it never run; make it the `else`
# What a condition asks about, where it is not a name or an expression.
subject =
    .code = `{ $code }`
    .value = { $value }
    .idle = the time since the user's last event (`inactive`)
    .stage = the user's stage
    .segment = segment `{ $name }`
    .compared = the compared quantities
    .today = today's date

## J0408: a rule due after the stage's timeout. `timeout` is the timeout rule as
## written (in backticks) or `the-timeout`.

the-timeout = the stage's timeout
after-timeout = this rule is due { $due } after users enter stage `{ $stage }`, but { $timeout } moves everyone out before that
    .label = due after { $due }
    .leave = everyone leaves the stage here
    .help = it can never fire: make it due before { $gone }, lengthen the stage's timeout, or move the rule to the stage users go to next

## J0409: more sends on one day than a daily limit allows.

over-limit-touchpoint = stage `{ $stage }` can send { $count } times through `{ $touchpoint }` on one day, over its limit of { $cap } per day
over-limit-journey = stage `{ $stage }` can make { $count } sends on one day, over journey `{ $journey }`'s limit of { $cap } per day
over-limit-policy = stage `{ $stage }` can make { $count } sends on one day through the touchpoints policy `{ $policy }` counts, over its limit of { $cap } per day
# `sends`: the ordinals of the sends an action makes that day.
over-limit-sends = { $sends } send that day
over-limit-help = for users who enter the stage{ $weekday } at { $clock }, { $count } sends fall { $which }{ $unmarked }; from the { $capped } on they are dropped as capped: spread these rules over more days, or raise the limit
over-limit-weekday = { " " }on a { $day }
over-limit-which = { $days ->
        [0] on the day they enter
        [1] on the next day
       *[other] { $days } days after they enter
    }
over-limit-which-day = { $which } (a { $day })
over-limit-unmarked = { " " }({ $count } more send actions that day are not marked)
# `form`: the number's English ordinal form (one: 1st, two: 2nd, few: 3rd, other).
ordinal = { $n }{ $form ->
        [one] st
        [two] nd
        [few] rd
       *[other] th
    }
weekday =
    .monday = Monday
    .tuesday = Tuesday
    .wednesday = Wednesday
    .thursday = Thursday
    .friday = Friday
    .saturday = Saturday
    .sunday = Sunday

## J0410: a clock inside a quiet window.

quiet-clock = { $clock } falls inside the quiet window of `{ $touchpoint }` ({ $from }..{ $to })
    .label = sends through `{ $touchpoint }` are held until { $to }
    .window = quiet window
    .help = the send is always deferred to { $to }: move the clock outside { $from }..{ $to } (to { $to }, say), or send through another touchpoint

## J0411: a split arm with 0% of users.

dead-split-arm = split arm `{ $arm }` gets 0% of users, so its actions never run
    .label = no user lands in this arm
    .help = give the arm a share of users, or remove it

## J0412 / J0413: rules of one stage that fire together.

shadowed-at-once = this rule never runs: an unguarded transition moves users out of stage `{ $stage }` at the same moment
    .label = due at the same moment as the transition
shadowed-delayed = this rule never runs: an unguarded transition moves users out of stage `{ $stage }` before this rule is due
    .label = cancelled when users leave
shadowed =
    .leave = users leave the stage here
    .help = leaving a stage cancels its pending rules, and a transition ends the moment for the rules after it: put the actions into the transition's rule (`…: {"{"} send …  goto … {"}"}`), or into the next stage's `on enter`
duplicate-when = this `when` rule has the same condition, guard and timing as one above
    .label = same condition as above
    .first = first used here
    .help = both fire at the same moment for the same users: merge their actions into one rule, or change one of the conditions

## J0414: a goal no population produces.

unreachable-goal = no population produces `{ $event }`, so goal `{ $goal }` reads 0% in every simulation
    .label = never happens in simulation
    .help = describe how users produce it, e.g. `behavior { $event } {"{"} rate 1% per day {"}"}` in population `{ $population }`, or an `after send … : P%` chance through a touchpoint the journey sends on

## J0415: transitions that loop at one moment. `path`: the stages, joined by ` → `.

transition-loop = these transitions can loop at one moment: { $path }
    .long = these transitions can loop at one moment: { $head } → … → { $tail } ({ $count } stages)
    .back = sends users back to `{ $stage }`, closing the loop
    .on = sends users on to `{ $stage }`
    .help = a user for whom all these conditions hold goes round and round without end: make the conditions exclude each other, or delay one of the transitions (`after 1d`)

## J0423: an `if` branch no user reaches. `branch` is its head as written (in
## backticks) or `this-branch`.

this-branch = this branch
unreachable-branch = { $branch } is never taken
    .label = the branches before it take every user who could get here
    .help = remove it, or move it above the branch that takes its users
    .help-else = remove it: the branches before it already cover every user
## J0426: a `today in` window that ends before the population starts.

window-before-start = the window `today in { $window }` ends before population `{ $population }` starts on { $start }, so it never holds in a simulation
    .label = over before the simulation starts
    .help = check the year of the dates, or the population's `start`
repeats-journey-wide-rule = this rule repeats a journey-wide rule: users in stage `{ $stage }` get both
    .label = the same rule as the journey-wide one
    .original = the journey-wide rule, which already runs in every stage
    .help = delete it from stage `{ $stage }`: the journey-wide rule already runs there
    .fix = delete the stage's copy
recurring-journey-wide-transition = users already in stage `{ $stage }` enter it again at each of these moments
    .label = moves everyone into `{ $stage }`, those already there too
    .help = a journey-wide transition re-enters its stage, as `goto` does: `{ $stage }`'s `on enter` rules run again and its `after` timers restart; if only users elsewhere should move, add `unless in stage { $stage }`
    .help-guard = a journey-wide transition re-enters its stage, as `goto` does: `{ $stage }`'s `on enter` rules run again and its `after` timers restart; if only users elsewhere should move, add `and not in stage { $stage }` to its guard

## J0440: an `on DATE` rule whose moment is before every population starts.

date-before-start = `on { $moment }` comes before population `{ $population }` starts on { $start }: no user is in the stage then, so this rule never fires in a simulation
    .label = before the simulation starts
    .help = check the year of the date, or the population's `start`

## J0460: a task's service level shorter than one slot of its team.
service-level-below-slot = a service level of { $within } is shorter than one task slot of team `{ $team }` (about { $slot }): no task can be done that fast, so every one of them will be late
    .label = shorter than a slot of about { $slot }
    .team = its working hours cut into its daily capacity make each slot this long
    .help = give the task at least { $slot }, or raise the team's capacity to { $capacity } a day
