#!/usr/bin/env bash
# Two hub processes against one, behind nginx with deploy/nginx.conf (issue #14, docs/operations.md).
#
# 1. Creates a fresh database on the local PostgreSQL server (127.0.0.1:5432, user postgres, trust
#    auth; HUB_BENCH_PG_ADMIN overrides the admin URL for psql) and one data directory.
# 2. Starts hub A (demo content on) and hub B together on the same database and data directory
#    (copies of hub-web/target/adapthub.jar; build it first).
# 3. Pushes a generated history (300 commits, about 12 MB of incompressible files) through A.
# 4. Starts two nginx instances from deploy/nginx.conf, one whose upstream is A only ("one") and one
#    with A and B ("two"); only the upstream servers and the listen port are rewritten.
# 5. Interleaved, N rounds of: for each of one, two: wrk -t2 -c32 -d10s on /api/models (requests/s),
#    then 8 concurrent `git clone --bare` of the repository, timed (clones/s). Prints every run and
#    the medians. Loopback only; wrk, git and both hubs share the machine's cores.
# Usage: bench/cluster.sh [rounds]      (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds="${1:-3}"
clones=8
jar="$root/hub-web/target/adapthub.jar"
pg_admin="${HUB_BENCH_PG_ADMIN:-postgresql://postgres@127.0.0.1:5432/postgres}"

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ns() { date +%s%N; }

[ -f "$jar" ] || die "no $jar: build it first (./mvnw -B -ntp -pl hub-web -am package -DskipTests)"
for tool in wrk nginx git psql python3 curl java; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

work=$(mktemp -d /tmp/adapthub-cluster-bench.XXXXXX)
db="adapthub_bench_$(date +%s)"
token="bench-cluster-admin-token-0123456789abcdef"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for f in "$work"/hub-*.log; do [ -f "$f" ] && { log "last lines of $f:"; tail -n 20 "$f" >&2; }; done
  fi
  psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name "Bench" && git config --global user.email "bench@example.invalid"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); $(nginx -v 2>&1)"
echo "load at start: $(uptime)"

psql -q "$pg_admin" -c "CREATE DATABASE $db" >/dev/null
cp "$jar" "$work/adapthub.jar"

start_hub() { # name port demo
  local name=$1 port=$2 demo=$3
  HUB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" HUB_DB_USER=postgres HUB_DB_PASSWORD='' \
    HUB_DATA_DIR="$work/data" HUB_DEMO="$demo" HUB_ADMIN_PASSWORD=bench-admin-password HUB_ADMIN_TOKEN="$token" \
    HUB_FORWARD_HEADERS=native PORT="$port" \
    java -Xmx768m -jar "$work/adapthub.jar" >"$work/hub-$name.log" 2>&1 &
  pids+=($!)
}
await_hub() { # name port pid
  local name=$1 port=$2 pid=$3 started; started=$(now_ns)
  for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; then
      log "hub $name ready on $port after $(( ($(now_ns) - started) / 1000000 )) ms more"; return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "hub $name exited while starting"
    sleep 0.5
  done
  die "hub $name did not become ready"
}
# Together, as replicas start; only A seeds the demo content (/api/models lists it).
port_a=$(free_port); start_hub a "$port_a" true; pid_a=${pids[-1]}
port_b=$(free_port); start_hub b "$port_b" false; pid_b=${pids[-1]}
await_hub a "$port_a" "$pid_a"
await_hub b "$port_b" "$pid_b"

# ---------------------------------------------------------------------------------------------
# The repository to clone: 300 commits, each adding a 40 KB random file.
curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench-cluster"}' "http://127.0.0.1:$port_a/api/repos/create" >/dev/null
src="$work/src.git"
git init -q --bare "$src"
python3 - <<'PY' | git -C "$src" fast-import --quiet --done
import random, sys
rnd = random.Random(14)
out = sys.stdout.buffer
for i in range(300):
    blob = rnd.randbytes(40 * 1024)
    msg = f"Add shard {i}\n".encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"committer Bench <bench@example.invalid> {1700000000 + i} +0000\n".encode())
    out.write(b"data %d\n" % len(msg) + msg)
    out.write(f"M 100644 inline shards/{i:04d}.bin\n".encode())
    out.write(b"data %d\n" % len(blob) + blob + b"\n")
out.write(b"done\n")
PY
# A branch of its own: repos/create already wrote main's first commit, and main refuses force-pushes.
git -C "$src" push -q "http://admin:$token@127.0.0.1:$port_a/admin/bench-cluster.git" main:refs/heads/history
size=$(du -sk "$src" | cut -f1)
log "pushed admin/bench-cluster through A (${size} KB bare)"

# ---------------------------------------------------------------------------------------------
# nginx: one with A only, one with A and B.
nginx_for() { # name listen-port upstream-ports...
  local name=$1 listen=$2; shift 2
  local servers=""
  for p in "$@"; do servers+="        server 127.0.0.1:$p max_fails=3 fail_timeout=10s;\n"; done
  mkdir -p "$work/nginx-$name"
  python3 - "$root/deploy/nginx.conf" "$listen" "$servers" >"$work/nginx-$name/nginx.conf" <<'PY'
import re, sys
conf = open(sys.argv[1]).read()
conf = re.sub(r"(\s*server hub-[ab]:8080[^\n]*\n)+", "\n" + sys.argv[3].replace("\\n", "\n"), conf)
conf = conf.replace("listen 80;", f"listen 127.0.0.1:{sys.argv[2]};")
print(conf)
PY
  nginx -c "$work/nginx-$name/nginx.conf" -p "$work/nginx-$name" \
    -g "daemon off; pid $work/nginx-$name/nginx.pid; error_log $work/nginx-$name/error.log;" &
  pids+=($!)
}
port_one=$(free_port); nginx_for one "$port_one" "$port_a"
port_two=$(free_port); nginx_for two "$port_two" "$port_a" "$port_b"
sleep 1
for p in "$port_one" "$port_two"; do
  curl -sf "http://127.0.0.1:$p/api/models" >/dev/null || die "nginx on $p does not reach the hub"
done

# Warm-up: the JIT of both hubs, the page cache for the pack.
for p in "$port_one" "$port_two"; do
  wrk -t2 -c32 -d5s "http://127.0.0.1:$p/api/models" >/dev/null
  git clone -q --bare "http://127.0.0.1:$p/admin/bench-cluster" "$work/warm-$p.git" && rm -rf "$work/warm-$p.git"
done
# Both hubs took traffic through "two": least_conn spreads it.
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port_b/actuator/metrics/http.server.requests" \
  | python3 -c 'import json,sys; print("hub B answered", json.load(sys.stdin)["measurements"][0]["value"], "requests so far")' \
  || log "could not read hub B's request count"

declare -A rps clone_rate
for mode in one two; do rps[$mode]=""; clone_rate[$mode]=""; done
for round in $(seq 1 "$rounds"); do
  for mode in one two; do
    port=$([ "$mode" = one ] && echo "$port_one" || echo "$port_two")
    r=$(wrk -t2 -c32 -d10s "http://127.0.0.1:$port/api/models" | awk '/Requests\/sec/ {print $2}')
    started=$(now_ns)
    cloning=()
    for c in $(seq 1 "$clones"); do
      git clone -q --bare "http://127.0.0.1:$port/admin/bench-cluster" "$work/clone-$mode-$c.git" &
      cloning+=($!)
    done
    for pid in "${cloning[@]}"; do wait "$pid" || die "a clone through $mode failed"; done
    elapsed=$(( $(now_ns) - started ))
    for c in $(seq 1 "$clones"); do
      [ "$(git -C "$work/clone-$mode-$c.git" rev-parse history)" = "$(git -C "$src" rev-parse main)" ] \
        || die "clone $c through $mode lacks the pushed history"
      rm -rf "$work/clone-$mode-$c.git"
    done
    cr=$(awk -v n="$clones" -v ns="$elapsed" 'BEGIN {printf "%.2f", n / (ns / 1e9)}')
    rps[$mode]+=" $r"; clone_rate[$mode]+=" $cr"
    printf 'round %d %-3s  /api/models %8s req/s   %d clones in %5.2f s = %s clones/s   load %s\n' \
      "$round" "$mode" "$r" "$clones" "$(awk -v ns="$elapsed" 'BEGIN {print ns / 1e9}')" "$cr" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done

echo
echo "medians of $rounds interleaved rounds (wrk -t2 -c32 -d10s; $clones concurrent clones of ${size} KB):"
for mode in one two; do
  # shellcheck disable=SC2086
  printf '  %-3s process(es): /api/models %s req/s, git clone %s clones/s\n' "$([ $mode = one ] && echo 1 || echo 2)" \
    "$(median ${rps[$mode]})" "$(median ${clone_rate[$mode]})"
done
echo "load at end: $(uptime)"
