#!/usr/bin/env bash
# Git clone and Git LFS download through the hub, against C git serving the same repository.
#
# 1. Generates (once; cached in bench/work/generated.git) a realistic model-hub repository with
#    `git fast-import`: 5,000 commits on main plus feature branches, merges and tags, over 2,000
#    files (READMEs, JSON/YAML configs, Python sources, JSONL data) and random binary blobs (weights,
#    tokenizers, parquet, images), some rewritten over history: a pack of about 155 MB.
# 2. Starts the packaged hub (a copy of hub-web/target/adapthub.jar) on a free loopback port with
#    an empty data directory and pushes every branch and tag to admin/bench.
# 3. Serves the hub's own bare repository directory with `git daemon`, so both servers read the
#    very same pack files, and times `git clone --bare` through each, alternating, N runs each
#    after one untimed warm-up clone each (the JVM's JIT and the page cache are warm for both).
# 4. Pushes a 1 GiB random file with git-lfs to admin/bench-lfs and times downloading it from the
#    hub (/resolve/main/<file> and the LFS batch API's href) against reading the file with dd,
#    each cold (file evicted from the page cache first) and warm; median of 3.
# Needs git, git-lfs, java 17+, curl, jq, python3 (generator). Loopback only.
# Usage: bench/git-clone.sh [runs]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs="${1:-5}"
lfs_runs=3
work="$root/bench/work"
cache="$work/generated.git"
generator_version=1

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ns() { date +%s%N; }
secret() { python3 -c 'import secrets, string, sys; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(int(sys.argv[1]))))' "$1"; }
secs() { awk -v ns="$1" 'BEGIN {printf "%.2f", ns / 1e9}'; }
mbps() { awk -v bytes="$1" -v ns="$2" 'BEGIN {printf "%.0f", bytes / (ns / 1e9) / 1e6}'; }

mkdir -p "$work"
tmp=$(mktemp -d "$work/run.XXXXXX")          # on disk: hub data, the 1 GiB file
shm=$(mktemp -d /dev/shm/adapthub-bench.XXXXXX)  # clone targets
hub_pid='' daemon_pid=''
cleanup() {
  local status=$?
  if [ -n "$daemon_pid" ]; then kill "$daemon_pid" 2>/dev/null || true; wait "$daemon_pid" 2>/dev/null || true; fi
  if [ -n "$hub_pid" ]; then
    kill "$hub_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$hub_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$hub_pid" 2>/dev/null || true
    wait "$hub_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$tmp/hub.log" ]; then
    log "last lines of the hub log:"; tail -n 30 "$tmp/hub.log" >&2 || true
  fi
  rm -rf "$tmp" "$shm"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The machine's git configuration (LFS filters, credential helpers) stays out of every measurement.
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name "Bench" && git config --global user.email "bench@example.invalid"
unset HUB_DB_URL HUB_DB_USER HUB_DB_PASSWORD HUB_GIT_MAX_PUSH_BYTES HUB_GIT_MAX_FILE_BYTES HUB_LFS_MAX_OBJECT_BYTES

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(git --version); $(git lfs version | cut -d' ' -f1); $(java -version 2>&1 | head -1)"
echo "load at start: $(uptime)"

# ---------------------------------------------------------------------------------------------
# 1. The repository
generate() {
  local target="$cache.tmp"
  rm -rf "$target"
  git init -q --bare "$target"
  python3 - <<'PY' | git -C "$target" fast-import --quiet --done
import random, sys

rnd = random.Random(20250501)
out = sys.stdout.buffer
MAIN_COMMITS = 5000

words = ("model adapter layer attention head tensor shard chip npu gpu kernel batch token prompt "
         "sequence cache weight bias quantize int8 fp16 bf16 config serve latency throughput memory "
         "bandwidth operator fusion graph compile runtime driver stream queue device host copy "
         "matmul softmax norm rotary embedding vocab decode prefill scheduler block page "
         "validate backend simulate profile trace metric benchmark dataset split train eval "
         "license tag pipeline engine hardware release fix update add remove refactor docs").split()
chips = ["ascend-910b", "ascend-310p", "a100", "h100", "rtx-3090", "mi300x", "xeon-8480",
         "kunlun-p800", "mlu370", "br100", "l40s", "gaudi2"]
orgs = ["meta", "qwen", "mistral", "deepseek", "ascend-community", "thudm", "bigscience", "01ai"]
people = [("Ada Lovelace", "ada"), ("Grace Hopper", "grace"), ("Alan Turing", "alan"),
          ("Li Wei", "liwei"), ("Zhang Min", "zmin"), ("Chen Jing", "cjing"), ("Wang Fang", "wfang"),
          ("Sofia Rossi", "sofia"), ("Lukas Weber", "lukas"), ("Aiko Tanaka", "aiko"),
          ("Ravi Kumar", "ravi"), ("Olga Ivanova", "olga")]

def sentence(lo=4, hi=14):
    return " ".join(rnd.choices(words, k=rnd.randint(lo, hi)))

# Each kind of text file: how one line looks; files are lists of lines so that edits are local.
def line_for(kind):
    if kind == "md":
        r = rnd.random()
        if r < 0.1: return "## " + sentence(2, 5).title()
        if r < 0.3: return "- " + sentence()
        if r < 0.35: return "| %s | %s | %d |" % (rnd.choice(chips), rnd.choice(words), rnd.randint(1, 9999))
        return sentence(8, 20) + "."
    if kind == "json":
        return '  "%s_%s": %s,' % (rnd.choice(words), rnd.choice(words),
                                   rnd.choice([str(rnd.randint(0, 65536)), "%.6f" % rnd.random(),
                                               '"%s"' % rnd.choice(words), "true", "false"]))
    if kind == "yaml":
        return "%s%s_%s: %s" % ("  " * rnd.randint(0, 2), rnd.choice(words), rnd.choice(words),
                                rnd.choice([str(rnd.randint(0, 4096)), rnd.choice(words), rnd.choice(chips)]))
    if kind == "toml":
        return '%s = "%s"' % (rnd.choice(words), sentence(1, 4))
    if kind == "py":
        r = rnd.random()
        ind = "    " * rnd.randint(0, 2)
        if r < 0.1: return "def %s_%s(%s, %s):" % (rnd.choice(words), rnd.choice(words), rnd.choice(words), rnd.choice(words))
        if r < 0.2: return ind + "# " + sentence()
        if r < 0.3: return ind + "return %s(%s)" % (rnd.choice(words), rnd.choice(words))
        return ind + "%s = %s.%s(%d, %s)" % (rnd.choice(words), rnd.choice(words), rnd.choice(words), rnd.randint(0, 512), rnd.choice(words))
    if kind == "jsonl":
        return '{"id": %d, "prompt": "%s", "response": "%s", "chip": "%s"}' % (
            rnd.randint(0, 10**9), sentence(6, 30), sentence(10, 60), rnd.choice(chips))
    raise ValueError(kind)

def kind_of(path):
    ext = path.rsplit(".", 1)[-1]
    return {"md": "md", "json": "json", "yaml": "yaml", "yml": "yaml", "toml": "toml", "py": "py", "jsonl": "jsonl"}[ext]

def new_text(path):
    kind = kind_of(path)
    n = {"md": (15, 120), "json": (8, 60), "yaml": (10, 80), "toml": (8, 30), "py": (20, 250), "jsonl": (10, 60)}[kind]
    lines = [line_for(kind) for _ in range(rnd.randint(*n))]
    if kind == "json":
        lines = ["{"] + lines + ['  "version": 1', "}"]
    if kind == "md":
        lines = ["# " + path.split("/")[-2] if "/" in path else "# bench", ""] + lines
    return lines

def edit_text(path, lines):
    kind = kind_of(path)
    lines = list(lines)
    lo = 2 if kind == "json" else 1
    for _ in range(rnd.randint(1, 3)):
        if len(lines) > lo + 2:
            lines[rnd.randint(lo, len(lines) - 2)] = line_for(kind)
    if rnd.random() < 0.4:
        at = len(lines) - 2 if kind == "json" else len(lines)
        lines[at:at] = [line_for(kind) for _ in range(rnd.randint(1, 6))]
    if len(lines) > 400:  # keep files small: drop the oldest lines
        del lines[lo:lo + 100]
    return lines

BIN_SIZES = {"safetensors": (450_000, 1_500_000), "model": (250_000, 800_000),
             "parquet": (150_000, 900_000), "png": (20_000, 200_000), "onnx": (300_000, 1_200_000)}

def new_binary(path, size=None):
    ext = path.rsplit(".", 1)[-1]
    if size is None:
        size = rnd.randint(*BIN_SIZES[ext])
    head = {"safetensors": b"\x80\x00\x00\x00\x00\x00\x00\x00{\"__metadata__\":{\"format\":\"pt\"}}",
            "model": b"\x0a\x0b<unk>\x15\x00\x00\x00\x00", "parquet": b"PAR1",
            "png": b"\x89PNG\r\n\x1a\n", "onnx": b"\x08\x07\x12\x07pytorch"}[ext]
    return head + rnd.randbytes(size - len(head))

# The files the repository grows to, in the order they appear.
planned = []
for i in range(64):
    base = "models/%s/%s-%dB-v%d" % (rnd.choice(orgs), rnd.choice(["llama", "qwen", "mistral", "glm", "yi", "bloom"]), rnd.choice([1, 3, 7, 8, 14, 32, 70]), i)
    planned += [base + "/" + f for f in ("README.md", "config.json", "generation_config.json", "tokenizer_config.json", "special_tokens_map.json")]
    planned += [base + "/adaptations/%s.yaml" % c for c in rnd.sample(chips, 6)]
    if i % 2 == 0:
        planned.append(base + "/tokenizer.model")
    if i % 3 == 0:
        n = rnd.randint(1, 3)
        planned += [base + "/model-%05d-of-%05d.safetensors" % (k + 1, n) for k in range(n)]
    if i % 5 == 0:
        planned.append(base + "/onnx/model.onnx")
for i in range(32):
    base = "datasets/%s/prompts-%d" % (rnd.choice(orgs), i)
    planned += [base + "/README.md", base + "/dataset_info.json"]
    planned += [base + "/data/train-%05d.jsonl" % k for k in range(8)]
    if i % 2 == 0:
        planned += [base + "/data/test-%05d.parquet" % k for k in range(rnd.randint(1, 2))]
for i in range(44):
    base = "tools/%s-%d" % (rnd.choice(["convert", "quantize", "profile", "serve", "validate"]), i)
    planned += [base + "/README.md", base + "/pyproject.toml"]
    planned += [base + "/src/%s/%s.py" % (base.split("/")[1].replace("-", "_"), w) for w in rnd.sample(words, 14)]
    planned += [base + "/tests/test_%s.py" % w for w in rnd.sample(words, 4)]
    if i % 4 == 0:
        planned.append(base + "/assets/diagram.png")
planned += ["docs/%s-%d.md" % (rnd.choice(words), i) for i in range(160)]
planned += ["configs/ci/%s-%d.yml" % (rnd.choice(chips), i) for i in range(60)]
planned = list(dict.fromkeys(planned))
first = planned[:400]
rest = planned[400:]
rnd.shuffle(rest)

mark = 0
def blob(data):
    global mark
    mark += 1
    out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)))
    out.write(data)
    out.write(b"\n")
    return mark

def text_blob(lines):
    return blob(("\n".join(lines) + "\n").encode())

when = 1640995200  # 2022-01-01
def commit(ref, message, changes, parent=None, merge=None):
    """changes: list of (path, blob mark) or (path, None) to delete."""
    global mark, when
    when += rnd.randint(60, 30000)
    name, user = rnd.choice(people)
    mark += 1
    msg = message.encode()
    out.write(b"commit %s\nmark :%d\nauthor %s <%s@example.org> %d +0000\ncommitter %s <%s@example.org> %d +0000\ndata %d\n%s\n"
              % (ref.encode(), mark, name.encode(), user.encode(), when, name.encode(), user.encode(), when, len(msg), msg))
    if parent is not None:
        out.write(b"from :%d\n" % parent)
    if merge is not None:
        out.write(b"merge :%d\n" % merge)
    for path, m in changes:
        if m is None:
            out.write(b"D %s\n" % path.encode())
        else:
            out.write(b"M 100644 :%d %s\n" % (m, path.encode()))
    out.write(b"\n")
    return mark

texts = {}     # path -> lines, on main
binaries = {}  # path -> size, on main

def add(path):
    if path.rsplit(".", 1)[-1] in BIN_SIZES:
        data = new_binary(path)
        binaries[path] = len(data)
        return (path, blob(data))
    texts[path] = new_text(path)
    return (path, text_blob(texts[path]))

def edit(path):
    texts[path] = edit_text(path, texts[path])
    return (path, text_blob(texts[path]))

def message(verb, path):
    return "%s %s: %s" % (verb, path.split("/")[-1], sentence(3, 9))

head = commit("refs/heads/main", "Initial import of models, datasets and tools", [add(p) for p in first])
text_paths = lambda: sorted(texts)
pending_merges = []
tags = 0
for n in range(2, MAIN_COMMITS + 1):
    if pending_merges and pending_merges[0][0] == n:
        _, branch, tip, files = pending_merges.pop(0)
        changes = []
        for path, lines in files.items():
            texts[path] = lines
            changes.append((path, text_blob(lines)))
        head = commit("refs/heads/main", "Merge branch '%s'" % branch, changes, parent=head, merge=tip)
        continue
    changes = []
    if rest and rnd.random() < 0.9:
        changes.append(add(rest.pop()))
    elif n % 25 == 0 and binaries:
        path = rnd.choice(sorted(binaries))
        data = new_binary(path, max(4096, int(binaries[path] * rnd.uniform(0.5, 1.0))))
        binaries[path] = len(data)
        changes.append((path, blob(data)))
    elif n % 150 == 0:
        gone = rnd.choice([p for p in text_paths() if p.startswith("docs/")])
        del texts[gone]
        changes.append((gone, None))
        changes.append(add("docs/%s-%d.md" % (rnd.choice(words), 1000 + n)))
    paths = text_paths()
    for p in rnd.sample(paths, rnd.randint(0 if changes else 1, 2)):
        if all(p != c[0] for c in changes):
            changes.append(edit(p))
    head = commit("refs/heads/main", message(rnd.choice(["Update", "Fix", "Tune", "Document"]), changes[0][0]), changes)
    if n % 250 == 0:
        tags += 1
        if tags % 4 == 0:
            msg = b"Release v0.%d" % tags
            out.write(b"tag v0.%d\nfrom :%d\ntagger Bench <bench@example.org> %d +0000\ndata %d\n%s\n" % (tags, head, when, len(msg), msg))
        else:
            out.write(b"reset refs/tags/v0.%d\nfrom :%d\n\n" % (tags, head))
    if n % 600 == 0:  # a feature branch with its own experiment files; every other one is merged later
        branch = "feature/exp-%d" % (n // 600)
        files = {}
        tip = head
        for k in range(rnd.randint(6, 15)):
            if not files or rnd.random() < 0.4:
                path = "experiments/exp-%d/%s-%d.yaml" % (n // 600, rnd.choice(words), k)
                files[path] = new_text(path)
            else:
                path = rnd.choice(sorted(files))
                files[path] = edit_text(path, files[path])
            tip = commit("refs/heads/" + branch, message("Try", path), [(path, text_blob(files[path]))], parent=tip)
        if (n // 600) % 2 == 0:
            pending_merges.append((n + 100, branch, tip, files))
out.write(b"done\n")
out.flush()
print("generated %d main commits, %d text files, %d binaries (%.1f MB at HEAD)"
      % (MAIN_COMMITS, len(texts), len(binaries), sum(binaries.values()) / 1e6), file=sys.stderr)
PY
  git -C "$target" symbolic-ref HEAD refs/heads/main
  git -C "$target" repack -adfq  # packed as `git gc` would leave it: fresh deltas
  echo "$generator_version" >"$target/bench-generator-version"
  mv "$target" "$cache"
}

if [ "$(cat "$cache/bench-generator-version" 2>/dev/null)" != "$generator_version" ]; then
  rm -rf "$cache"
  log "generating the repository (once; cached in ${cache#$root/})"
  t0=$(now_ns); generate; log "generated in $(secs $(( $(now_ns) - t0 ))) s"
else
  log "reusing the generated repository in ${cache#$root/}"
fi
main_sha=$(git -C "$cache" rev-parse refs/heads/main)
main_commits=$(git -C "$cache" rev-list --count refs/heads/main)
all_commits=$(git -C "$cache" rev-list --count --all)
files=$(git -C "$cache" ls-tree -r --name-only refs/heads/main | wc -l)
pack_bytes=$(cat "$cache"/objects/pack/*.pack | wc -c)
branches=$(git -C "$cache" for-each-ref refs/heads | wc -l)
tags=$(git -C "$cache" for-each-ref refs/tags | wc -l)
echo "repository: $main_commits commits on main ($all_commits in all), $branches branches, $tags tags, $files files at main, pack $(awk -v b="$pack_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB"
[ "$main_commits" -ge 5000 ] && [ "$files" -ge 2000 ] && [ "$pack_bytes" -ge 100000000 ] \
  || die "the generated repository is smaller than the benchmark needs; delete $cache and retry"

# ---------------------------------------------------------------------------------------------
# 2. The hub
jar=hub-web/target/adapthub.jar
if [ ! -f "$jar" ]; then
  log "building the hub (jar missing)"
  ./mvnw -q -o -DskipTests package
fi
cp "$jar" "$tmp/adapthub.jar"  # a rebuild during the run must not pull the jar from under the hub
port=$(free_port)
token=$(secret 40)
data="$tmp/hub-data"
hub="http://127.0.0.1:$port"
push_url() { echo "http://admin:$token@127.0.0.1:$port/admin/$1.git"; }
log "starting the hub on port $port"
HUB_DATA_DIR="$data" HUB_DEMO=false HUB_ADMIN_PASSWORD="$(secret 24)" \
  HUB_ADMIN_TOKEN="$token" PORT="$port" java -jar "$tmp/adapthub.jar" >"$tmp/hub.log" 2>&1 &
hub_pid=$!
t0=$(now_ns)
until curl -fsS -o /dev/null "$hub/" 2>/dev/null; do
  kill -0 "$hub_pid" 2>/dev/null || die "the hub exited during start-up"
  [ $(( $(now_ns) - t0 )) -lt 180000000000 ] || die "the hub did not answer within 180 s"
  sleep 0.2
done
log "hub up after $(secs $(( $(now_ns) - t0 ))) s"

create_repo() {
  local code
  code=$(curl -sS -o "$tmp/create.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"type\":\"model\"}" "$hub/api/repos/create")
  [[ "$code" == 20? ]] || die "creating $1 answered $code: $(cat "$tmp/create.json")"
}
create_repo bench
t0=$(now_ns)
{ git -C "$cache" push -q "$(push_url bench)" --all && git -C "$cache" push -q "$(push_url bench)" --tags; } \
  2>"$tmp/push.log" || { cat "$tmp/push.log" >&2; die "push to the hub failed"; }
echo "push to the hub (all branches, then tags): $(secs $(( $(now_ns) - t0 ))) s"

hub_repo=''  # the hub keys directories by id, not name: find the one holding what was pushed
while IFS= read -r d; do
  if [ "$(git --git-dir="$d" rev-parse -q --verify refs/heads/main 2>/dev/null)" = "$main_sha" ]; then hub_repo=$d; fi
done < <(find "$data" -type d -name '*.git' -prune)
[ -n "$hub_repo" ] || die "could not find the pushed repository under $data"
repos_root=$(dirname "$(dirname "$hub_repo")")
echo "hub storage: $(ls "$hub_repo"/objects/pack/*.pack | wc -l) pack file(s), $(cat "$hub_repo"/objects/pack/*.pack | wc -c | awk '{printf "%.1f", $1 / 1e6}') MB"

# ---------------------------------------------------------------------------------------------
# 3. C git serving the same directory
dport=$(free_port)
git daemon --reuseaddr --export-all --listen=127.0.0.1 --port="$dport" --base-path="$repos_root" \
  >"$tmp/daemon.log" 2>&1 &
daemon_pid=$!
daemon_url="git://127.0.0.1:$dport/${hub_repo#"$repos_root"/}"
hub_url="$hub/admin/bench.git"
for _ in $(seq 1 50); do git ls-remote "$daemon_url" >/dev/null 2>&1 && break; sleep 0.2; done
[ "$(git ls-remote "$daemon_url" refs/heads/main | cut -f1)" = "$main_sha" ] || die "git daemon does not serve the repository"
[ "$(git ls-remote "$hub_url" refs/heads/main | cut -f1)" = "$main_sha" ] || die "the hub does not serve the repository anonymously"

# ---------------------------------------------------------------------------------------------
# 4. Clone times
clone_ms() {  # url -> milliseconds of one bare clone into tmpfs (checked, then deleted)
  local dest="$shm/clone.git" t0 t1
  rm -rf "$dest"
  t0=$(now_ns)
  git clone --bare -q "$1" "$dest"
  t1=$(now_ns)
  [ "$(git -C "$dest" rev-parse refs/heads/main)" = "$main_sha" ] || die "clone from $1 has the wrong main"
  [ "$(git -C "$dest" for-each-ref | wc -l)" -eq $(( branches + tags )) ] || die "clone from $1 misses refs"
  rm -rf "$dest"
  echo $(( (t1 - t0) / 1000000 ))
}
log "warm-up clones (not counted)"
h=$(clone_ms "$hub_url"); d=$(clone_ms "$daemon_url")
echo "warm-up: hub $h ms, git daemon $d ms"
hub_times=() daemon_times=()
for i in $(seq 1 "$runs"); do
  h=$(clone_ms "$hub_url"); d=$(clone_ms "$daemon_url")
  hub_times+=("$h"); daemon_times+=("$d")
  echo "run $i: hub $h ms, git daemon $d ms"
done
hub_median=$(median "${hub_times[@]}")
daemon_median=$(median "${daemon_times[@]}")
echo "git clone --bare, median of $runs: hub $hub_median ms, git daemon $daemon_median ms," \
  "ratio hub/daemon $(awk -v a="$hub_median" -v b="$daemon_median" 'BEGIN {printf "%.2f", a / b}')x"
echo "load after clones: $(uptime)"

# ---------------------------------------------------------------------------------------------
# 5. LFS: a 1 GiB object through the hub against the same bytes read from disk
create_repo bench-lfs
lfs_dir="$tmp/lfs"
mkdir -p "$lfs_dir/repo"
big="$lfs_dir/weights.bin"
log "writing 1 GiB of random bytes"
head -c 1G /dev/urandom >"$big"
size=$(stat -c %s "$big")
oid=$(sha256sum "$big" | cut -d' ' -f1)
(
  cd "$lfs_dir/repo"
  git init -q -b main
  git lfs install --local >/dev/null
  git lfs track '*.bin' >/dev/null
  ln "$big" weights.bin
  git add .gitattributes weights.bin
  git commit -qm "Add 1 GiB weights"
  git remote add origin "$(push_url bench-lfs)"
  t0=$(now_ns)
  git push -q origin main 2>"$tmp/lfs-push.log" || { cat "$tmp/lfs-push.log" >&2; exit 1; }
  echo "git lfs push of 1 GiB to the hub: $(secs $(( $(now_ns) - t0 ))) s ($(mbps "$size" $(( $(now_ns) - t0 ))) MB/s)"
)
rm -rf "$lfs_dir/repo"  # its .git/lfs copy of the object
stored=$(find "$data" -path "*/lfs/objects/*" -name "$oid" -type f | head -1)
[ -n "$stored" ] || die "the hub did not store the LFS object $oid"

resolve_url="$hub/admin/bench-lfs/resolve/main/weights.bin"
headers=$(curl -fsS -I "$resolve_url")
grep -qi "^x-linked-etag: \"\\?$oid" <<<"$headers" || die "resolve did not serve the LFS object: $headers"
href_json=$(curl -fsS -X POST -H 'Accept: application/vnd.git-lfs+json' -H 'Content-Type: application/vnd.git-lfs+json' \
  -d "{\"operation\":\"download\",\"transfers\":[\"basic\"],\"objects\":[{\"oid\":\"$oid\",\"size\":$size}]}" \
  "$hub/admin/bench-lfs.git/info/lfs/objects/batch")
href=$(jq -r '.objects[0].actions.download.href' <<<"$href_json")
[ -n "$href" ] && [ "$href" != null ] || die "the batch API gave no download href: $href_json"
[ "$(curl -fsS "$resolve_url" | sha256sum | cut -d' ' -f1)" = "$oid" ] || die "resolve download differs from the pushed file"
[ "$(curl -fsS "$href" | sha256sum | cut -d' ' -f1)" = "$oid" ] || die "LFS href download differs from the pushed file"
echo "LFS object verified byte-identical through /resolve and the batch href ($size bytes)"

evict() { sync "$1"; dd if="$1" iflag=nocache count=0 status=none; }
cached_pct() { fincore -nb -o RES "$1" 2>/dev/null | awk -v s="$size" '{printf "%.0f", 100 * $1 / s}'; }
read_disk() { dd if="$big" of=/dev/null bs=1M status=none; }
read_resolve() { curl -fsS -o /dev/null "$resolve_url"; }
read_href() { curl -fsS -o /dev/null "$href"; }
throughput() {  # label, file to evict (or -), command
  local label=$1 file=$2 cmd=$3 speeds=() t0 t1 note=''
  for _ in $(seq 1 "$lfs_runs"); do
    if [ "$file" != - ]; then evict "$file"; note=" (page cache before: $(cached_pct "$file")%)"; fi
    t0=$(now_ns); $cmd; t1=$(now_ns)
    speeds+=("$(mbps "$size" $(( t1 - t0 )))")
  done
  echo "$label: ${speeds[*]} MB/s, median $(median "${speeds[@]}") MB/s$note"
}
throughput "disk, cold (dd after evicting the file from the page cache)" "$big" read_disk
throughput "hub /resolve, cold (hub's stored object evicted first)" "$stored" read_resolve
read_disk
throughput "disk, warm (dd from the page cache)" - read_disk
read_resolve
throughput "hub /resolve, warm" - read_resolve
throughput "hub LFS batch href, warm" - read_href
echo "load at end: $(uptime)"
