#!/usr/bin/env bash
# The hub side by side with the servers it should be as fast as, in one run, interleaved, so that
# load from anything else on the machine hits both sides alike (issue #15):
#   1. pages and API answers (anonymous and signed in) against nginx serving a static file of the
#      same size: wrk -t2 -c32, requests/s and p99;
#   2. LFS downloads (/resolve and the LFS batch link) against nginx sendfile of the very same
#      stored object: one 1 GiB object and eight parallel 256 MiB objects, wall time and server CPU;
#   3. git clone against C git's http-backend behind nginx + fcgiwrap serving the very same bare
#      repository directory: wall time and server CPU (the hub's process, against fcgiwrap and
#      the git processes it ran).
# Prints a table of hub/baseline ratios (median and range over the rounds) and writes it to
# docs/benchmarks.md (section "compare.sh"). Outside ./mvnw verify. Loopback only.
# Needs: java 17+, git, git-lfs, curl, jq, python3, nginx, fcgiwrap, wrk (installed with apt-get
# when missing and running as root).
# Usage: bench/compare.sh [rounds] [seconds per wrk run]      (defaults 3 and 5)
#   4. one hub process against two behind nginx on one PostgreSQL database (bench/cluster.sh).
#   COMPARE_PARTS="pages lfs clone cluster" selects parts; COMPARE_WRITE=0 only prints; COMPARE_BUILD=0
#   reuses the last build; COMPARE_CLONE_JFR=file records the hub's warm-up clone with JFR. For quick trials of one part: COMPARE_LFS_MIB="1024 256" (the big object
#   and each of the eight parallel ones, MiB) and COMPARE_CLONE_COMMITS=8000 (the generated history).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds="${1:-3}"
secs="${2:-5}"
parts="${COMPARE_PARTS:-pages lfs clone cluster}"

. bench/lib.sh
need() {  # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return
  [ "$(id -u)" = 0 ] || die "$1 is missing: apt-get install -y $2"
  log "installing $2"; apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need nginx nginx; need fcgiwrap fcgiwrap; need wrk wrk; need git-lfs git-lfs; need jq jq; need curl curl
[ -x /usr/lib/git-core/git-http-backend ] || die "git-http-backend is missing (package git)"

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
range() { printf '%s\n' "$@" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3g", (b > 0 ? a / b : 0)}'; }
to_ms() { awk '{v=$1; if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else {sub(/s$/,"",v); print v*1000}}'; }
now_ns() { date +%s%N; }
# CPU seconds of a process and of its waited-for children (utime stime cutime cstime)
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat"; }

work=$(mktemp -d /tmp/adapthub-compare.XXXXXX)
hub_pid='' nginx_pid='' fcgi_pid=''
cleanup() {
  local status=$?
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  # fcgiwrap -c 10 preforks its children, and they outlive a parent killed alone: end them by pid first.
  if [ -n "$fcgi_pid" ]; then
    local children; children=$(pgrep -P "$fcgi_pid" || true)
    # shellcheck disable=SC2086
    [ -n "$children" ] && kill $children 2>/dev/null || true
    kill "$fcgi_pid" 2>/dev/null || true
  fi
  if [ -n "$hub_pid" ]; then kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; fi
  [ "$status" -ne 0 ] && [ -f "$work/hub.log" ] && tail -n 30 "$work/hub.log" >&2
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
stop_hub() { if [ -n "$hub_pid" ]; then kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; hub_pid=''; fi; }
# Build first, with the user's own Maven repository (COMPARE_BUILD=0 reuses the last build).
[ "${COMPARE_BUILD:-1}" = 0 ] && [ -f hub-web/target/app/adapthub.jsa ] || HUB_PREPARE_ONLY=1 ./run >/dev/null
# The machine's git configuration (LFS filters, credential helpers) stays out of every measurement.
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name Bench && git config --global user.email bench@example.invalid
git lfs install --skip-repo >/dev/null
unset HUB_DB_URL HUB_DB_USER HUB_DB_PASSWORD

# ---------------------------------------------------------------------------------------------
# The hub, started as ./run starts it, with demo content
password="Compare-$(date +%s)-pw!"
token=$(python3 -c 'import secrets; print(secrets.token_hex(20))')
start_demo_hub "$work" "$password" "$token"
cookie=$(sign_in_admin "$work/cookies" "$password")

# nginx: static files, sendfile of the hub's own stored LFS objects, and C git's http-backend
nport=$(free_port)
mkdir -p "$work/static" "$work/nginx"
fcgi_sock="$work/fcgiwrap.sock"
# Ten workers: the clone part runs ten clones at once, and each worker serves one request at a time.
fcgiwrap -c 10 -s "unix:$fcgi_sock" &
fcgi_pid=$!
# As root, nginx's workers would drop to "nobody" and could not read the hub's data directory.
user_line=''; [ "$(id -u)" = 0 ] && user_line='user root;'
cat >"$work/nginx/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  default_type application/octet-stream;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    location /static/ { alias $work/static/; }
    location /lfs/ { alias $work/data/git/; }
    location ~ ^/git(/.*) {
      fastcgi_pass unix:$fcgi_sock;
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME /usr/lib/git-core/git-http-backend;
      fastcgi_param GIT_PROJECT_ROOT $work/data/git;
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param PATH_INFO \$1;
      fastcgi_buffering off;
      fastcgi_read_timeout 600s; fastcgi_send_timeout 600s;
    }
  }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nport"
until curl -s -o /dev/null "$nginx_url/static/"; do sleep 0.1; done
tree_cpu() {  # a process and its direct children (nginx's workers, fcgiwrap's preforked children)
  local total=0 p
  for p in $1 $(pgrep -P "$1"); do total=$(awk -v a="$total" -v b="$(cpu_of "$p" 2>/dev/null || echo 0)" 'BEGIN {print a + b}'); done
  echo "$total"
}
nginx_cpu() { tree_cpu "$nginx_pid"; }
hub_cpu() { cpu_of "$hub_pid"; }

rows=()   # "what | hub | baseline | ratio median (range) | goal"
loads=()  # "part: load before → after" (1-, 5-, 15-minute averages), written next to the table
load_now() { cut -d' ' -f1-3 /proc/loadavg; }
part_loads() { loads+=("$1: load average $2 before, $(load_now) after"); log "${loads[-1]}"; }
add_row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); printf '%s | %s | %s | %s | %s\n' "$1" "$2" "$3" "$4" "$5"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------------------------
# 1. Pages
wrk_run() {  # url [cookie] -> "req/s p99_ms"
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c32 -d"${secs}s" --latency -H "Cookie: $2" "$1"); else out=$(wrk -t2 -c32 -d"${secs}s" --latency "$1"); fi
  grep -q "Non-2xx" <<<"$out" && die "non-2xx answers from $1"
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)"
}
if [[ " $parts " == *" pages "* ]]; then
  load_before=$(load_now)
  repo=/meta-llama/Llama-3.1-8B-Instruct
  pages=("$repo" "$repo/blob/main/config.json" "$repo/tree/main" "$repo/pulls" /tools /matrix
    "/api/models?limit=50" "$repo/resolve/main/config.json")
  # Every page once before any is measured (COMPARE_WARMUP seconds each, default 4): the JIT compiles
  # the shared request path during the first minute, and without this the first row alone paid for it
  # (on a slower machine, 276 req/s for the repository page that later runs at several thousand).
  for who in anonymous signed-in; do
    c=''; [ "$who" = signed-in ] && c=$cookie
    for page in "${pages[@]}"; do
      wrk -t2 -c32 -d"${COMPARE_WARMUP:-4}s" ${c:+-H "Cookie: $c"} "$hub$page" >/dev/null
    done
  done
  for who in anonymous signed-in; do
    c=''; [ "$who" = signed-in ] && c=$cookie
    for page in "${pages[@]}"; do
      name=$(echo "$page" | tr -c 'A-Za-z0-9\n' '_')
      curl -fs ${c:+-H "Cookie: $c"} -o "$work/static/$name" "$hub$page" || die "$hub$page failed"
      wrk -t2 -c32 -d2s ${c:+-H "Cookie: $c"} "$hub$page" >/dev/null   # warm-up
      ratios=() hub_rps=() ngx_rps=() hub_p99=()
      for _ in $(seq 1 "$rounds"); do
        read -r nr _ < <(wrk_run "$nginx_url/static/$name")
        read -r hr hp < <(wrk_run "$hub$page" "$c")
        ngx_rps+=("$nr"); hub_rps+=("$hr"); hub_p99+=("$hp"); ratios+=("$(ratio "$hr" "$nr")")
      done
      goal="≥ 3,000 req/s, p99 ≤ 25 ms"
      [[ "$page" == /api/* || "$page" == */resolve/* ]] && goal="≥ 5,000 req/s"
      add_row "$who $page ($(stat -c %s "$work/static/$name") B)" \
        "$(median "${hub_rps[@]}") req/s, p99 $(median "${hub_p99[@]}") ms" \
        "nginx static $(median "${ngx_rps[@]}") req/s" "$(median "${ratios[@]}") ($(range "${ratios[@]}"))" "$goal"
    done
  done
  part_loads pages "$load_before"
fi

# ---------------------------------------------------------------------------------------------
# 2. LFS downloads
if [[ " $parts " == *" lfs "* ]]; then
  load_before=$(load_now)
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"bench-lfs","type":"model"}' "$hub/api/repos/create"
  read -r big_mib part_mib <<<"${COMPARE_LFS_MIB:-1024 256}"
  lfs="$work/lfs"; mkdir -p "$lfs"
  # The hub writes an initial commit into a new repository: build on it.
  ( cd "$lfs" && git init -q -b main && git lfs install --local >/dev/null \
    && git pull -q "http://admin:$token@127.0.0.1:$port/admin/bench-lfs.git" main && git lfs track '*.bin' >/dev/null
    head -c "${big_mib}M" /dev/urandom >big.bin
    for i in 1 2 3 4 5 6 7 8; do head -c "${part_mib}M" /dev/urandom >part$i.bin; done
    git add . && git commit -qm "LFS objects" \
    && git push -q "http://admin:$token@127.0.0.1:$port/admin/bench-lfs.git" main 2>"$work/lfs-push.log" ) \
    || { cat "$work/lfs-push.log" >&2; die "LFS push failed"; }
  oid_of() { sha256sum "$lfs/$1" | cut -d' ' -f1; }
  stored_rel() { local p; p=$(find "$work/data/git" -path "*/lfs/objects/*" -name "$1" -type f | head -1); echo "${p#"$work/data/git/"}"; }
  batch_href() {  # oid size -> the LFS batch API's download href
    curl -fsS -X POST -H 'Accept: application/vnd.git-lfs+json' -H 'Content-Type: application/vnd.git-lfs+json' \
      -d "{\"operation\":\"download\",\"transfers\":[\"basic\"],\"objects\":[{\"oid\":\"$1\",\"size\":$2}]}" \
      "$hub/admin/bench-lfs.git/info/lfs/objects/batch" | jq -r '.objects[0].actions.download.href'
  }
  big_oid=$(oid_of big.bin)
  declare -A hub_urls=([resolve]="$hub/admin/bench-lfs/resolve/main/big.bin" [batch]="$(batch_href "$big_oid" $((big_mib << 20)))")
  big_ngx="$nginx_url/lfs/$(stored_rel "$big_oid")"
  part_resolve=() part_batch=() part_ngx=()
  for i in 1 2 3 4 5 6 7 8; do
    o=$(oid_of "part$i.bin")
    part_resolve+=("$hub/admin/bench-lfs/resolve/main/part$i.bin"); part_batch+=("$(batch_href "$o" $((part_mib << 20)))")
    part_ngx+=("$nginx_url/lfs/$(stored_rel "$o")")
  done
  [ "$(curl -fsS "${hub_urls[resolve]}" | sha256sum | cut -d' ' -f1)" = "$big_oid" ] || die "/resolve sent other bytes"
  [ "$(curl -fsS -r 1000-1999 "${hub_urls[batch]}" | wc -c)" = 1000 ] || die "the batch link ignores Range"
  # Waits for its own downloads only: a bare wait would also wait for nginx, fcgiwrap and the hub.
  fetch() {
    local u i pids=()
    for u in "$@"; do curl -fsS -o /dev/null "$u" & pids+=($!); done
    for i in "${!pids[@]}"; do wait "${pids[$i]}" || die "download of ${@:$((i + 1)):1} failed"; done
  }
  timed() {  # pid-cpu-function urls... -> "seconds cpu_seconds"
    local cpu=$1; shift
    local c0 t0 t1 c1; c0=$($cpu); t0=$(now_ns); fetch "$@"; t1=$(now_ns); c1=$($cpu)
    awk -v t=$((t1 - t0)) -v c0="$c0" -v c1="$c1" 'BEGIN {printf "%.3f %.3f\n", t / 1e9, c1 - c0}'
  }
  fetch "$big_ngx" "${hub_urls[resolve]}"   # warm the page cache for both
  for how in resolve batch; do
    for shape in "1 × $big_mib MiB" "8 × $part_mib MiB"; do
      speed=() cpu=() hs=() ns=()
      for _ in $(seq 1 "$rounds"); do
        if [ "$shape" = "1 × $big_mib MiB" ]; then ngx=("$big_ngx"); hubs=("${hub_urls[$how]}")
        elif [ "$how" = resolve ]; then ngx=("${part_ngx[@]}"); hubs=("${part_resolve[@]}")
        else ngx=("${part_ngx[@]}"); hubs=("${part_batch[@]}"); fi
        read -r nt nc < <(timed nginx_cpu "${ngx[@]}")
        read -r ht hc < <(timed hub_cpu "${hubs[@]}")
        hs+=("$ht"); ns+=("$nt"); speed+=("$(ratio "$nt" "$ht")"); cpu+=("$(ratio "$hc" "$nc")")
      done
      add_row "LFS $shape via $how (speed; server CPU)" "$(median "${hs[@]}") s" "nginx sendfile $(median "${ns[@]}") s" \
        "$(median "${speed[@]}") ($(range "${speed[@]}")); CPU $(median "${cpu[@]}")× ($(range "${cpu[@]}"))" "speed ≥ 0.9×, CPU ≤ 2×"
    done
  done
  part_loads lfs "$load_before"
fi

# ---------------------------------------------------------------------------------------------
# 3. Clones: a generated repository (or bench/work/generated.git from bench/git-clone.sh)
if [[ " $parts " == *" clone "* ]]; then
  load_before=$(load_now)
  # Generated once into bench/work (git-ignored) and reused by later runs with the same size.
  commits="${COMPARE_CLONE_COMMITS:-8000}"
  src="$root/bench/work/generated-$commits.git"
  if [ ! -d "$src/refs" ] || ! git --git-dir="$src" rev-parse -q --verify refs/heads/main >/dev/null; then
    rm -rf "$src"; mkdir -p "$root/bench/work"; git init -q --bare "$src.tmp"
    log "generating a repository ($commits commits over 2,000 files, 16 files changed per commit; 8,000 commits give about 250k objects)"
    COMMITS=$commits python3 - <<'PY' | git -C "$src.tmp" fast-import --quiet --done
import os, random, sys
rnd = random.Random(15); out = sys.stdout.buffer
commits = int(os.environ["COMMITS"])
words = "model adapter layer attention tensor shard chip kernel batch token cache weight config serve memory".split()
def line():  # source-like text with an identifier that does not compress away
    return " ".join(rnd.choices(words, k=8)) + " %032x%032x" % (rnd.getrandbits(128), rnd.getrandbits(128))
files = ["pkg%02d/mod%03d.py" % (i % 40, i) for i in range(2000)]
content = {f: [line() for _ in range(60)] for f in files}
for n in range(commits):
    msg = ("commit %d" % n).encode()
    out.write(b"commit refs/heads/main\nmark :%d\ncommitter Bench <b@example.invalid> %d +0000\ndata %d\n%s\n"
              % (n + 1, 1700000000 + n * 60, len(msg), msg))
    if n: out.write(b"from :%d\n" % n)
    for f in rnd.sample(files, 16 if n else 2000):
        lines = content[f]
        for _ in range(12 if n else 0):
            lines[rnd.randrange(len(lines))] = line()
        data = ("\n".join(lines) + "\n").encode()
        out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (f.encode(), len(data), data))
out.write(b"done\n")
PY
    # -f: fast-import's own deltas leave a 420 MB pack; a full delta search gives ~225 MB (2.5 min).
    git -C "$src.tmp" repack -adfq && mv "$src.tmp" "$src"
  fi
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"bench-clone","type":"model"}' "$hub/api/repos/create"
  # Beside the initial commit the hub wrote on creation, as branch "bench": main is protected from
  # force-pushes. Both servers then serve that history plus the one-file initial commit.
  git -C "$src" push -q "http://admin:$token@127.0.0.1:$port/admin/bench-clone.git" main:refs/heads/bench 2>"$work/push.log" \
    || { cat "$work/push.log" >&2; die "push failed"; }
  main=$(git -C "$src" rev-parse refs/heads/main)
  dir=''
  while IFS= read -r d; do [ "$(git --git-dir="$d" rev-parse -q --verify refs/heads/bench)" = "$main" ] && dir=$d; done \
    < <(find "$work/data/git" -type d -name '*.git' -prune)
  [ -n "$dir" ] || die "the pushed repository was not found"
  # The push leaves a pack of more than 16 MiB without a bitmap, so the hub schedules its own
  # repack (JGit GC with a bitmap, a background job). Both servers must serve the directory as
  # that job leaves it: wait for the hub's log line, then for JGit's gc.pid and lock files to go.
  # (Repacking it here instead raced the hub's job on the same directory.)
  storage=$(basename "$dir" .git)
  pushed_mib=$(du -cm "$dir"/objects/pack/*.pack | awk 'END {print $1}')
  packed="with the hub's bitmap"
  if [ "$pushed_mib" -le 16 ]; then packed="as pushed, no bitmap"; log "pushed packs of $pushed_mib MiB: below the hub's repack threshold, served as pushed"; else
  log "waiting for the hub's repack of $storage"
  t0=$(now_ns)
  until grep -q "Repacked repository $storage:" "$work/hub.log"; do
    grep -q "Could not repack repository $storage" "$work/hub.log" && die "the hub's repack of $storage failed"
    [ $(( ($(now_ns) - t0) / 1000000000 )) -lt 1200 ] || die "the hub did not repack $storage within 20 minutes"
    kill -0 "$hub_pid" 2>/dev/null || die "the hub died"
    sleep 1
  done
  while [ -e "$dir/gc.pid" ] || [ -n "$(find "$dir" -maxdepth 3 -name '*.lock' -print -quit)" ]; do sleep 1; done
  log "$(grep -o "Repacked repository $storage:.*" "$work/hub.log" | tail -1)"
  [ -n "$(find "$dir/objects/pack" -name '*.bitmap' -print -quit)" ] || die "the hub's repack wrote no bitmap"
  fi
  packs=$(find "$dir/objects/pack" -name '*.pack' | wc -l)
  objects=$(git --git-dir="$dir" count-objects -v | awk '/^in-pack/ {print $2}')
  packmb=$(git --git-dir="$dir" count-objects -v | awk '/^size-pack/ {printf "%.0f", $2 / 1024}')
  git_url="$nginx_url/git/${dir#"$work/data/git/"}"
  hub_url="$hub/admin/bench-clone.git"
  # The baseline server is nginx + fcgiwrap + git: git-http-backend and the git it runs are waited
  # for by fcgiwrap's workers; nginx's workers relay the pack to the client.
  fcgi_cpu() { awk -v a="$(tree_cpu "$fcgi_pid")" -v b="$(nginx_cpu)" 'BEGIN {print a + b}'; }
  clone() {  # cpu-function url -> "seconds cpu_seconds"
    local cpu=$1 c0 t0 t1 c1; rm -rf "$work/clone.git"
    c0=$($cpu); t0=$(now_ns); git clone -q --bare "$2" "$work/clone.git"; t1=$(now_ns); sleep 0.2; c1=$($cpu)
    [ "$(git -C "$work/clone.git" rev-parse refs/heads/bench)" = "$main" ] || die "clone from $2 has the wrong history"
    awk -v t=$((t1 - t0)) -v c0="$c0" -v c1="$c1" 'BEGIN {printf "%.3f %.3f\n", t / 1e9, c1 - c0}'
  }
  # Warm-up; COMPARE_CLONE_JFR=file records the hub's warm-up clone with JFR (settings=profile), so
  # the measured rounds run without the recorder.
  [ -n "${COMPARE_CLONE_JFR:-}" ] && jcmd "$hub_pid" JFR.start name=clone settings=profile filename="$COMPARE_CLONE_JFR" >/dev/null
  clone hub_cpu "$hub_url" >/dev/null
  [ -n "${COMPARE_CLONE_JFR:-}" ] && jcmd "$hub_pid" JFR.stop name=clone >/dev/null
  clone fcgi_cpu "$git_url" >/dev/null
  walls=() cpus=() hw=() gw=() hc=() gc=()
  for _ in $(seq 1 "$rounds"); do
    read -r t1 c1 < <(clone fcgi_cpu "$git_url")
    read -r t2 c2 < <(clone hub_cpu "$hub_url")
    gw+=("$t1"); gc+=("$c1"); hw+=("$t2"); hc+=("$c2"); walls+=("$(ratio "$t2" "$t1")"); cpus+=("$(ratio "$c2" "$c1")")
  done
  add_row "git clone --bare, $commits commits, $objects objects, $packmb MB in $packs pack(s) $packed (wall; server CPU)" \
    "$(median "${hw[@]}") s; CPU $(median "${hc[@]}") s" "http-backend $(median "${gw[@]}") s; CPU $(median "${gc[@]}") s" \
    "$(median "${walls[@]}") ($(range "${walls[@]}")); CPU $(median "${cpus[@]}")× ($(range "${cpus[@]}"))" "wall ≤ 1.0×, CPU ≤ 1.5×"
  # The pack stream alone, without the client's index-pack: one upload-pack request (protocol v0,
  # side-band-64k, every branch and tag wanted, as a bare clone wants them) read by curl into
  # /dev/null. Separates the server's share of a clone's wall time from the client's: time to the
  # first byte (negotiation and counting objects) and to the last (writing the pack).
  pack_request="$work/upload-pack.req"
  git ls-remote --heads --tags "$hub_url" | awk '{print $1}' | sort -u | python3 -c '
import sys
wants = [line.strip() for line in sys.stdin if line.strip()]
out = sys.stdout.buffer
def pkt(text):
    data = text.encode()
    out.write(b"%04x" % (len(data) + 4) + data)
for i, sha in enumerate(wants):
    pkt("want %s%s\n" % (sha, " multi_ack_detailed side-band-64k ofs-delta no-progress" if i == 0 else ""))
out.write(b"0000")
pkt("done\n")' > "$pack_request"
  pack_only() {  # cpu-function url -> "seconds first_byte_seconds cpu_seconds bytes"
    local cpu=$1 c0 c1 timing
    c0=$($cpu)
    timing=$(curl -fsS -o /dev/null -w '%{time_total} %{time_starttransfer} %{size_download}' \
      -H 'Content-Type: application/x-git-upload-pack-request' -H 'Accept: application/x-git-upload-pack-result' \
      --data-binary @"$pack_request" "$2/git-upload-pack")
    sleep 0.2; c1=$($cpu)
    read -r total first bytes <<<"$timing"
    awk -v t="$total" -v f="$first" -v c0="$c0" -v c1="$c1" -v b="$bytes" 'BEGIN {printf "%.3f %.3f %.3f %d\n", t, f, c1 - c0, b}'
  }
  pack_only hub_cpu "$hub_url" >/dev/null; pack_only fcgi_cpu "$git_url" >/dev/null
  ht=() hf=() hb=() gt=() gf=() gb=() pwalls=()
  for _ in $(seq 1 "$rounds"); do
    read -r t1 f1 c1 b1 < <(pack_only fcgi_cpu "$git_url")
    read -r t2 f2 c2 b2 < <(pack_only hub_cpu "$hub_url")
    gt+=("$t1"); gf+=("$f1"); gb+=("$b1"); ht+=("$t2"); hf+=("$f2"); hb+=("$b2"); pwalls+=("$(ratio "$t2" "$t1")")
  done
  add_row "the same clone's pack stream alone, curl into /dev/null (total; first byte; pack bytes)" \
    "$(median "${ht[@]}") s; first byte $(median "${hf[@]}") s; $(median "${hb[@]}") B" \
    "http-backend $(median "${gt[@]}") s; first byte $(median "${gf[@]}") s; $(median "${gb[@]}") B" \
    "$(median "${pwalls[@]}") ($(range "${pwalls[@]}"))" "(explains the clone's wall time)"
  # Ten concurrent clones from each server (issue #15 part 5 measures the hub's memory after them).
  clones10() {  # cpu-function url -> "seconds cpu_seconds"
    local cpu=$1 c0 t0 t1 c1 i pids=(); rm -rf "$work"/c10-*
    c0=$($cpu); t0=$(now_ns)
    for i in $(seq 1 10); do git clone -q --bare "$2" "$work/c10-$i.git" & pids+=($!); done
    for i in "${pids[@]}"; do wait "$i" || die "one of ten concurrent clones from $2 failed"; done
    t1=$(now_ns); sleep 0.2; c1=$($cpu); rm -rf "$work"/c10-*
    awk -v t=$((t1 - t0)) -v c0="$c0" -v c1="$c1" 'BEGIN {printf "%.3f %.3f\n", t / 1e9, c1 - c0}'
  }
  read -r t1 c1 < <(clones10 fcgi_cpu "$git_url")
  read -r t2 c2 < <(clones10 hub_cpu "$hub_url")
  add_row "10 concurrent clones, once (wall; server CPU)" "$t2 s; CPU $c2 s" "http-backend $t1 s; CPU $c1 s" \
    "$(ratio "$t2" "$t1"); CPU $(ratio "$c2" "$c1")×" "wall ≤ 1.0×, CPU ≤ 1.5×"
  hub_rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$hub_pid/status")
  add_row "hub RSS after the runs above" "$hub_rss MB" "" "" "≤ 600 MB"
  part_loads clone "$load_before"
fi

# ---------------------------------------------------------------------------------------------
# 4. One hub process against two behind nginx, on one PostgreSQL database (bench/cluster.sh, issue
#    #14's set-up: it needs the local PostgreSQL server and the packaged jar; medians of its rounds).
if [[ " $parts " == *" cluster "* ]]; then
  load_before=$(load_now)
  stop_hub
  out=$(bench/cluster.sh "$rounds")
  printf '%s\n' "$out" >&2
  read -r one_rps one_clones < <(awk '$1 == 1 && $2 == "process(es):" {print $4, $8}' <<<"$out")
  read -r two_rps two_clones < <(awk '$1 == 2 && $2 == "process(es):" {print $4, $8}' <<<"$out")
  [ -n "$one_rps" ] && [ -n "$two_rps" ] || die "bench/cluster.sh printed no medians"
  add_row "two hub processes against one behind nginx, /api/models (wrk -t2 -c32)" "two: $two_rps req/s" \
    "one: $one_rps req/s" "$(ratio "$two_rps" "$one_rps")" "(no goal; one 2-core host runs both)"
  add_row "two hub processes against one, 8 concurrent clones" "two: $two_clones clones/s" "one: $one_clones clones/s" \
    "$(ratio "$two_clones" "$one_clones")" "(no goal; one 2-core host runs both)"
  part_loads cluster "$load_before"
fi

echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${COMPARE_WRITE:-1}" = 1 ]; then
  {
    echo
    echo "### compare.sh run of $(date -u +'%Y-%m-%d %H:%M UTC') ($rounds rounds, ${secs} s per wrk run, $(nproc) cores, load at end $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    echo "| what | hub | baseline | hub/baseline, median (range) | goal |"
    echo "| --- | --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
    if [ "${#loads[@]}" -gt 0 ]; then
      echo
      echo "Machine load ($(nproc) cores) around each part; above $(nproc) the numbers are under load and only the"
      echo "hub/baseline ratios of this run compare:"
      echo
      printf -- '- %s\n' "${loads[@]}"
    fi
  } >>docs/benchmarks.md
  log "appended the table to docs/benchmarks.md"
fi
