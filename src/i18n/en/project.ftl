## Projects: `import` lines (src/project/load.rs), J0501–J0506. `path` is the path as
## written in the import; `files` the files of a cycle, joined by arrows.

import-not-relative = `import "{ $path }"` must name a file by a relative path
    .label = absolute path or URL
    .help = write the path relative to this file, e.g. `import "common.journey"`
import-not-journey = `import "{ $path }"` does not name a .journey file
    .label = not a .journey file
    .help = only .journey files can be imported; check the file name's ending
import-missing = the imported file `{ $path }` does not exist
    .label = no such file
    .help = the path is relative to the importing file's folder; check its spelling
    .near = did you mean `{ $near }`?
import-leaves-root = `import "{ $path }"` leaves the project
    .label = outside the project root `{ $root }`
    .help = keep every file of the project under the folder holding `journey.toml` (or add a `journey.toml` to a folder above both files)
import-cycle = the imports form a cycle: { $files }
    .label = this import closes the cycle
    .help = move what the files share into a file that imports neither of them
import-unreadable = the imported file cannot be read: { $reason }
    .label = cannot be read

## An unknown name that another file of the project declares (src/project/hints.rs):
## the help and the fix of a missing `import`. `path` is the import path to write.
unknown-not-imported = `{ $name }` is declared in `{ $file }`, which this file does not import: add `import "{ $path }"`
unknown-not-imported-fix = add `import "{ $path }"`

## `journey check` with no path (src/cli/check.rs).
check-no-project = no path given, and no `journey.toml` in this directory or above it: name the files or directories to check

## journey.toml (src/project/config.rs). Said in the language chosen without the file.
config-error = `{ $file }`: { $error }
config-not-toml = this is not valid TOML: { $reason }
config-not-table = `{ $section }` must be a table: write `[{ $section }]` above its keys
config-unknown-table = unknown table `[{ $text }]`: the tables are `[project]`, `[check]` and `[simulate]`
    .near = unknown table `[{ $text }]`; did you mean `[{ $near }]`?
config-unknown-key = unknown key `{ $key }`
    .near = unknown key `{ $key }`; did you mean `{ $near }`?
config-wrong-value = `{ $key }` must be { $expected }
config-expected-lang = `"zh"` or `"en"`
config-expected-seed = a whole number, 0 or more
config-expected-codes = a list of codes in quotes, such as `["J0409"]`
config-unknown-code = unknown code `{ $text }` in `deny` or `allow`
    .near = unknown code `{ $text }` in `deny` or `allow`; did you mean `{ $near }`?
config-error-code = `{ $code }` is an error, which always fails the check: only warnings can be denied or allowed
