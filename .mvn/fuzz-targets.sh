#!/usr/bin/env bash
# Fuzzes every @FuzzTest method of one module, each in its own JVM (Jazzer fuzzes one target per
# JVM), two at a time. Called by Maven in the integration-test phase (parent pom, execution "fuzz"):
#   fuzz-targets.sh MODULE_DIR BUILD_DIR SECONDS_PER_TARGET TEST_CLASSPATH
# A finding (an unexpected exception, an input slower than FUZZ_INPUT_TIMEOUT (20) seconds, or one that
# exhausts the FUZZ_HEAP heap) fails the build; the crashing input is kept under
# BUILD_DIR/fuzz/<class>/<method>/ and its path printed. The corpus a run grows stays there too.
set -euo pipefail

module_dir=$1
build_dir=$2
seconds=$3
classpath=$4
jobs=${FUZZ_JOBS:-2}
heap=${FUZZ_HEAP:-1g}
input_timeout=${FUZZ_INPUT_TIMEOUT:-20}
test_classes=$build_dir/test-classes

if [ "$seconds" = "0" ] || [ ! -d "$test_classes" ]; then
  exit 0
fi
case ":$classpath:" in
  *jazzer-junit*) ;;
  *) exit 0 ;; # no Jazzer on the test class path: the module has no fuzz targets
esac

# Jazzer lists the @FuzzTest methods of the class path's directories; keep this module's own.
targets=()
while IFS= read -r target; do
  class=${target%%::*}
  if [ -f "$test_classes/${class//.//}.class" ]; then
    targets+=("$target")
  fi
done < <(java -cp "$classpath" com.code_intelligence.jazzer.Jazzer --list_fuzz_tests= 2>/dev/null | grep '::' || true)
if [ ${#targets[@]} -eq 0 ]; then
  exit 0
fi

echo "fuzz: ${#targets[@]} target(s) in $(basename "$module_dir"), ${seconds} s each, $jobs at a time"

fuzz_one() {
  local target=$1 class=${1%%::*} method=${1##*::}
  local dir=$build_dir/fuzz/$class/$method
  rm -rf "$dir/findings"
  mkdir -p "$dir/corpus" "$dir/findings"
  local started=$SECONDS
  # The working directory is the target's own folder, so Jazzer writes nothing into the sources.
  # One GC thread: parallel GC threads on a busy two-core machine stall the fuzzer for seconds.
  if (cd "$dir" && java -Xmx"$heap" -XX:+UseSerialGC -cp "$classpath" \
      com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
      -max_total_time="$seconds" -timeout="$input_timeout" -artifact_prefix="$dir/findings/" \
      "$dir/corpus" >"$dir/fuzz.log" 2>&1); then
    local runs
    runs=$(grep -oE '^Done [0-9]+ runs' "$dir/fuzz.log" | grep -oE '[0-9]+' || echo "?")
    echo "fuzz: $target: clean, $runs inputs in $((SECONDS - started)) s"
    return 0
  fi
  echo "fuzz: FINDING in $target (log: $dir/fuzz.log)"
  grep -E '^(== Java Exception|Caused by|[[:space:]]+at dev\.adapthub)|libFuzzer: (timeout|out-of-memory)' "$dir/fuzz.log" \
    | head -n 20 | sed 's/^/fuzz:   /' || true
  local found=0
  for input in "$dir"/findings/*; do
    [ -f "$input" ] || continue
    found=1
    echo "fuzz:   crashing input: $input"
  done
  if [ $found -eq 0 ]; then
    echo "fuzz:   no input was saved; see the log"
  fi
  local package=${class%.*} simple=${class##*.}
  echo "fuzz:   replay it: copy the input to $module_dir/src/test/resources/${package//.//}/${simple}Inputs/$method/"
  echo "fuzz:   and run ./mvnw test -Dtest=$simple (after the fix, keep it there as a regression seed)"
  return 1
}

failed=0
running=0
for target in "${targets[@]}"; do
  fuzz_one "$target" &
  running=$((running + 1))
  if [ $running -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ $running -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
if [ $failed -ne 0 ]; then
  echo "fuzz: findings in $(basename "$module_dir"); see above"
  exit 1
fi
echo "fuzz: $(basename "$module_dir") clean; fuzzing took $SECONDS s"
