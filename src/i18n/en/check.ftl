# Name, type and meaning diagnostics (J01xx–J03xx), in English.

## The types of tags and event fields, as messages name them.

type-enum = an enum
type-set = a set
type-number = a number
type-bool = a bool
type-text = a text
field-number = number
field-text = text
field-bool = bool
field-enum = enum
word-variant = variant
word-member = member

type-tag = { $ty } tag
declared-as-type = declared as { $ty } tag here

## Conditions (src/check/cond.rs).

between-needs-number = `between` needs a number tag, but `{ $tag }` is { $ty } tag
    .numbers = numbers
stage-outside-journey = `in stage` only makes sense inside a journey
    .label = no journey here
    .help = stages belong to one journey; use this condition in that journey's rules or exit lines
unknown-stage = unknown stage `{ $name }`
    .label = no stage of this journey has this name
    .help = stages are declared inside the journey: `stage NAME { "{" } … { "}" }`
not-a-condition = `{ $tag }` is { $ty } tag, not a condition
    .label = only bool tags and segments stand alone
    .help-enum = compare it with a variant: `{ $tag } == { $value }`
    .help-set = ask for a member: `{ $tag } has { $value }`
    .help-number = compare it with a number: `{ $tag } >= 18`
    .help-text = compare it with a value: `{ $tag } == "…"`
unknown-condition = unknown tag or segment `{ $name }`
    .label = not a declared bool tag or segment
    .help = declare it: `tag { $name }: bool` or `segment { $name } = …`
sum-needs-number = `sum` adds numbers, but `{ $event }.{ $field }` is { $ty ->
        [enum] an
       *[other] a
    } { $ty } field
    .label = not a number field
    .help = use `count(EVENT)` to count events, or sum a number field
unknown-field = event `{ $event }` has no field `{ $field }`
    .label = no such field
    .help-none = `{ $event }` declares no fields; add them: `event { $event } { "{" } { $field }: number { "}" }`
    .help-fields = its fields are { $fields }
equality-only = `{ $tag }` is { $ty } tag: it can only be compared with `==` or `!=`
    .label = ordering comparison
bool-compared = `{ $tag }` is a bool tag: use it on its own instead of comparing it
    .label = comparison with a bool tag
    .help = write `{ $tag }` or `not { $tag }`

# Each side is a number, a text, a name, a count, a sum, days since, or a tag of a
# type (then the value is the type's word); `operand` is one side alone.
compare-mismatch = cannot compare { $left-kind ->
        [number] the number { $left }
        [text] the text "{ $left }"
        [name] `{ $left }`
        [count] a count
        [sum] a sum
        [days] a number of days
       *[tag] { $left } tag
    } with { $right-kind ->
        [number] the number { $right }
        [text] the text "{ $right }"
        [name] `{ $right }`
        [count] a count
        [sum] a sum
        [days] a number of days
       *[tag] { $right } tag
    }
    .help = these two sides cannot be compared
    .help-set = a set tag is asked with `has`: `{ $tag } has { $value }`
    .help-number = `{ $tag }` is a number tag: compare it with a number
    .help-same = `{ $tag }` is { $ty } tag; the other side must be of the same kind
operand = { $kind ->
        [number] the number { $value }
        [text] the text "{ $value }"
        [name] `{ $value }`
        [count] a count
        [sum] a sum
        [days] a number of days
       *[tag] { $value } tag
    }

not-a-variant = `{ $value }` is not a { $kind } of `{ $tag }`
    .label = not a { $kind }
    .help = `{ $tag }` is one of { $values }
    .help-near = did you mean { $names }? `{ $tag }` is one of { $values }
in-list-type = `in [...]` needs an enum, text or number tag, but `{ $tag }` is { $ty } tag
    .help-set = ask a set tag with `has`: `{ $tag } has …`
    .help-bool = use `{ $tag }` on its own
value-mismatch = `{ $tag }` is { $ty } tag, and this value does not fit it
    .label = wrong kind of value
has-needs-set = `has` works only on set tags, but `{ $tag }` is { $ty } tag
    .help = declare the tag as a set: `tag NAME: set { "{" } a, b { "}" }`
    .help-enum = compare an enum with `==`: `{ $tag } == …`

## Journeys (src/check/journey.rs, timezone.rs).

missing-entry = journey `{ $name }` has no `entry`: no user can ever join it
    .label = no entry line in this journey
    .help = add a line such as `entry on signup` (or `entry when COND`)
no-stages = journey `{ $name }` has no stages
    .label = no `stage` in this journey
    .help = add a stage such as `stage 新手 { "{" } … { "}" }`; users enter the first stage
unknown-timezone = unknown timezone "{ $zone }"
    .label = not an IANA timezone name
    .help = use an IANA name such as "Asia/Shanghai" or "America/New_York"
    .help-near = did you mean "{ $zone }"?
    .help-alias = "{ $given }" is not a time zone name; write "{ $zone }"
    .help-ambiguous = "{ $given }" may mean China or US Central time; for China, write "{ $zone }"
    .help-offset = "{ $given }" is an offset, not a time zone; for China, write "{ $zone }"
fix-use-timezone = change it to "{ $zone }"
split-percent-sum = the arms of this split add up to { $total }%, not 100%
    .label = { $total }% in all
    .help = every user lands in exactly one arm, so the percents must add up to 100%
    .arm = arm { $name }
tag-action-mismatch = this does not fit `{ $tag }`, which is { $ty } tag
    .label = does not fit the tag's type
    .help-set = add or remove members of a set: `tag { $tag } += …` or `tag { $tag } -= …`
    .help-bool = set a bool tag with `tag { $tag }` or `tag { $tag } = false`, or clear it with `untag { $tag }`
    .help-missing = give a value: `tag { $tag } = …`; a bare `tag NAME` only sets bool tags
    .help-number = `{ $tag }` is a number tag: give a number, such as `tag { $tag } = 1`
    .help-word = `{ $tag }` is { $ty } tag: give a word or a string
member-op-needs-set = `{ $op }` works on set tags, but `{ $tag }` is { $ty } tag
    .label = `{ $op }` on { $ty } tag
    .help = set the value instead: `tag { $tag } = …`

## Populations (src/check/population.rs).

too-many-users = a population of { $users } users is too large to simulate
    .label = more than { $max }
    .help = a simulation runs at most { $max } users; lower `size`
too-many-days = { $days } days is too long to simulate
    .label = more than { $max }
    .help = a simulation runs at most { $max } days (100 years); lower `days`
history-too-many = { $count } past events per user is too many to simulate
    .label = more than { $max }
    .help = a `history` line gives each user at most { $max } past events; lower the high end
too-many-user-days = { $users } users for { $days } days is too much to simulate
    .label = { $total } user-days
    .help = a simulation runs at most { $max } user-days (users × days); lower `size` or `days`

# What a population draws: `kind` is `tag` or `field`, `target` its name
# (`年龄`, `purchase.amount`); the messages below name it with `.target`.
population-value-misfit = this value does not fit { population-value-misfit.target }
    .target = { $kind ->
        [field] field
       *[tag] tag
    } `{ $target }`
    .label = wrong kind of value
    .help-number = { population-value-misfit.target } is a number: draw it with `uniform 18..60`, or list numbers with percents (`1 70%, 2 30%`)
    .help-bool = { population-value-misfit.target } is a bool: give the chance that it is true, such as `5%`
    .help-values = { population-value-misfit.target } takes its declared values with percents, such as `{ $example }`
    .help-text = { population-value-misfit.target } is text: list values with percents, such as `"北京" 60%, "上海" 40%`
population-percent-sum = the percents of { population-value-misfit.target } add up to { $total }%, not 100%
    .label = { $total }% in all
    .help = each user gets exactly one of these values, so the percents must add up to 100%

## A number where a percent belongs (the parser's J0001 help; src/units.rs reads it).

percent-from-fraction = `{ $found }` reads as a fraction: write `{ $percent }` (or `{ $found }%` if you meant { $found } percent)
fix-use-percent = change it to `{ $percent }`

## Fix titles of the checker.

fix-write = write `{ $text }`
fix-use-equals = compare with `==` instead of `has`

## Declarations, settings and windows (src/check/mod.rs, decls.rs).

duplicate-name = { $kind } `{ $name }` is declared twice
    .label = declared again here
    .first = first declared here
    .help = rename one of them, or remove the duplicate
# `setting` is code: `channel`, `tag 风格`, `behavior 下单`.
duplicate-setting = `{ $setting }` is given twice
    .label = given again here
    .first = first given here
    .help = keep one `{ $setting }` line
empty-range = the range { $low }..{ $high } is empty: its low end is above its high end
    .label = low end above high end
    .help = write the low end first: { $high }..{ $low }
empty-hours = the working hours { $from }..{ $to } are empty: they end at or before their start
    .label = working hours end at or before they start
    .help = hours stay within one day and never wrap past midnight: write the start first, as in `hours weekday 09:00..18:00`
empty-date-range = no day is in { $first }..{ $last }: it ends before it starts
    .label = ends before it starts
    .help = write the first day first: { $last }..{ $first } (both days are included)
missing-setting = { $kind } `{ $name }` has no `{ $setting }`
    .label = needs a `{ $setting }` line
    .help = add a line such as `{ $example }`
capacity-per-day = a team's capacity is counted per day
    .label = not `day`
    .help = write `capacity { $count } per day`
unknown-channel = unknown channel `{ $name }`
    .label = not a channel
    .help = channels are { $channels }
    .help-near = did you mean `{ $near }`? channels are { $channels }
recursive-segment = segment `{ $name }` refers to itself
    .through = segment `{ $name }` refers to itself through { $through }
    .label = this segment's condition leads back to it
    .part = part of the cycle
    .help = a segment must be defined by tags, events and other segments that do not use it
zero-window = { $window ->
        [within] a `within` window
        [inactive] an `inactive` window
        [count] a `count` window
        [sum] a `sum` window
        [goal] a goal window
        [arrivals] an arrival window
        [history] a `history` window
        [after-task] an `after task` window
        [service-level] a task's service level (`within`)
       *[after-send] an `after send` window
    } of zero length can never match anything
    .label = zero-length window
    .help = give a positive duration such as `1d` or `30d`

# How to declare a name that nothing declares.
declare-tag = declare it first with its type: `tag { $name }: enum { "{" } … { "}" }` (or `set { "{" } … { "}" }`, `number`, `bool`, `text`)
declare-event = declare it first: `event { $name }`
declare-touchpoint = declare it first: `touchpoint { $name } { "{" } channel wecom { "}" }`
declare-team = declare it first: `team { $name } { "{" } capacity 40 per day { "}" }`
declare-journey = declare it: `journey { $name } { "{" } entry on … stage … { "}" }`, or check the spelling

## Event fields (src/check/fields.rs).

field-type = { $ty } field
field-out-of-place = `{ $field }` is read only where a `{ $event }` event is being handled
    .other = `{ $field }` cannot be read here: this rule handles `{ $handled }`, not the event of this field
    .label = no such event is being handled here
    .help = use it in a rule `on { $event } …`, in `entry on { $event } if …`, `exit on { $event } if …` or a goal `{ $event } if …`; to look back at past events use `count`, `sum` or `did`
field-not-a-condition = `{ $field }` is { $ty ->
        [enum] an
       *[other] a
    } { $ty } field, not a condition
    .label = only bool fields stand alone
    .help = compare it with a value: `{ $field } == …`
field-mismatch = `{ $field }` is { $ty ->
        [enum] an
       *[other] a
    } { $ty } field: this comparison does not fit it
    .label = not a value of the field's type
    .help-number = compare it with a number: `{ $field } >= 199`
    .help-bool = use it on its own: `{ $field }` or `not { $field }`
    .help-enum = compare it with one of its variants using `==` or `!=`: `{ $field } == { $value }`
    .help-text = compare it with a text using `==` or `!=`: `{ $field } == "…"`
field-not-a-variant = `{ $value }` is not a variant of field `{ $field }`
    .label = not a variant
    .declared = the field is declared here
    .help = the variants of `{ $field }` are { $values }
    .help-near = did you mean { $names }? the variants of `{ $field }` are { $values }
tag-from-field = tag `{ $tag }` is { $ty } tag, but `{ $field }` is { $fty ->
        [enum] an
       *[other] a
    } { $fty } field
    .help = a tag takes a field of its own type: number, text, bool, or an enum field whose variants the tag has
    .variants = tag `{ $tag }` has no variant for { $values } of `{ $field }`
    .variants-label = this field has variants the tag lacks
    .variants-tag = the tag is declared here
    .variants-help = add { $values } to the variants of `{ $tag }`
stage-trigger-outside-stage = `{ $trigger }` counts from a stage, so it cannot start a journey-wide rule
    .label = written in the journey body, outside any stage
    .help = move this rule into the stage it belongs to, { $stages }; journey-wide rules start with `on EVENT`, `when`, `every` or `on DATE`
    .help-none = move this rule into a stage; journey-wide rules start with `on EVENT`, `when`, `every` or `on DATE`

## Portfolios: several journeys on one population (src/check/portfolio.rs).

# `$value` as written: `high`, `1.5`, `"3"`.
priority-not-integer = `priority { $value }` is not an integer
    .label = not a whole number
    .help = write a whole number such as `priority 10`: at one moment, journeys with a higher priority send first (default 0)
enter-own-journey = `enter { $name }` is inside journey `{ $name }` itself
    .label = the user is already in this journey
    .help = use `goto STAGE` to move to another stage of the same journey
mixed-timezones = journey `{ $name }` uses time zone { $zone }, but `{ $first }` uses { $first_zone }: journeys simulated together share one calendar
    .label = in { $zone }
    .first = in { $first_zone }
    .help = give every journey simulated together (in this file and the files it imports) the same `timezone` line, for example `timezone "{ $first_zone }"`
