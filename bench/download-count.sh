#!/usr/bin/env bash
# The cost of download counting on /resolve: two packaged hubs on seeded demo data, one counting
# (HUB_DOWNLOADS_COUNT=true, the default) and one not (false), started the same way; wrk with 32
# connections on the counted file (a model's top-level config.json), runs interleaved A, B, A, B …
# so both see the same machine load; prints req/s and p99 per run and the medians, and checks that
# the counting hub did count (its HF API "downloads" grew) and the other did not.
# Usage: bench/download-count.sh [runs] [seconds]     (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
secs="${2:-10}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
[ -f hub-web/target/app/adapthub.jar ] && [ "${BENCH_REBUILD:-1}" = "0" ] || HUB_PREPARE_ONLY=1 ./run
file=/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json
api=/api/models/meta-llama/Llama-3.1-8B-Instruct
pids=(); dirs=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; rm -rf "${dirs[@]}"; }
trap cleanup EXIT
start() { # port counting
  local data; data=$(mktemp -d); dirs+=("$data")
  HUB_DATA_DIR="$data" PORT=$1 HUB_DOWNLOADS_COUNT=$2 java -XX:SharedArchiveFile=hub-web/target/app/adapthub.jsa \
    -XX:+UseSerialGC -Xms64m -jar hub-web/target/app/adapthub.jar >"$data/hub.log" 2>&1 &
  pids+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$1$file" 2>/dev/null; do
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "hub on $1 died; see $data/hub.log"; exit 1; }
    sleep 0.3
  done
}
start 18091 true
start 18092 false

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
to_ms() { awk '{v=$1; if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else {sub(/s$/,"",v); print v*1000}}'; }
downloads() { curl -fs "http://127.0.0.1:$1$api" | sed -n 's/.*"downloads":\([0-9]*\).*/\1/p'; }

for port in 18091 18092; do wrk -t2 -c32 -d5s "http://127.0.0.1:$port$file" >/dev/null; done   # warm-up
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A rps p99
for i in $(seq 1 "$runs"); do
  for port in 18091 18092; do
    out=$(wrk -t2 -c32 -d"${secs}s" --latency "http://127.0.0.1:$port$file")
    if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers on $port"; echo "$out"; exit 1; fi
    rps[$port]+="$(awk '/Requests\/sec/ {print $2}' <<<"$out") "
    p99[$port]+="$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms) "
  done
done
sleep 3   # one flush interval and more
for port in 18091 18092; do
  name=$([ $port = 18091 ] && echo "counting" || echo "not counting")
  # shellcheck disable=SC2086
  echo "$name: req/s ${rps[$port]}median=$(median ${rps[$port]}); p99_ms ${p99[$port]}median=$(median ${p99[$port]}); downloads in the API: $(downloads $port)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
