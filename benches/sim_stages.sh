#!/usr/bin/env bash
# Simulation memory against the number of stages: one user through a chain of N stages
# (`after 1h -> next`), peak resident memory and wall time of `journey simulate` as a
# process, from `/usr/bin/time -v`. Figures are recorded in docs/performance.md.
#
# usage: benches/sim_stages.sh [BIN] [N...]   (default: target/release/journey 1000 10000 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/journey}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 20000)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

chain() {
  local n=$1
  echo 'event signup'
  echo 'journey chain {'
  echo '  timezone "Asia/Shanghai"'
  echo '  entry on signup'
  for ((i = 0; i < n - 1; i++)); do echo "  stage s$i { after 1h -> s$((i + 1)) }"; done
  echo "  stage s$((n - 1)) { after 1h: exit }"
  echo '}'
  echo 'population p {'
  echo '  size 1'
  echo '  start 2026-03-02 09:00'
  echo '  days 2'
  echo '  arrivals signup over 1m'
  echo '}'
}

printf '%8s  %10s  %14s\n' stages 'wall (s)' 'peak RSS (MB)'
for n in "${sizes[@]}"; do
  chain "$n" > "$dir/chain.journey"
  /usr/bin/time -v "$bin" simulate "$dir/chain.journey" --format json -o "$dir/report.json" \
    2> "$dir/time.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$dir/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/time.txt")
  printf '%8d  %10s  %14s\n' "$n" "$wall" "$rss"
done
