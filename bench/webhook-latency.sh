#!/usr/bin/env bash
# Time from the start of `git push` until a webhook receiver (a real HTTP server in the test JVM,
# on 127.0.0.1, allowed by hub.webhook.allowed-ranges) has the signed push event: 3 warm-up pushes,
# 20 measured, against the hub on PostgreSQL with the db-scheduler job queue and the real git client.
# Result: hub-web/target/bench-webhook-latency.txt
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl hub-web -am verify -Dtest=WebhookLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.seconds=0 "$@"
cat hub-web/target/bench-webhook-latency.txt
