# `journey --help` (src/cli/help.rs). The English help is clap's own, from the doc
# comments; these English texts equal them (a test checks), the Chinese replace them.

help-heading-usage = Usage:{" "}
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-journey = Check, compile and simulate .journey campaign files (私域运营 journeys).
help-check = Check journey files for errors and warnings
help-check-paths = Files or directories (searched recursively for *.journey; a directory is checked as a project). Without one, the project around the current directory
help-check-format = Output format: `sarif` for code scanning, `github` for pull-request annotations
help-check-deny = Treat warnings as errors (`--deny warnings`)
help-check-allow = Silence a warning for this run, e.g. `--allow J0409` (repeatable)
help-check-fix = Apply the safe fixes (full-width punctuation, a misspelt name with one close match…), rewrite the files, then report what remains
help-check-unsafe-fixes = With `--fix` or `--diff`: also apply the suggested fixes (removing an unused declaration, adding a timezone…), which a person should review
help-check-diff = Print the fixes as a unified diff and change nothing
help-explain = Explain a diagnostic code, with a failing example and the fix
help-explain-code = A diagnostic code such as J0102
help-compile = Compile a journey file into the JSON plan that runners execute
help-compile-file = The .journey file to compile; a directory compiles its entry file (the one no other file imports); none, inside a project, the project's
help-compile-journey = Compile only this journey (declarations are always kept)
help-compile-output = Write to PATH (atomically: all or nothing) instead of stdout
help-compile-schema = Print the plan's JSON Schema (docs/plan.schema.json) instead of a plan
help-graph = Draw a journey's stages and transitions as a Mermaid or DOT graph
help-graph-file = The .journey file to draw; a directory draws its entry file (the one no other file imports); none, inside a project, the project's
help-graph-journey = The journey to draw (default: every journey of the file, together, with the `enter` hand-offs between them)
help-graph-format = Mermaid flowchart (renders on GitHub in a ```mermaid block) or Graphviz DOT (default: from the `-o` file's extension, `.dot` or `.gv`, else Mermaid)
help-graph-output = Write to PATH (atomically: all or nothing) instead of stdout
help-fmt = Format journey files in place, listing those it changed (`--check`: change nothing)
help-fmt-paths = Files or directories (searched recursively for *.journey); `-` formats standard input to standard output
help-fmt-check = Write nothing; list the files that are not formatted and exit 1 if any
help-lsp = Run the language server on stdin/stdout (for editors; see docs/editor.md)
help-lsp-stdio = Accepted for editors that pass it; stdio is the only transport
help-simulate = Simulate a journey on a population: stages, sends, costs, goals, team workload
help-simulate-file = The journey file; a directory runs its entry file (the one no other file imports); none, inside a project, the project's
help-simulate-journey = A journey to simulate; repeat it for several (default: every journey of the file, together on the population)
help-simulate-population = The population to simulate on (default: the file's only population)
help-simulate-users = Number of users, at most 1,000,000,000 (default: the population's `size`)
help-simulate-days = Days to simulate, at most 36,500 (default: the population's `days`)
help-simulate-seed = Random seed: the same seed gives the same report
help-simulate-threads = Worker threads, at most 256 (default: all cores). The report does not depend on it
help-simulate-format = Output format (default: from the `-o` file's extension, else `table`)
help-simulate-daily = Show the timeline a row per day (default: a row per week)
help-simulate-output = Write the report to this file (atomically) instead of standard output
help-simulate-shard = Simulate only shard K of N (K from 0, N at most 10,000) and write a partial JSON report for `journey report merge`
help-simulate-trace = Print one user's timeline (user index from 0) instead of the report
help-simulate-schema = Print the report's JSON Schema (docs/report.schema.json) instead of simulating
help-report = Work with simulation reports (merge shards)
help-report-merge = Merge the partial reports of `journey simulate --shard K/N` into the report a single run gives
help-report-merge-parts = Partial reports, one per shard, in any order
help-report-merge-format = Output format (default: from the `-o` file's extension, else `table`)
help-report-merge-daily = Show the timeline a row per day (default: a row per week)
help-report-merge-output = Write the report to this file (atomically) instead of standard output
help-diff = What a change does: semantic changes, new and fixed problems, simulated impact
help-diff-files = The old version, then the new one (with `--base`: the new one only, by default the current directory): a file, a file with imports (its project), or a project directory
help-diff-base = Read the old version from git at this revision (`main`, `HEAD~1`, a commit), through the `git` command: the file, or every file of the project
help-diff-journey = A journey to simulate; repeat it for several (default: every journey of the file, together on the population)
help-diff-population = The population to simulate on (default: the file's only population)
help-diff-users = Number of users, at most 1,000,000,000 (default: the population's `size`)
help-diff-days = Days to simulate, at most 36,500 (default: the population's `days`)
help-diff-seed = Random seed: the same seed gives the same report
help-diff-threads = Worker threads, at most 256 (default: all cores). The report does not depend on it
help-diff-format = Output format
help-diff-output = Write the diff to this file (atomically) instead of standard output
help-diff-fail-on = Exit 1 when this condition on the impact holds, e.g. `fatigue.p95>3`, `cost+10%`, `goals.J/G.rate-0.01` (repeatable; docs/diff.md)
help-diff-schema = Print the diff's JSON Schema (docs/diff.schema.json) instead of comparing
help-command-help = Print this message or the help of the given subcommand(s)
help-flag-lang = Language of messages: `zh` (中文) or `en`. Default: $JOURNEY_LANG, else the project's journey.toml, else Chinese when the locale ($LC_ALL, $LC_MESSAGES, $LANG) is `zh…`, else English
help-flag-help = Print help
help-flag-version = Print version
help-examples =
    Examples:
      journey check examples/                          check every .journey file under a directory
      journey check campaign.journey --format json     machine-readable diagnostics for CI
      journey check . --deny warnings                  fail on warnings too
      journey check . --format sarif > journey.sarif   SARIF for GitHub code scanning
      journey check . --allow J0409                    silence one warning for this run
      journey explain J0102                            what a code means and how to fix it
      journey simulate campaign.journey                simulate it on its population: report tables
      journey simulate campaign.journey -o r.html      the same report as one HTML page with charts
      journey simulate campaign.journey --trace 7      one simulated user's timeline
      journey compile campaign.journey -o plan.json    the JSON plan runners execute (docs/plan.md)
      journey graph campaign.journey --format mermaid  the journey's stages and transitions
      journey fmt --check .                            list .journey files that are not formatted
      journey diff --base main campaign.journey        what a change does: changes, problems, impact
# Under an argument's help, as clap words them in English.
help-default = { $help } [default: { $value }]
help-choices = { $help } [possible values: { $values }]
