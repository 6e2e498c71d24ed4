#!/usr/bin/env bash
# The CLI's input and work limits, measured as a process (docs/performance.md, "Input
# and work limits"): how fast and in how much memory each refusal comes, and that a
# 20 MB file below the input limit is still read. Usage: benches/limits/run.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release/journey}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# A file of one declaration and comment lines, of about $1 MB.
comments() {
  python3 - "$1" > "$2" <<'PY'
import sys
line = "# " + "注释" * 30 + "\n"
sys.stdout.write("event signup\n" + line * (int(sys.argv[1]) * 1_000_000 // len(line.encode())))
PY
}
comments 20 "$dir/20mb.journey"
comments 100 "$dir/100mb.journey"

measure() {
  local what=$1; shift
  /usr/bin/time -f "%e s %M KB" -o "$dir/time" "$@" > /dev/null 2>&1 || true
  printf "%-46s %s\n" "$what" "$(tail -n 1 "$dir/time")"
}
measure "check /dev/zero (refused)" "$bin" check /dev/zero
measure "check a 100 MB file (refused)" "$bin" check "$dir/100mb.journey"
measure "check a 20 MB file (read)" "$bin" check "$dir/20mb.journey"
measure "simulate --threads 10000 (refused)" "$bin" simulate examples/beauty_w2.journey --threads 10000
measure "simulate --users 10^9 --days 36500 (refused)" "$bin" simulate examples/beauty_w2.journey --users 1000000000 --days 36500
