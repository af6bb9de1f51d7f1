#!/usr/bin/env bash
# How much of a page's tail latency the garbage collector explains (issue #15: p99 ≤ 25 ms).
# Starts the last ./run build with ./run's JVM options plus a GC log, signs in as admin, and for each
# path runs wrk -t2 -c32 (as compare.sh does, after a warm-up), then prints wrk's latency percentiles
# beside the collector's pauses during that run: how many, their median, largest and sum, and the
# share of the run's wall time the application stood still.
#
# Usage: bench/gc-pauses.sh [seconds] [path ...]     (defaults: 10 s; the demo repository page, signed in)
#   GC_PAUSES_ANONYMOUS=1 sends no session cookie; GC_PAUSES_WARMUP=10 is the warm-up run per path (s);
#   GC_PAUSES_CONNECTIONS=32 the connections of the measured run (the warm-up always has 32). Needs: java 17+, curl, python3, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
[ -f hub-web/target/app/adapthub.jar ] || die "no build: run HUB_PREPARE_ONLY=1 ./run first"

secs=${1:-10}
shift || true
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/meta-llama/Llama-3.1-8B-Instruct)
work=$(mktemp -d)
password="gc-pauses-$RANDOM-$RANDOM"
trap 'kill "${hub_pid:-0}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

HUB_JAVA_OPTS="$(grep -v '^#' jvm.options | xargs) -Xlog:gc:file=$work/gc.log:uptime" \
  start_demo_hub "$work" "$password"
cookie=""
[ "${GC_PAUSES_ANONYMOUS:-0}" = 1 ] || cookie=$(sign_in_admin "$work/cookies" "$password")
who=$([ -n "$cookie" ] && echo signed-in || echo anonymous)

printf '| page | req/s | p50 | p90 | p99 | GC pauses | median | largest | sum | stopped |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for path in "${paths[@]}"; do
  wrk -t2 -c32 -d"${GC_PAUSES_WARMUP:-10}s" ${cookie:+-H "Cookie: $cookie"} "$hub$path" >/dev/null   # warm-up
  before=$(wc -l <"$work/gc.log")
  out=$(wrk -t2 -c"${GC_PAUSES_CONNECTIONS:-32}" -d"${secs}s" --latency ${cookie:+-H "Cookie: $cookie"} "$hub$path")
  tail -n +"$((before + 1))" "$work/gc.log" >"$work/run.log"
  python3 - "$work/run.log" "$secs" "$who $path" "$out" <<'PY'
import re, statistics, sys
log, secs, name, out = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
pauses = [float(m.group(1)) for line in open(log) for m in [re.search(r'Pause.* ([0-9.]+)ms$', line.strip())] if m]
def pct(p):
    m = re.search(r'^\s*%s%%\s+(\S+)' % p, out, re.M)
    return m.group(1) if m else '?'
rps = re.search(r'Requests/sec:\s+([0-9.]+)', out).group(1)
if pauses:
    stats = '%d | %.2f ms | %.2f ms | %.0f ms | %.1f%%' % (len(pauses), statistics.median(pauses), max(pauses),
                                                      sum(pauses), 100 * sum(pauses) / 1000 / secs)
else:
    stats = '0 | – | – | 0 ms | 0%'
print('| %s | %.0f | %s | %s | %s | %s |' % (name, float(rps), pct(50), pct(90), pct(99), stats))
PY
done
