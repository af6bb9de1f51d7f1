#!/usr/bin/env bash
# A longer fuzzing run than verify's 30 s per target: every @FuzzTest of every module, each in its
# own JVM, for SECONDS each (default 600). Replays the committed seeds first (Surefire, JUnit tag
# "jazzer"), then fuzzes through the same Maven execution verify uses (.mvn/fuzz-targets.sh), so
# the corpus each target grows stays in <module>/target/fuzz/<class>/<method>/corpus and is reused
# by the next run until `mvn clean`. A finding fails the run and prints the input's path.
# Usage: bench/fuzz.sh [seconds-per-target] [extra Maven arguments, e.g. -pl hub-git]
# Environment: FUZZ_JOBS (targets at a time, default 2), FUZZ_HEAP (default 1g),
# FUZZ_INPUT_TIMEOUT (seconds one input may take, default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
mkdir -p bench/work
log="bench/work/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
started=$(date +%s)
status=0
./mvnw -B -ntp verify -Dfuzz.seconds="$seconds" -Dgroups=jazzer -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspring-boot.repackage.skip=true "$@" >"$log" 2>&1 || status=$?
grep -E '^fuzz: |Tests run:.*Fail|BUILD' "$log" || true
echo "fuzz.sh: ${seconds} s per target, $(( $(date +%s) - started )) s in all; log: $log"
exit $status
