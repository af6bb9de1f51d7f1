#!/usr/bin/env bash
# Cold start to first served page, and idle RSS, of the packaged hub (median of N runs).
# Each run starts from an empty data directory, so migrations, admin creation and demo
# seeding are included. Usage: bench/startup.sh [runs] [java options...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"; shift || true
jar=hub-web/target/adapthub.jar
[ -f "$jar" ] || ./mvnw -q -DskipTests package
port=18080
starts=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  t0=$(date +%s%N)
  HUB_DATA_DIR="$data" PORT=$port java "$@" -jar "$jar" >"$data/hub.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 $pid 2>/dev/null || { echo "hub died; see $data/hub.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  sleep 10   # idle: no requests
  rss+=($(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "runs=$runs java_opts='$*'"
echo "start_ms: ${starts[*]}  median=$(median "${starts[@]}")"
echo "idle_rss_mb: ${rss[*]}  median=$(median "${rss[@]}")"
