#!/usr/bin/env bash
# Start to first served page, and idle RSS, of the packaged hub: median of N runs. A first start
# begins from an empty data directory (migrations, the admin account and demo seeding happen
# before the server accepts requests); a restart reuses existing data. Measured in the same
# session: as ./run starts it (extracted jar + class-data-sharing archive) and the plain fat jar.
# Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
HUB_PREPARE_ONLY=1 ./run
port=18080

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() {  # label, data directory ("" = a fresh one each run), java arguments...
  local label=$1 reuse=$2; shift 2
  local starts=() rss=()
  for _ in $(seq 1 "$runs"); do
    local data=$reuse
    [ -n "$data" ] || data=$(mktemp -d)
    local t0; t0=$(date +%s%N)
    HUB_DATA_DIR="$data" PORT=$port java "$@" >"$data/hub.log" 2>&1 &
    local pid=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
      kill -0 $pid 2>/dev/null || { echo "hub died; see $data/hub.log"; exit 1; }
      sleep 0.05
    done
    local t1; t1=$(date +%s%N)
    starts+=($(( (t1 - t0) / 1000000 )))
    sleep 10   # idle: no requests
    rss+=($(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status))
    kill $pid; wait $pid 2>/dev/null || true
    [ -n "$reuse" ] || rm -rf "$data"
  done
  echo "$label: start_ms ${starts[*]} median=$(median "${starts[@]}"); idle_rss_mb ${rss[*]} median=$(median "${rss[@]}")"
}

# exactly as ./run starts it (jvm.options, or HUB_JAVA_OPTS instead)
# shellcheck disable=SC2206
cds=(-XX:SharedArchiveFile=hub-web/target/app/adapthub.jsa ${HUB_JAVA_OPTS:-@jvm.options} -jar hub-web/target/app/adapthub.jar)
measure "first start, ./run (CDS)" "" "${cds[@]}"
measure "first start, plain jar" "" -jar hub-web/target/adapthub.jar
existing=$(mktemp -d)
runs_saved=$runs; runs=1; measure "(creating data for restarts)" "$existing" "${cds[@]}" >/dev/null; runs=$runs_saved
measure "restart on existing data, ./run (CDS)" "$existing" "${cds[@]}"
rm -rf "$existing"
