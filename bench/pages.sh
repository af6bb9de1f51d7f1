#!/usr/bin/env bash
# Tool Center and adaptation matrix under load: wrk with 32 connections against the packaged hub
# on seeded demo data (fresh data directory, started as ./run starts it), median of N runs per
# page, with /chips (a catalog page that reads no database) and a static CSS file as baselines
# in the same session. Prints requests/s and p99 latency per run and the medians.
# Usage: bench/pages.sh [runs] [seconds]     (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
secs="${2:-10}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
HUB_PREPARE_ONLY=1 ./run
port=18081
data=$(mktemp -d)
HUB_DATA_DIR="$data" PORT=$port java -XX:SharedArchiveFile=hub-web/target/app/adapthub.jsa -XX:+UseSerialGC \
  -Xms64m -jar hub-web/target/app/adapthub.jar >"$data/hub.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "hub died; see $data/hub.log"; exit 1; }
  sleep 0.2
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
to_ms() { awk '{v=$1; if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else {sub(/s$/,"",v); print v*1000}}'; }

pages=(/tools /matrix "/matrix?family=npu&minTps=100" /api/matrix /chips /assets/static/css/hub.css)
for page in "${pages[@]}"; do   # warm-up: JIT, caches
  wrk -t2 -c32 -d5s "http://127.0.0.1:$port$page" >/dev/null
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024/1024)}' /proc/meminfo) GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for page in "${pages[@]}"; do
  size=$(curl -fs -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$page")
  rps=(); p99=(); per=()
  for _ in $(seq 1 "$runs"); do
    out=$(wrk -t2 -c32 -d"${secs}s" --latency "http://127.0.0.1:$port$page")
    if grep -q "Non-2xx" <<<"$out"; then echo "$page: non-2xx answers"; echo "$out"; exit 1; fi
    rps+=($(awk '/Requests\/sec/ {print $2}' <<<"$out"))
    p99+=($(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms))
    # bytes read per request (headers included): proves the answers carried the page, not an empty body
    per+=($(awk '/requests in/ {n=$1; v=$5; sub(/,$/,"",v); m=1; if (v ~ /KB$/) m=1024; if (v ~ /MB$/) m=1048576;
      if (v ~ /GB$/) m=1073741824; sub(/[KMG]?B$/,"",v); printf "%d", v*m/n}' <<<"$out"))
  done
  echo "$page: body ${size} B, read per request $(median "${per[@]}") B; req/s ${rps[*]} median=$(median "${rps[@]}"); p99_ms ${p99[*]} median=$(median "${p99[@]}")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
