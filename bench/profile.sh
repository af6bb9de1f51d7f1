#!/usr/bin/env bash
# Profiles pages of the hub with Java Flight Recorder under wrk load (issue #15: "profile with JFR,
# fix what it shows"). Starts the hub as bench/compare.sh does (the last ./run build, demo content,
# H2 under a temporary directory), signs in, then for each page: warms it up, records JFR while wrk
# runs, and prints the hottest frames (top of stack, and the adapthub frame nearest the top).
# Usage: bench/profile.sh [seconds] page...   e.g. bench/profile.sh 20 /meta-llama/Llama-3.1-8B-Instruct
#   PROFILE_WHO=anonymous|signed-in (default signed-in); PROFILE_OUT=dir keeps the .jfr files;
#   PROFILE_TOP=n frames per list (default 25). Needs java 17+ (jcmd, jfr), wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"; shift || true
[ $# -gt 0 ] || set -- /meta-llama/Llama-3.1-8B-Instruct
who="${PROFILE_WHO:-signed-in}"
top="${PROFILE_TOP:-25}"
. bench/lib.sh
[ -f hub-web/target/app/adapthub.jar ] || HUB_PREPARE_ONLY=1 ./run >/dev/null

work=$(mktemp -d /tmp/adapthub-profile.XXXXXX)
out="${PROFILE_OUT:-$work}"; mkdir -p "$out"
hub_pid=''
cleanup() {
  local status=$?
  if [ -n "$hub_pid" ]; then kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; fi
  [ "$status" -ne 0 ] && [ -f "$work/hub.log" ] && tail -n 30 "$work/hub.log" >&2
  rm -rf "$work/data"
  [ "$out" = "$work" ] && rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

password="Profile-$(date +%s)-pw!"
start_demo_hub "$work" "$password"
cookie=''
if [ "$who" = signed-in ]; then
  cookie=$(sign_in_admin "$work/cookies" "$password")
fi

for page in "$@"; do
  name=$(echo "$page" | tr -c 'A-Za-z0-9\n' '_')
  wrk -t2 -c32 -d5s ${cookie:+-H "Cookie: $cookie"} "$hub$page" >/dev/null   # warm-up (JIT, caches)
  file="$out/$who$name.jfr"
  jcmd "$hub_pid" JFR.start name=profile settings=profile filename="$file" >/dev/null
  result=$(wrk -t2 -c32 -d"${secs}s" --latency ${cookie:+-H "Cookie: $cookie"} "$hub$page")
  jcmd "$hub_pid" JFR.stop name=profile >/dev/null
  echo "== $who $page: $(awk '/Requests\/sec/ {print $2}' <<<"$result") req/s, p99 $(awk '$1 == "99%" {print $2}' <<<"$result") (under JFR; load $(cut -d' ' -f1-3 /proc/loadavg))"
  jfr print --json --events jdk.ExecutionSample --stack-depth 64 "$file" | python3 -c '
import json, sys, collections
top = int(sys.argv[1])
events = json.load(sys.stdin)["recording"]["events"]
def name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]
leaf, ours, inclusive, areas = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
AREAS = (("templates (thymeleaf)", ("org.thymeleaf.",)), ("database (hibernate, jdbc, h2, transactions)",
         ("org.hibernate.", "com.zaxxer.", "org.h2.", "org.postgresql.", "org.springframework.transaction.",
          "org.springframework.orm.", "org.springframework.jdbc.")), ("security filters", ("org.springframework.security.",)),
         ("observations (micrometer)", ("io.micrometer.",)), ("git (jgit)", ("org.eclipse.jgit.",)),
         ("logging", ("ch.qos.", "org.slf4j.")), ("sessions (spring session)", ("org.springframework.session.",)),
         ("page etag (lookups + digest)", ("dev.adapthub.web.http.PageEtag.",)))
for e in events:
    frames = [name(f) for f in e["values"]["stackTrace"]["frames"]]
    if not frames:
        continue
    leaf[frames[0]] += 1
    ours[next((f for f in frames if f.startswith("dev.adapthub.")), "(no adapthub frame)")] += 1
    for f in set(frames):
        inclusive[f] += 1
    for area, prefixes in AREAS:
        if any(f.startswith(prefixes) for f in frames):
            areas[area] += 1
n = len(events) or 1
for title, counter in (("areas (inclusive)", areas), ("top frames (self)", leaf), ("nearest adapthub frame", ours), ("inclusive (on the stack)", inclusive)):
    print("-- %s, %d samples" % (title, len(events)))
    for f, c in counter.most_common(top):
        print("%5.1f%%  %s" % (100 * c / n, f))
' "$top"
done
