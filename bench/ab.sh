#!/usr/bin/env bash
# Two builds of the hub side by side, interleaved, to tell what a change did to a page's speed on
# this machine: both hubs run at once (demo content, ./run's JVM options), each page is warmed up on
# both, then wrk runs against A and B in turn, ROUNDS times (alternating which goes first), and the
# table gives each side's median requests/s and p99 and the ratio B/A (median and range). Comparing
# against numbers from another run or another machine is what this replaces: on the 2-core machines
# here two runs of the same build differ by up to a quarter.
# Usage: bench/ab.sh DIR_A DIR_B [rounds] [seconds] -- page...
#   DIR_A, DIR_B: checkouts built with `HUB_PREPARE_ONLY=1 ./run` (e.g. a `git worktree` of the commit
#   before a change, and this one). Pages are paths; AB_WHO=anonymous|signed-in|both (default both).
# Needs: java 17+, wrk, curl. Loopback only; outside ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
dir_a=$(cd "$1" && pwd); dir_b=$(cd "$2" && pwd); shift 2
rounds=3; secs=5
[ "${1:-}" != -- ] && [ $# -gt 0 ] && { rounds=$1; shift; }
[ "${1:-}" != -- ] && [ $# -gt 0 ] && { secs=$1; shift; }
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || set -- /meta-llama/Llama-3.1-8B-Instruct
who="${AB_WHO:-both}"
. bench/lib.sh
command -v wrk >/dev/null || die "wrk is missing (apt-get install -y wrk)"
for d in "$dir_a" "$dir_b"; do
  [ -f "$d/hub-web/target/app/adapthub.jar" ] || die "$d has no build: (cd $d && HUB_PREPARE_ONLY=1 ./run)"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
range() { printf '%s\n' "$@" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3g", (b > 0 ? a / b : 0)}'; }
to_ms() { awk '{v=$1; if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else {sub(/s$/,"",v); print v*1000}}'; }

work=$(mktemp -d /tmp/adapthub-ab.XXXXXX)
pids=()
cleanup() {
  local status=$? p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

password="Ab-$(date +%s)-pw!"
declare -A url cookie
for side in a b; do
  dir=$dir_a; [ "$side" = b ] && dir=$dir_b
  mkdir -p "$work/$side"
  # start_demo_hub runs the build of the current directory, with that checkout's jvm.options.
  (cd "$dir" && start_demo_hub "$work/$side" "$password" && echo "$hub $hub_pid" >"$work/$side/started"; wait) &
  starter=$!
  until [ -s "$work/$side/started" ]; do
    kill -0 "$starter" 2>/dev/null || { tail -n 20 "$work/$side/hub.log" >&2; die "hub $side did not start"; }
    sleep 0.5
  done
  read -r url[$side] pid <"$work/$side/started"; pids+=("$pid")
  hub=${url[$side]}; cookie[$side]=$(sign_in_admin "$work/$side/cookies" "$password")
  log "$side: $dir at ${url[$side]} (pid $pid)"
done

wrk_run() {  # url [cookie] -> "req/s p99_ms"
  local out
  out=$(wrk -t2 -c32 -d"${secs}s" --latency ${2:+-H "Cookie: $2"} "$1")
  grep -q "Non-2xx" <<<"$out" && die "non-2xx answers from $1"
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)"
}
whos=(anonymous signed-in); [ "$who" = both ] || whos=("$who")
for w in "${whos[@]}"; do for page in "$@"; do for side in a b; do   # warm-up, both sides, every page
  c=''; [ "$w" = signed-in ] && c=${cookie[$side]}
  wrk -t2 -c32 -d4s ${c:+-H "Cookie: $c"} "${url[$side]}$page" >/dev/null
done; done; done

echo "machine: $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| page | A: $dir_a | B: $dir_b | B/A req/s, median (range) |"
echo "| --- | --- | --- | --- |"
for w in "${whos[@]}"; do
  for page in "$@"; do
    ra=() rb=() pa=() pb=() ratios=()
    for i in $(seq 1 "$rounds"); do
      order="a b"; [ $((i % 2)) = 0 ] && order="b a"
      for side in $order; do
        c=''; [ "$w" = signed-in ] && c=${cookie[$side]}
        read -r r p < <(wrk_run "${url[$side]}$page" "$c")
        if [ "$side" = a ]; then ra+=("$r"); pa+=("$p"); else rb+=("$r"); pb+=("$p"); fi
      done
      ratios+=("$(ratio "${rb[-1]}" "${ra[-1]}")")
    done
    echo "| $w $page | $(median "${ra[@]}") req/s, p99 $(median "${pa[@]}") ms | $(median "${rb[@]}") req/s, p99 $(median "${pb[@]}") ms | $(median "${ratios[@]}") ($(range "${ratios[@]}")) |"
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
