#!/usr/bin/env bash
# Live log viewers under load (LiveLogsBenchmark): a container of the sample image writing 5,000 JSON lines a second on
# the local engine, ten live viewers of it. Reports each line's lag from the engine's time to its batch (p50, p99, max;
# target: under 1 s) and the heap after GC at minute 2 and at the end (target: flat).
# Usage: bench/live-logs.sh [minutes] [viewers]   (defaults 10, 10; a shorter run measures its early heap at a third)
# Needs the local engine (sudo scripts/local-engine.sh). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
viewers=${2:-10}
rm -f target/bench/live-logs.md
./mvnw -B -q -Pproduction,bench test -Dtest=LiveLogsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.minutes="$minutes" -Dbench.viewers="$viewers"
echo
cat target/bench/live-logs.md
