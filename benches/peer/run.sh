#!/usr/bin/env bash
# The SimPy peer benchmark (issue 4, Performance): the beauty_w2 model in SimPy
# (benches/peer/beauty_simpy.py) against `journey simulate`, in one run on one machine.
#
#   benches/peer/run.sh
#
# Settings (environment): PEER_USERS (users for both, default 1000000: SimPy takes
# ~100 s, journey ~0.5 s, long enough to time to a percent), PEER_SHARED_USERS (SimPy
# with every user in one environment, default 20000; 0 skips it), PEER_SEED (default
# 1), PEER_REPEAT (journey runs before and after SimPy's, best taken, default 5). Not
# part of CI: it is a benchmark, and it installs simpy from PyPI.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
users=${PEER_USERS:-1000000}
shared=${PEER_SHARED_USERS:-20000}
seed=${PEER_SEED:-1}
repeat=${PEER_REPEAT:-5}
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

# timed OUT CMD…: runs CMD with stdout to OUT; prints "wall_seconds peak_kb" (wall
# time to the millisecond from the clock: /usr/bin/time's own is in hundredths, coarse
# for a run of 0.1 s)
timed() {
  local out=$1 start end
  shift
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/time" "$@" >"$out"
  end=$(date +%s%N)
  echo "$(awk "BEGIN{printf \"%.3f\", ($end - $start) / 1e9}") $(cat "$work/time")"
}

# best OUT CMD…: the best wall time of $repeat runs (and the largest peak memory)
best() {
  local out=$1 best= peak=0 wall kb
  shift
  for _ in $(seq "$repeat"); do
    read -r wall kb < <(timed "$out" "$@")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
  echo "$best $peak"
}

rate() { awk "BEGIN{printf \"%.0f\", $1 / ($2 > 0 ? $2 : 0.01)}"; }

journey=("$bin" simulate "$model" --users "$users" --format json --seed "$seed")
# one untimed run first: after the build and pip the cores are idle, and the first
# half second of work runs slower while they come back up to speed
"${journey[@]}" >/dev/null
read -r j_wall j_kb < <(best "$work/journey.json" "${journey[@]}")
echo "journey $users users: best of $repeat $j_wall s, $((j_kb / 1024)) MB peak, $(rate "$users" "$j_wall") users/s (before SimPy)"

read -r p_wall p_kb < <(timed "$work/simpy.json" \
  "$py" "$here/beauty_simpy.py" --users "$users" --days 90 --seed "$seed")
echo "simpy   $users users: $p_wall s, $((p_kb / 1024)) MB peak, $(rate "$users" "$p_wall") users/s (environment per user)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) after SimPy"

read -r a_wall a_kb < <(best "$work/journey-after.json" "${journey[@]}")
echo "journey $users users: best of $repeat $a_wall s, $((a_kb / 1024)) MB peak, $(rate "$users" "$a_wall") users/s (after SimPy)"
cmp -s "$work/journey.json" "$work/journey-after.json" || echo "warning: the journey reports differ between runs"

if [ "$shared" -gt 0 ]; then
  read -r s_wall s_kb < <(timed "$work/simpy-shared.json" \
    "$py" "$here/beauty_simpy.py" --users "$shared" --days 90 --seed "$seed" --shared-env)
  echo "simpy   $shared users:    $s_wall s, $((s_kb / 1024)) MB peak, $(rate "$shared" "$s_wall") users/s (one shared environment)"
fi
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) at end"

ratio() { awk "BEGIN{printf \"%.0f\", $p_wall / $1}"; }
fastest=$(awk "BEGIN{print ($j_wall < $a_wall ? $j_wall : $a_wall)}")
echo
echo "ratio, same population ($users users, end to end): $(ratio "$fastest")x (journey's fastest run)"
echo "  $(ratio "$j_wall")x with journey's runs before SimPy's, $(ratio "$a_wall")x with those after"
echo "target: at least 200x"
echo
echo "plausibility (same seed number, different random streams):"
"$py" "$here/compare.py" "$work/journey.json" "$work/simpy.json"
