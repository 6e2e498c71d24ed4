#!/usr/bin/env bash
# `journey check` on projects (issue 15, "Bad input"): wall time, best of RUNS, for
# - wide: 1,000 journey files importing one declarations file, checked as the project
#   around the current directory (`journey check`, no path; target: under 1 s);
# - deep: one file at the top of an import chain 1,000 files deep (iterative loading,
#   no stack overflow).
# tests/project_check.rs checks both results; this script only times them.
#
# usage: benches/project.sh [BIN]   (default target/release/journey; RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/journey}")
runs=${RUNS:-5}
dir=$(realpath -m target/project-bench)
rm -rf "$dir"
mkdir -p "$dir/wide/j" "$dir/deep"

common='tag 会员: bool
event signup
event 下单
touchpoint wecom "企业微信1v1" {
  channel wecom
}'
touch "$dir/wide/journey.toml"
printf '%s\n' "$common" > "$dir/wide/common.journey"
for i in $(seq -w 0 999); do
  cat > "$dir/wide/j/$i.journey" <<J
import "../common.journey"

journey j$i {
  timezone "Asia/Shanghai"
  entry on signup
  goal 下单: 下单 within 7d
  stage 欢迎 {
    on enter if 会员: send wecom "hi"
    after 7d: exit
  }
}
J
done
for i in $(seq 0 999); do
  next=""
  [ "$i" -lt 999 ] && next="import \"f$((i + 1)).journey\""
  printf '%s\ntag t%s: bool\n' "$next" "$i" > "$dir/deep/f$i.journey"
done

best() {
  local best=""
  for _ in $(seq "$runs"); do
    local start end ms
    start=$(date +%s%N)
    (cd "$1" && "$bin" check "${@:2}" > /dev/null)
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}
echo "wide (1,000 importers, journey check): $(best "$dir/wide") ms"
echo "deep (a chain of 1,000 imports):       $(best "$dir/deep" f0.journey) ms"
