#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the project's own journey files: the examples
# and every .journey under tests/ (valid files, lint cases, broken inputs).
set -euo pipefail
cd "$(dirname "$0")"
for target in parse_check format compile simulate; do
  mkdir -p "corpus/$target"
  find ../examples ../tests -name '*.journey' -print0 |
    while IFS= read -r -d '' f; do
      cp "$f" "corpus/$target/$(echo "$f" | tr '/.' '__')"
    done
done
echo "seeded $(ls corpus/parse_check | wc -l) files per target"
