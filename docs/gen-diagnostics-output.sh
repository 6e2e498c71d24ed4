#!/bin/sh
# Rewrites the output examples of docs/diagnostics.md and docs/diagnostics.zh.md (each
# `<!-- output: journey ARGS -->` line and the text block after it) with what the tool
# prints today. `cargo test --test explain` fails while they differ.
set -e
cd "$(dirname "$0")/.."
UPDATE_DOCS=1 cargo test --test explain the_references_show_exactly_what_the_tool_prints
