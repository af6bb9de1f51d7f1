#!/usr/bin/env bash
# Runs the chip-backends JMH benchmarks (never part of `verify`).
# Usage: bench/run-jmh.sh [JMH options, e.g. -f 1 -wi 3 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl chip-backends -Pjmh test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt
cp="chip-backends/target/classes:chip-backends/target/test-classes:$(cat chip-backends/target/jmh-classpath.txt)"
if [ $# -eq 0 ]; then set -- -f 1 -wi 5 -i 20; fi
exec java -cp "$cp" org.openjdk.jmh.Main 'dev.adapthub.chips.bench.*' "$@"
