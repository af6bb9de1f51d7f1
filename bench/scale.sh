#!/usr/bin/env bash
# Costs that do not grow with the data (issue #15 part 4): every page and API answer a user reads
# for a repository with 20,000 files, and for an owner with 2,000 repositories, against the same
# page for a small repository (22 files of the same kinds) and a small owner (10 repositories),
# measured in one run, interleaved round by round, so that load from anything else on the machine
# hits both sides alike. Goal: large within 2x of small.
#
# The data goes in through the hub's real interfaces: organizations through the sign-in form,
# repositories through POST /api/repos/create with the admin's token, files through one
# `git push` over HTTP (the token as password) of a commit built locally.
#   large repository: README.md, config.json, parts/000..149/ x 100 files, big/ x 5,000 files
#   small repository: README.md, config.json, parts/000..002/ x 5 files,   big/ x 5 files
#   large owner: organization scale-big, 2,000 repositories; small owner: scale-small, 10
# Each row: wrk -t1 -c4 for SECONDS against the small URL and the large one (alternating which goes
# first), ROUNDS times;
# median over the rounds of requests/s and of the median latency, and the ratio large/small of
# the time per request (small req/s over large req/s).
#
# Usage: bench/scale.sh [rounds] [seconds per wrk run]      (defaults 3 and 4)
#   SCALE_BUILD=0 reuses the last `HUB_PREPARE_ONLY=1 ./run` build; SCALE_OUT=file also writes the
#   table there; SCALE_FILES / SCALE_BIG / SCALE_REPOS shrink the large side for quick trials
#   (files under parts/, files in big/, repositories of the large owner); SCALE_ROWS=regex keeps
#   only the rows whose name matches. SCALE_KEEP=1 leaves the hub running at the end (prints pid).
# Needs: java 17+, git, curl, jq, python3, wrk. Loopback only; outside ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
secs="${2:-4}"
parts_files="${SCALE_FILES:-15000}"
big_files="${SCALE_BIG:-5000}"
big_repos="${SCALE_REPOS:-2000}"
small_repos=10

. bench/lib.sh
for c in wrk jq curl git python3; do command -v "$c" >/dev/null || die "$c is missing (apt-get install -y $c)"; done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
to_ms() { awk '{v=$1; if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else {sub(/s$/,"",v); print v*1000}}'; }

work=$(mktemp -d /tmp/adapthub-scale.XXXXXX)
hub_pid=''
cleanup() {
  local status=$?
  if [ -n "$hub_pid" ] && [ "${SCALE_KEEP:-0}" != 1 ]; then kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; fi
  [ "$status" -ne 0 ] && [ -f "$work/hub.log" ] && tail -n 30 "$work/hub.log" >&2
  if [ "${SCALE_KEEP:-0}" = 1 ] && [ -n "$hub_pid" ]; then log "hub left running: pid $hub_pid at $hub, data in $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "${SCALE_BUILD:-1}" = 0 ] && [ -f hub-web/target/app/adapthub.jsa ] || HUB_PREPARE_ONLY=1 ./run >/dev/null
# The machine's git configuration (LFS filters, credential helpers) stays out of the measurement.
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name Bench && git config --global user.email bench@example.invalid
git config --global init.defaultBranch main
unset HUB_DB_URL HUB_DB_USER HUB_DB_PASSWORD

password="Scale-$(date +%s)-pw!"
token=$(python3 -c 'import secrets; print(secrets.token_hex(20))')
start_demo_hub "$work" "$password" "$token"
log "hub pid $hub_pid at $hub"
cookie=$(sign_in_admin "$work/cookies" "$password")

# ---------------------------------------------------------------------------------------------
# Data, through the hub's own interfaces
new_org() {
  local form csrf status
  form=$(curl -fs -H "Cookie: $cookie" "$hub/organizations/new")
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$form" | sed -n '1s/.*value="//;1s/"$//p')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" --data-urlencode "name=$1" \
    --data-urlencode "displayName=$1" --data-urlencode "description=issue #15 scale bench" \
    --data-urlencode "_csrf=$csrf" "$hub/organizations/new")
  [ "$status" = 302 ] || die "creating organization $1 answered $status"
}
create_repo() {  # name [organization]
  local body
  body=$(jq -nc --arg n "$1" --arg o "${2:-}" '{name: $n, type: "model"} + (if $o == "" then {} else {organization: $o} end)')
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" \
    "$hub/api/repos/create" || die "creating repository $1 failed"
}
export -f create_repo die log
export hub token

new_org scale-big
new_org scale-small
t0=$(date +%s)
# Several at once: each creation is one database transaction plus one small initial commit.
seq -f 'bigrepo-%04g' 1 "$big_repos" | xargs -P 6 -I{} bash -c 'create_repo "$1" scale-big' _ {}
seq -f 'smallrepo-%02g' 1 "$small_repos" | xargs -P 6 -I{} bash -c 'create_repo "$1" scale-small' _ {}
log "created $big_repos + $small_repos repositories in $(( $(date +%s) - t0 )) s"

# fill NAME FOLDERS FILES_PER_FOLDER BIG_FILES: clones admin/NAME, adds the files in one commit, pushes once
fill() {
  local name=$1 folders=$2 per=$3 big=$4 dir="$work/clones/$1"
  create_repo "$name"
  git clone -q "http://admin:$token@127.0.0.1:$port/admin/$name.git" "$dir"
  python3 - "$dir" "$folders" "$per" "$big" <<'EOF'
import json, os, sys
root, folders, per, big = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open(os.path.join(root, "README.md"), "w") as f:
    f.write("---\nlicense: apache-2.0\nlibrary_name: transformers\n---\n# Scale bench\n\nA repository for issue #15.\n")
with open(os.path.join(root, "config.json"), "w") as f:
    json.dump({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096}, f)
for d in range(folders):
    path = os.path.join(root, "parts", "%03d" % d)
    os.makedirs(path, exist_ok=True)
    for i in range(per):
        with open(os.path.join(path, "f%03d.txt" % i), "w") as f:
            f.write("part %d file %d\n" % (d, i))
path = os.path.join(root, "big")
os.makedirs(path, exist_ok=True)
for i in range(big):
    with open(os.path.join(path, "b%05d.txt" % i), "w") as f:
        f.write("big file %d\n" % i)
EOF
  git -C "$dir" add -A
  git -C "$dir" commit -q -m "$((folders * per + big)) files"
  git -C "$dir" push -q origin HEAD:main
}
t0=$(date +%s)
fill scale-large $((parts_files / 100)) 100 "$big_files"
fill scale-small 3 5 5
log "pushed the two repositories in $(( $(date +%s) - t0 )) s"

# ---------------------------------------------------------------------------------------------
# The rows: name, small URL, large URL
S=/admin/scale-small L=/admin/scale-large
AS=/api/models/admin/scale-small AL=/api/models/admin/scale-large
rows=(
  "repository page|$S|$L"
  "tree /tree/main|$S/tree/main|$L/tree/main"
  "tree of a 100-file folder|$S/tree/main/parts/000|$L/tree/main/parts/000"
  "tree of big/ (5,000 files), page 1|$S/tree/main/big|$L/tree/main/big"
  "tree of big/, page 2 (small: its only page)|$S/tree/main/big|$L/tree/main/big?page=1"
  "file page /blob|$S/blob/main/parts/000/f000.txt|$L/blob/main/parts/000/f000.txt"
  "/resolve/main/config.json|$S/resolve/main/config.json|$L/resolve/main/config.json"
  "history /commits/main|$S/commits/main|$L/commits/main"
  "API model info|$AS|$AL"
  "API model info, blobs=true|$AS?blobs=true|$AL?blobs=true"
  "API tree (root)|$AS/tree/main|$AL/tree/main"
  "API tree big/|$AS/tree/main/big|$AL/tree/main/big"
  "API tree recursive, page 1|$AS/tree/main?recursive=true|$AL/tree/main?recursive=true"
  "API tree recursive, limit=50|$AS/tree/main?recursive=true&limit=50|$AL/tree/main?recursive=true&limit=50"
  "API paths-info is POST: not measured|||"
  "API author=, limit=50|/api/models?author=scale-small&limit=50|/api/models?author=scale-big&limit=50"
  "API author=, limit=10|/api/models?author=scale-small&limit=10|/api/models?author=scale-big&limit=10"
  "owner profile page|/scale-small|/scale-big"
  "owner profile page 2 (small: page 1)|/scale-small|/scale-big?page=2"
  "API search=|/api/models?search=smallrepo|/api/models?search=bigrepo"
  "search page|/search?q=smallrepo|/search?q=bigrepo"
  "models list q=|/models?q=smallrepo|/models?q=bigrepo"
)
selected=()
for r in "${rows[@]}"; do
  IFS='|' read -r name small large <<<"$r"
  [ -z "$small" ] && continue
  [[ "$name" =~ ${SCALE_ROWS:-.} ]] || continue
  selected+=("$r")
  for u in "$small" "$large"; do   # each URL answers 200 (and is warmed up once)
    code=$(curl -s -o /dev/null -w '%{http_code}' "$hub$u")
    [ "$code" = 200 ] || die "$u answered $code"
  done
done
# The answers differ in size where the data does: record the bodies' bytes next to the numbers.
bytes() { curl -s -o /dev/null -w '%{size_download}' "$hub$1"; }

wrk_run() {  # url -> "req/s p50_ms"
  local out
  out=$(wrk -t1 -c4 -d"${secs}s" --latency "$hub$1")
  grep -q "Non-2xx" <<<"$out" && die "non-2xx answers from $1"
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)"
}
log "warming up (JIT) for ${secs}s per URL"
for r in "${selected[@]}"; do IFS='|' read -r _ small large <<<"$r"; wrk_run "$small" >/dev/null; wrk_run "$large" >/dev/null; done

declare -A rps lat
echo "machine: $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  log "round $round of $rounds"
  for i in "${!selected[@]}"; do
    IFS='|' read -r name small large <<<"${selected[$i]}"
    # Odd rounds measure the small side first, even rounds the large one: neither always runs second.
    for side in $( ((round % 2)) && echo s l || echo l s); do
      if [ "$side" = s ]; then url=$small; else url=$large; fi
      read -r a b <<<"$(wrk_run "$url")"; rps[$i,$side]+="$a "; lat[$i,$side]+="$b "
    done
    printf '  %s: small %s req/s, large %s req/s\n' "$name" "${rps[$i,s]}" "${rps[$i,l]}" >&2
  done
done

table="| page or answer | small: req/s, p50 ms, bytes | large: req/s, p50 ms, bytes | large/small (time per request) | goal |
| --- | --- | --- | --- | --- |"
over=0
for i in "${!selected[@]}"; do
  IFS='|' read -r name small large <<<"${selected[$i]}"
  # shellcheck disable=SC2086
  sr=$(median ${rps[$i,s]}); lr=$(median ${rps[$i,l]}); sl=$(median ${lat[$i,s]}); ll=$(median ${lat[$i,l]})
  ratio=$(awk -v a="$sr" -v b="$lr" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
  ok=$(awk -v r="$ratio" 'BEGIN {print (r <= 2 ? "≤ 2× ✓" : "≤ 2× ✗")}')
  [[ "$ok" == *✗ ]] && over=$((over + 1))
  table+="
| $name (\`${large#"$hub"}\`) | $sr, $sl, $(bytes "$small") | $lr, $ll, $(bytes "$large") | $ratio× | $ok |"
done
summary="$parts_files+$big_files+2 files vs 22; $big_repos repositories vs $small_repos; wrk -t1 -c4 ${secs}s, median of $rounds interleaved rounds; $(nproc) cores, load at end $(cut -d' ' -f1-3 /proc/loadavg); $over rows above 2×"
printf '\n%s\n\n%s\n' "$table" "$summary"
if [ -n "${SCALE_OUT:-}" ]; then printf '%s\n\n%s\n' "$table" "$summary" >"$SCALE_OUT"; log "wrote $SCALE_OUT"; fi
