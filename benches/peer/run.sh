#!/usr/bin/env bash
# The SimPy peer benchmark (issue 4, Performance): the beauty_w2 model in SimPy
# (benches/peer/beauty_simpy.py) against `journey simulate`, in one run on one machine.
#
#   benches/peer/run.sh
#
# Settings (environment): PEER_USERS (users for both, default 300000: SimPy takes
# ~30 s), PEER_BIG_USERS (journey's per-user rate, default 1000000), PEER_SHARED_USERS
# (SimPy with every user in one environment, default 20000; 0 skips it), PEER_SEED
# (default 1). Not part of CI: it is a benchmark, and it installs simpy from PyPI.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
users=${PEER_USERS:-300000}
big=${PEER_BIG_USERS:-1000000}
shared=${PEER_SHARED_USERS:-20000}
seed=${PEER_SEED:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# simpy from PyPI, in a throwaway venv (or the user site when venv is missing)
if python3 -m venv "$work/venv" 2>/dev/null; then
  py=$work/venv/bin/python
  "$py" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
else
  python3 -m pip install -q --user -r "$here/requirements.txt"
  py=python3
fi
cargo build --release --quiet
bin=$root/target/release/journey
model=examples/beauty_w2.journey

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "python:  $("$py" --version), simpy $("$py" -c 'import simpy; print(simpy.__version__)')"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at start"

# timed OUT CMD…: runs CMD with stdout to OUT; prints "wall_seconds peak_kb"
timed() {
  local out=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$out"
  cat "$work/time"
}

# best3 OUT CMD…: the best wall time of 3 runs (and the largest peak memory)
best3() {
  local out=$1 best= peak=0 wall kb
  shift
  for _ in 1 2 3; do
    read -r wall kb < <(timed "$out" "$@")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
  echo "$best $peak"
}

rate() { awk "BEGIN{printf \"%.0f\", $1 / ($2 > 0 ? $2 : 0.01)}"; }

read -r j_wall j_kb < <(best3 "$work/journey.json" \
  "$bin" simulate "$model" --users "$users" --format json --seed "$seed")
echo "journey $users users:   best of 3 $j_wall s, $((j_kb / 1024)) MB peak, $(rate "$users" "$j_wall") users/s"

read -r p_wall p_kb < <(timed "$work/simpy.json" \
  "$py" "$here/beauty_simpy.py" --users "$users" --days 90 --seed "$seed")
echo "simpy   $users users:   $p_wall s, $((p_kb / 1024)) MB peak, $(rate "$users" "$p_wall") users/s (environment per user)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) after SimPy"

read -r b_wall b_kb < <(best3 "$work/journey-big.json" \
  "$bin" simulate "$model" --users "$big" --format json --seed "$seed")
echo "journey $big users: best of 3 $b_wall s, $((b_kb / 1024)) MB peak, $(rate "$big" "$b_wall") users/s"

if [ "$shared" -gt 0 ]; then
  read -r s_wall s_kb < <(timed "$work/simpy-shared.json" \
    "$py" "$here/beauty_simpy.py" --users "$shared" --days 90 --seed "$seed" --shared-env)
  echo "simpy   $shared users:    $s_wall s, $((s_kb / 1024)) MB peak, $(rate "$shared" "$s_wall") users/s (one shared environment)"
fi
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) at end"

simpy_rate=$(rate "$users" "$p_wall")
echo
echo "ratio, same population ($users users, end to end): $(awk "BEGIN{printf \"%.0f\", $p_wall / $j_wall}")x"
echo "ratio, throughput (journey at $big users / SimPy): $(awk "BEGIN{printf \"%.0f\", $(rate "$big" "$b_wall") / $simpy_rate}")x"
echo "target: at least 200x"
echo
echo "plausibility (same seed number, different random streams):"
"$py" "$here/compare.py" "$work/journey.json" "$work/simpy.json"
