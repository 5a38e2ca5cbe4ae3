#!/usr/bin/env bash
# Upgrade and rollback times on the sample stack (UpgradeTimingBenchmark), each against a baseline measured in the same
# run: the same container recreations done by hand through the engine's API, each waited for until it answers 200.
#   1. upgrade 89.0.0 -> 90.0.0 of both containers, without the pre-upgrade backup; target < 30 s
#   2. rollback of both containers after 90.0.0 -> 90.0.1 fails its /status check; target < 30 s
# Needs the local engine with the sample images (sudo scripts/local-engine.sh).
# Usage: bench/upgrade-timing.sh [rounds]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
rm -f target/bench/upgrade-timing.md
./mvnw -B -q -Pproduction,bench test -Dtest=UpgradeTimingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rounds="$rounds"
echo
cat target/bench/upgrade-timing.md
