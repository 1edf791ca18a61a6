#!/usr/bin/env bash
# The first run's memory: starts the Run command (scripts/run.sh, on a database of its own under
# bench/target), waits for /health, views the login page once, then prints the resident memory
# (RSS) of every process the Run command left running, and their sum. The old Run command
# (./mvnw -Prun: Maven's JVM beside Payara Micro, the JVM's default sizing) is measured the same
# way with BENCH_COMPARE=1. Three runs each; the median is printed.
#
#   ./mvnw -B -DskipTests package && bash bench/first-run.sh
#   BENCH_COMPARE=1 bash bench/first-run.sh      # both; BENCH_COMPARE=only: the old one alone
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18580}
RUNS=${BENCH_RUNS:-3}
WORK=bench/target/first-run
mkdir -p "$WORK"

# RSS in MB of a process and all its descendants, one line per process.
tree_rss() {
  local pids=("$1") all=() pid
  while [ ${#pids[@]} -gt 0 ]; do
    pid=${pids[0]}; pids=("${pids[@]:1}"); all+=("$pid")
    while read -r child; do [ -n "$child" ] && pids+=("$child"); done < <(pgrep -P "$pid" || true)
  done
  for pid in "${all[@]}"; do
    ps -o rss=,comm= -p "$pid" 2>/dev/null || true
  done | awk '{printf "%d %s\n", $1 / 1024, $2}'
}

measure() { # $1: label, rest: the command
  local label=$1; shift
  rm -rf "$WORK/db"
  BILLING_DB_URL="jdbc:h2:file:$PWD/$WORK/db/billing;DB_CLOSE_ON_EXIT=FALSE" \
    setsid "$@" > "$WORK/${label//[^a-z0-9]/-}.log" 2>&1 &
  local run=$!
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://localhost:$PORT/health" && break
    sleep 1
  done
  curl -fs -o /dev/null "http://localhost:$PORT/login.xhtml" || { echo "no login page: see $WORK" >&2; exit 1; }
  sleep 2
  local lines total
  lines=$(tree_rss "$run")
  total=$(awk '$2 == "java" {sum += $1} END {print sum}' <<< "$lines")
  kill -- -"$run" 2>/dev/null || true
  wait "$run" 2>/dev/null || true
  for _ in $(seq 1 30); do curl -fs -o /dev/null "http://localhost:$PORT/health" || break; sleep 1; done
  echo "$total|$(awk '$2 == "java"' <<< "$lines" | wc -l)"
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

report() { # $1: label, rest: the command
  local label=$1; shift
  local totals=() result
  for i in $(seq 1 "$RUNS"); do
    result=$(measure "$label" "$@")
    totals+=("${result%%|*}")
    echo "  $label run $i: ${result%%|*} MB resident in ${result##*|} JVM(s)"
  done
  echo "$label: median $(printf '%s\n' "${totals[@]}" | median) MB resident after start and one page"
}

if [ "${BENCH_COMPARE:-}" != only ]; then
  report "scripts/run.sh" env RUN_SKIP_BUILD=1 RUN_PORT="$PORT" bash scripts/run.sh
fi
if [ -n "${BENCH_COMPARE:-}" ]; then
  report "mvnw -Prun" ./mvnw -B -q -Prun -DskipTests package -Drun.port="$PORT"
fi
