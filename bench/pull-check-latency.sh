#!/usr/bin/env bash
# Time from `git push origin HEAD:refs/pr/{n}` until the check's verdict shows in the PR page's
# status box (the fragment the page polls): 3 warm-up pushes, 20 measured, against the hub on
# PostgreSQL with the real job queue and the real git client. Result: hub-web/target/bench-pull-check.txt
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl hub-web -am verify -Dtest=PullCheckLatencyBench -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat hub-web/target/bench-pull-check.txt
