#!/usr/bin/env bash
# `journey check FILE` as a process on two generated files (issue 11, item 9): wall
# time, CPU time (user + system), peak resident memory and minor page faults, best of
# 5 (by wall time), from `/usr/bin/time`. Figures are recorded in docs/performance.md ("As a process").
#
# - bench10mb.journey: the file of `cargo bench --bench parse_check` (the same text as
#   benches/support/mod.rs `generate(10_000_000)`): the declarations of
#   examples/beauty_w2.journey, then copies of its journey and population, renamed;
# - small10k.journey: the same declarations, then 10,000 small journeys.
#
# usage: benches/check_process.sh [BIN]   (default target/release/journey; RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/journey}
runs=${RUNS:-5}
dir=target/check-process
mkdir -p "$dir"

python3 - "$dir" <<'PY'
import sys
out_dir = sys.argv[1]
src = open("examples/beauty_w2.journey", encoding="utf-8").read()
split = src.index("\njourney ") + 1
decls, body = src[:split], src[split:]
lines = body.split("\n")
if lines and lines[-1] == "":
    lines.pop()

def renamed(line, i):
    for kw in ("journey ", "population "):
        if line.startswith(kw):
            name, _, tail = line[len(kw):].partition(" ")
            return f"{kw}{name}_{i} {tail}"
    return line

# Mirrors `generate` in benches/support/mod.rs: whole copies until 10 MB is reached.
parts, size, i = [decls], len(decls.encode()), 0
while size < 10_000_000:
    i += 1
    copy = "".join(renamed(l, i) + "\n" for l in lines)
    parts.append(copy)
    size += len(copy.encode())
open(f"{out_dir}/bench10mb.journey", "w", encoding="utf-8").write("".join(parts))

small = [decls]
for i in range(10_000):
    small.append(f"""journey 小旅程_{i} {{
  timezone "Asia/Shanghai"
  entry on signup
  exit on unsubscribe
  stage 欢迎 {{
    on enter: send wecom "welcome_{i}"
    after 2d if persona == 白领 and age >= 30: send 朋友圈 "tips_{i}"
    after 3d if interests has 护肤: send 社群 "skincare_{i}"
    on visit: tag vip = true
    on purchase -> 成交
    after 14d: exit "timeout"
  }}
  stage 成交 {{ after 1d: send 公众号 "thanks" }}
}}
""")
open(f"{out_dir}/small10k.journey", "w", encoding="utf-8").write("".join(small))
PY

printf '%-12s %6s %9s %6s %8s %8s %9s %7s\n' file MB 'wall (s)' 'MB/s' 'CPU (s)' 'peak MB' 'x source' faults
for name in bench10mb small10k; do
  file=$dir/$name.journey
  bytes=$(stat -c %s "$file")
  best=
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %M %R %U %S" -o "$dir/time" "$bin" check "$file" > /dev/null || true
    line=$(tail -n 1 "$dir/time")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best=$line
    fi
  done
  read -r secs kb faults user sys <<< "$best"
  awk -v n="$name" -v b="$bytes" -v s="$secs" -v k="$kb" -v f="$faults" -v c="$user + $sys" 'BEGIN {
    split(c, cpu, " + ")
    printf "%-12s %6.2f %9.2f %6.1f %8.2f %8.1f %9.1f %7d\n", n, b / 1e6, s, b / 1e6 / s,
      cpu[1] + cpu[2], k / 1024, k * 1024 / b, f }'
done
