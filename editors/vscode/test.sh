#!/usr/bin/env bash
# Tests the TextMate grammar on the annotated sample lines in tests/*.journey with
# vscode-tmgrammar-test (installed from npm into this folder; node_modules is not
# committed).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/vscode-tmgrammar-test ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/vscode-tmgrammar-test --grammar syntaxes/journey.tmLanguage.json 'tests/*.journey'
