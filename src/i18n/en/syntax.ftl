# Syntax diagnostics (J00xx), in English: what the parser says when a line cannot be read.

## J0001: what the parser expected, and what it found.

syntax-expected = expected { $expected }, found { $found }
    .label = expected { $expected } here
syntax-expected-end = expected { $expected }, found the end of the file
syntax-unexpected = unexpected { $found }
    .label = unexpected here
syntax-unexpected-end = unexpected the end of the file

# What a person calls the thing the parser expects at a place.
expect-name = a name
expect-string = a string in double quotes
expect-number = a number
expect-integer = a whole number
expect-percent = a percent such as `50%`
expect-multiplier = a multiplier such as `x1.5`
expect-duration = a duration such as `7d` or `1h`
expect-clock = a clock time such as `20:00`
expect-date = a date such as `2026-03-02`
expect-day = a day such as `mon`, `weekend` or `daily`
expect-period = `day`, `week` or `month`
expect-comparison = a comparison such as `==` or `>=`
expect-value = a value
expect-channel = a channel such as `wecom`
expect-field-type = a field type (`number`, `text` or `bool`)
expect-condition = a condition

# Help lines for frequent slips.
syntax-help-unclosed = a `{"{"}` is not closed: add the missing `{"}"}`
syntax-help-duration = durations are whole numbers with a unit: `30m`, `1h`, `7d`, `2w`, `1d12h`
syntax-help-percent = percents are written with `%`: `{ $number }%`
syntax-help-comparison = compare with `==` (a single `=` sets a tag in an action)
syntax-help-clock = clock times are 24-hour `HH:MM`, such as `09:00` or `20:30`
syntax-help-day = days are `mon` `tue` `wed` `thu` `fri` `sat` `sun`, or `weekday`, `weekend`, `daily`
syntax-help-quote = put text in double quotes: "{ $text }"
syntax-help-rule-end = a rule ends with `: ACTION` or `-> STAGE`
syntax-help-else = `else` continues an `if`: write it right after the `if …:` (or `else if …:`) branch it belongs to, in the same block

## J0001: a `{` that is never closed.

unclosed-item = the { $kind } `{ $name }` opened on line { $line } is never closed
    .label = this `{"{"}` has no matching `{"}"}`
unclosed-brace = the `{"{"}` opened on line { $line } is never closed
unclosed-end = the file ends here
unclosed-next-item = the next item starts here
unclosed-kind-tag = tag
unclosed-kind-event = event
unclosed-kind-touchpoint = touchpoint
unclosed-kind-segment = segment
unclosed-kind-team = team
unclosed-kind-journey = journey
unclosed-kind-population = population
unclosed-kind-stage = stage
unclosed-kind-behavior = behavior

## J0002–J0006.

unterminated-string = this string has no closing quote
    .label = the string starts here
    .help = add a `"` at the end of the text; strings stay on one line
invalid-escape = this escape is not allowed in a string
    .label = unknown escape
    .help = use `\"`, `\\`, `\n` or `\u{"{"}4E2D{"}"}`; write other characters as they are
nesting-too-deep = brackets are nested more than { $max } levels deep
    .label = level { $level } starts here
    .help = split the condition into segments, or remove redundant parentheses
reserved-word = `{ $word }` is a reserved word and cannot be used as a name
    .label = reserved word
    .help = quote it with backticks (`` `{ $word }` ``) or choose another name
number-too-large = this number is too large
    .label = too large
    .help = write a smaller number
integer-too-large = `{ $number }` is too large for this setting
    .label = too large
    .help = counts and sizes must stay below 4,294,967,296; write a smaller number
percent-out-of-range = `{ $percent }` is not a percent between 0% and 100%
    .label = out of range
    .help = percents run from 0% to 100%
duration-too-long = the duration `{ $duration }` is too long
    .label = too long
    .help = durations are limited to 100 years
invalid-clock = `{ $clock }` is not a valid clock time
    .label = invalid clock time
    .help = clock times run from `00:00` to `23:59`; midnight is `00:00`
invalid-date = `{ $date }` is not a valid date
    .label = no such day
    .help = dates are `YYYY-MM-DD`, such as `2026-03-02`
    .month-end = that month ends on { $last }
invalid-month-day = there is no day `{ $day }` in a month
    .label = not a day of the month
    .help = days of the month run from 1 to 31; write `last` for the month's last day
rolling-window-out-of-range = a rolling limit over `{ $window }` cannot be counted
    .label = not between 1 minute and 366 days
    .help = write a window from `1m` to `366d`, such as `per 3d`, or a calendar period: `per day`, `per week`, `per month`

## J0007: full-width punctuation outside a string.

full-width = `{ $char }` is a { $name }; write `{ $ascii }`
    .label = { $name }
full-width-quotes = this text is in Chinese quotes; write it in straight double quotes `"`
    .label = Chinese quotes
fix-full-width = replace `{ $char }` with `{ $ascii }`
fix-full-width-quotes = replace `“` and `”` with `"`
full-width-colon = full-width colon
full-width-comma = full-width comma
full-width-semicolon = full-width semicolon
full-width-open-paren = full-width opening parenthesis
full-width-close-paren = full-width closing parenthesis
full-width-open-bracket = full-width opening bracket
full-width-close-bracket = full-width closing bracket
full-width-open-quote = Chinese opening quote
full-width-close-quote = Chinese closing quote
full-width-open-single-quote = Chinese opening single quote
full-width-close-single-quote = Chinese closing single quote
full-width-minus = full-width minus
full-width-arrow = full-width arrow
full-width-greater = full-width greater-than sign
full-width-less = full-width less-than sign
full-width-equals = full-width equals sign
full-width-digit = full-width digit
full-width-letter = full-width letter
full-width-space = full-width space
