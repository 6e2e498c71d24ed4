# Shared words of diagnostics, in English (kinds, help and fix titles used by many
# codes; each area has its own file: syntax, check, lint, cli). Every id here is also
# in zh/diagnostics.ftl; the code
# names them with `msg!("id", …)` (src/i18n/message.rs).

## The kinds of things a file declares, as messages name them.

kind-tag = tag
kind-event = event
kind-touchpoint = touchpoint
kind-team = team

## Help lines shared by many codes.

did-you-mean = did you mean { $names }?

## J0101–J0105: a name that nothing declares.

unknown-name = unknown { $kind } `{ $name }`
    .label = no { $kind } is declared with this name

# A help line where a format has one text per diagnostic (SARIF, GitHub, editors).
help-line = help: { $help }

## Fix titles.

fix-use-name = change it to `{ $name }`
# The editor's action that makes every safe fix of a file.
fix-all-safe = Fix all safe problems in this file ({ $count })

# The word that leads a help line in the terminal (padded to 6 columns).
help-keyword = help:

## More kinds.

kind-segment = segment
kind-policy = policy
kind-journey = journey
kind-population = population
kind-variant = variant
kind-field = field
kind-stage = stage
kind-goal = goal
kind-split-arm = split arm
kind-split = split
