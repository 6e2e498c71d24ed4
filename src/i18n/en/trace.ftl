# The `journey simulate --trace` timeline, in English. Every id here is also in
# zh/trace.ftl. Names, templates and source text are arguments, shown as written.

# A timestamp's weekday (`$day`: Monday 0 to Sunday 6).
trace-weekday = { $day ->
    [0] Mon
    [1] Tue
    [2] Wed
    [3] Thu
    [4] Fri
    [5] Sat
   *[6] Sun
}

trace-tags = tags drawn: { $tags }
# `$holdout` is the journey's holdout share (`10%`).
trace-group-treatment = group: treatment (the holdout is { $holdout } of users): sends go out
trace-group-holdout = group: holdout ({ $holdout } of users): every send is suppressed, no task is created and no split arm is taken
trace-arrival = arrives: { $event }
trace-no-arrival = arrives after the end of the run ({ $time }): nothing to simulate
trace-event = event { $event }
trace-event-fields = event { $event } ({ $fields })
trace-from-start = exists from the start (arrivals none)
trace-past-event = past event { $event } (history, before the start)
trace-past-event-fields = past event { $event } ({ $fields }) (history, before the start)
trace-enter-journey = enters journey { $journey }
trace-stage-first = stage → { $stage }
trace-stage = stage { $from } → { $to }

# A rule: its stage, its first line as written (a block's head), where it is.
trace-rule = { $stage }: `{ $rule }` ({ $at })
trace-rule-wide = journey-wide: `{ $rule }` ({ $at })
# Where a rule is (`$at` above): its line; in a project, its file and its line there.
trace-line = line { $line }
trace-line-in = { $file } line { $line }
trace-fired = { $rule } fired
trace-skipped-left = { $rule } skipped: cancelled, the user left the stage
trace-skipped-journey-left = { $rule } skipped: cancelled, the user left the journey
# `$values`: what the guard read at that moment; `$guard`: its condition as written.
trace-skipped-guard = { $rule } skipped: guard is false ({ $values }, needs { $guard })
trace-skipped-unless = { $rule } skipped: guard is false ({ $values }, needs { $guard } to be false)

# What a guard read.
trace-read-never = { $what }: never
trace-read-last = { $what }: last { $time }
trace-read-last-event = last event { $time }
trace-read-no-event = no event yet
trace-read-stage = stage { $stage }
trace-read-outside = outside the journey
trace-read-today = today is { $date }
trace-unset = (unset)

# `$send` is the action as written: send wecom "welcome_gift".
trace-sent = { $send }: sent
trace-suppressed = { $send }: suppressed (holdout)
trace-deferred = { $send }: deferred by the quiet window `{ $window }` to { $until }
# `$limit` as written (`limit 2 per day`); `$period`: 0 day, 1 week, 2 month.
trace-capped-journey = { $send }: capped by the journey's `{ $limit }` ({ $sent } already sent { $period ->
    [0] today
    [1] this week
   *[2] this month
})
trace-capped-touchpoint = { $send }: capped by { $touchpoint }'s `{ $limit }` ({ $sent } already sent { $period ->
    [0] today
    [1] this week
   *[2] this month
})
trace-capped-journey-rolling = { $send }: capped by the journey's `{ $limit }` ({ $sent } already sent in the last { $window })
trace-capped-touchpoint-rolling = { $send }: capped by { $touchpoint }'s `{ $limit }` ({ $sent } already sent in the last { $window })
trace-capped-policy = { $send }: capped by policy { $policy }'s `{ $limit }` ({ $sent } already sent { $period ->
    [0] today
    [1] this week
   *[2] this month
} on the touchpoints it counts)
trace-capped-policy-rolling = { $send }: capped by policy { $policy }'s `{ $limit }` ({ $sent } already sent in the last { $window } on the touchpoints it counts)
# `enter` names a journey this run does not simulate (one journey's run, or a portfolio
# without it).
trace-enter = enter { $journey }: handed on to journey { $journey }, which this run does not simulate
# `enter` names a journey the portfolio runs: the user enters it once the rule is done.
trace-enter-run = enter { $journey }: handed on to journey { $journey } once this rule's actions are done (unless its reentry keeps the user out)
# A portfolio's capped send (`$line`, a trace-capped-* line) and the journeys whose
# sends used the allowance (`$journeys`, trace-used-by each).
trace-allowance = { $line }; the allowance went to { $journeys }
trace-used-by = { $journey } ({ $count } sent)
trace-send-cancelled = deferred { $send } cancelled: the user left the journey
trace-tag = tag { $tag } = { $value }
# The trace follows one user: it knows the team's daily capacity, not the other users'
# tasks ahead of this one.
trace-task = task for { $team }: "{ $text }" (joins the team's queue today; { $team } does { $capacity } a day, oldest first; the report's team table shows the backlog)
trace-task-suppressed = task for { $team }: "{ $text }" not created: the user is in the holdout (counted as suppressed)
trace-split-arm = split: arm { $arm }
trace-split-holdout = split: no arm (holdout)
# `$branch`: the branch taken as written (`else if persona == 宝妈`, `else`); `$values`:
# what the conditions tried read.
trace-branch = { $branch }: taken ({ $values })
trace-branch-none = if: no branch taken ({ $values })
# `$why`: the source that made the user leave (`exit when`), or a rule loop.
trace-exit = leaves journey { $journey } ({ $why })
trace-left-in-loop = rule loop
trace-goal = goal { $goal } reached
trace-goal-window = goal { $goal }: its window opens (first entry into { $stage })
trace-stopped = stopped by a rule loop { $stages } ({ $why }); the user leaves the journey and takes no further part in the run
trace-loop-stage-changes = more than { $count } stage changes back into a stage at one moment
trace-loop-steps = more than { $count } steps at one moment
