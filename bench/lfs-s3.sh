#!/usr/bin/env bash
# Git LFS on S3-compatible object storage: one 1 GiB LFS object downloaded three ways, in one session.
#
#   presigned   GET /{repo}/resolve/main/<file> on a hub whose LFS store is the bucket: 302 to a
#               presigned URL, followed by curl to S3Proxy (the bytes never pass through the hub)
#   s3proxy     the same object straight from S3Proxy with the bucket's keys (curl --aws-sigv4)
#   hub-jvm     GET /{repo}/resolve/main/<file> on a hub with the file store: the bytes stream
#               through the hub's JVM (today's default path)
#
# S3Proxy 2.6.0 (filesystem backend; jar from hub-web/target/s3proxy or ~/.m2) and two packaged
# hubs (hub-web/target/adapthub.jar, H2, empty data directories) run on loopback ports. The same
# random 1 GiB file is pushed to both hubs with git-lfs, then the three downloads run interleaved
# (a b c, a b c, ...) after one untimed warm-up each; every download is checked by SHA-256 once
# and by size every time. Prints each time and the medians.
# Needs git, git-lfs, java 17+, curl (7.75+ for --aws-sigv4), python3. Loopback only.
# Usage: bench/lfs-s3.sh [runs]      (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs="${1:-3}"

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ns() { date +%s%N; }
secret() { python3 -c 'import secrets, string, sys; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(int(sys.argv[1]))))' "$1"; }
mbps() { awk -v bytes="$1" -v ns="$2" 'BEGIN {printf "%.0f", bytes / (ns / 1e9) / 1e6}'; }

m2_jar="$HOME/.m2/repository/org/gaul/s3proxy/2.6.0/s3proxy-2.6.0-jar-with-dependencies.jar"
mkdir -p "$root/bench/work"
tmp=$(mktemp -d "$root/bench/work/lfs-s3.XXXXXX")
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do  # a JVM still starting may not heed TERM for long
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for f in "$tmp"/*.log; do [ -f "$f" ] && { log "last lines of $f:"; tail -n 20 "$f" >&2; }; done
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name "Bench" && git config --global user.email "bench@example.invalid"
git lfs install --skip-repo >/dev/null
unset HUB_DB_URL HUB_DB_USER HUB_DB_PASSWORD HUB_LFS_S3_BUCKET HUB_LFS_S3_ENDPOINT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(git lfs version | cut -d' ' -f1); $(java -version 2>&1 | head -1)"
echo "load at start: $(uptime)"

# --- S3Proxy
s3jar="$root/hub-web/target/s3proxy/s3proxy.jar"
[ -f "$s3jar" ] || s3jar=$m2_jar
[ -f "$s3jar" ] || die "no S3Proxy jar: ./mvnw dependency:get -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies"
s3port=$(free_port)
s3="http://127.0.0.1:$s3port"
access=bench-access secret_key=$(secret 32) bucket=lfs-bench
mkdir -p "$tmp/s3/$bucket"
cat >"$tmp/s3proxy.properties" <<PROPS
s3proxy.endpoint=$s3
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$access
s3proxy.credential=$secret_key
jclouds.provider=filesystem
jclouds.filesystem.basedir=$tmp/s3
PROPS
java -Xmx512m -jar "$s3jar" --properties "$tmp/s3proxy.properties" >"$tmp/s3proxy.log" 2>&1 &
pids+=($!)

# --- two hubs: files, and the bucket
jar="$root/hub-web/target/adapthub.jar"
[ -f "$jar" ] || die "build the hub first: ./mvnw -q -DskipTests package"
cp "$jar" "$tmp/adapthub.jar"
token=$(secret 40)
start_hub() {  # name port [env...]
  local name=$1 port=$2; shift 2
  env HUB_DATA_DIR="$tmp/$name-data" HUB_DEMO=false HUB_ADMIN_PASSWORD="$(secret 24)" HUB_ADMIN_TOKEN="$token" \
    PORT="$port" "$@" java -jar "$tmp/adapthub.jar" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
}
wait_up() {  # url
  local t0; t0=$(now_ns)
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ $(( $(now_ns) - t0 )) -lt 900000000000 ] || die "$1 did not answer within 900 s"
    sleep 0.3
  done
}
wait_up_s3() { local t0; t0=$(now_ns); until curl -s -o /dev/null "$s3/"; do [ $(( $(now_ns) - t0 )) -lt 60000000000 ] || die "S3Proxy did not start"; sleep 0.2; done; }
wait_up_s3
fport=$(free_port); sport=$(free_port)
start_hub files "$fport"
start_hub bucket "$sport" HUB_LFS_S3_ENDPOINT="$s3" HUB_LFS_S3_BUCKET="$bucket" HUB_LFS_S3_ACCESS_KEY="$access" \
  HUB_LFS_S3_SECRET_KEY="$secret_key" HUB_LFS_S3_PRESIGN_TTL=10m
wait_up "http://127.0.0.1:$fport/"; wait_up "http://127.0.0.1:$sport/"
log "S3Proxy and both hubs are up"

# --- the 1 GiB object, pushed to both hubs
big="$tmp/weights.bin"
head -c 1G /dev/urandom >"$big"
size=$(stat -c %s "$big")
oid=$(sha256sum "$big" | cut -d' ' -f1)
push() {  # port
  local code
  code=$(curl -sS -o "$tmp/create.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"bench-lfs","type":"model"}' "http://127.0.0.1:$1/api/repos/create")
  [[ "$code" == 20? ]] || die "creating the repository answered $code: $(cat "$tmp/create.json")"
  local url="http://admin:$token@127.0.0.1:$1/admin/bench-lfs.git"
  rm -rf "$tmp/repo" && git clone -q "$url" "$tmp/repo" && cd "$tmp/repo"  # repos/create wrote a first commit
  git lfs track '*.bin' >/dev/null && ln "$big" weights.bin
  git add .gitattributes weights.bin && git commit -qm "Add 1 GiB weights"
  local t0; t0=$(now_ns)
  git -c lfs.locksverify=false push -q "$url" HEAD:main 2>"$tmp/push.log" \
    || { cat "$tmp/push.log" >&2; die "git lfs push to port $1 failed"; }
  echo "git lfs push of 1 GiB to port $1: $(mbps "$size" $(( $(now_ns) - t0 ))) MB/s"
  cd "$root"; rm -rf "$tmp/repo"
}
push "$fport"
push "$sport"

resolve_files="http://127.0.0.1:$fport/admin/bench-lfs/resolve/main/weights.bin"
resolve_bucket="http://127.0.0.1:$sport/admin/bench-lfs/resolve/main/weights.bin"
direct="$s3/$bucket/lfs/objects/${oid:0:2}/${oid:2:2}/$oid"
code=$(curl -s -o /dev/null -w '%{http_code}' "$resolve_bucket")
[ "$code" = 302 ] || die "the bucket hub's /resolve answered $code, not 302"

fetch() {  # way -> size downloaded
  case $1 in
    presigned) curl -fsSL -o "$2" "$resolve_bucket" ;;
    s3proxy) curl -fsS -o "$2" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access:$secret_key" "$direct" ;;
    hub-jvm) curl -fsS -o "$2" "$resolve_files" ;;
  esac
}
ways=(presigned s3proxy hub-jvm)
for way in "${ways[@]}"; do  # warm-up, checked by hash
  fetch "$way" "$tmp/out.bin"
  [ "$(sha256sum "$tmp/out.bin" | cut -d' ' -f1)" = "$oid" ] || die "$way returned other bytes"
done
rm -f "$tmp/out.bin"
declare -A times
for i in $(seq 1 "$runs"); do
  line="run $i:"
  for way in "${ways[@]}"; do
    t0=$(now_ns)
    fetch "$way" /dev/null
    ns=$(( $(now_ns) - t0 ))
    times[$way]="${times[$way]:-} $ns"
    line="$line $way $(mbps "$size" "$ns") MB/s ($(( ns / 1000000 )) ms);"
  done
  echo "$line"
done
for way in "${ways[@]}"; do
  # shellcheck disable=SC2086
  m=$(median ${times[$way]})
  echo "median of $runs, $way: $(( ${m%.*} / 1000000 )) ms, $(mbps "$size" "${m%.*}") MB/s"
done
echo "load at end: $(uptime)"
