#!/usr/bin/env bash
# Monitoring numbers (MonitoringBenchmark), each against a baseline measured in the same run:
#   1. N HTTP probes at 5 s against a local endpoint for M minutes: p99 start delay (target < 500 ms), CPU time against a
#      bare JDK HttpClient loop doing the same requests at the same rate (target <= 1.5x), heap after GC at minute 2 and
#      at the end (flat)
#   2. a year of results for 50 probes at 30 s written into the tables: page and 30/365-day chart reads (< 300 ms),
#      bytes per row and the size at steady state for 500 probes at 5 s (< 1 GB)
# Usage: bench/monitoring.sh [probes] [minutes]   (defaults 500, 10). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
probes=${1:-500}
minutes=${2:-10}
rm -f target/bench/monitoring.md
./mvnw -B -q -Pproduction,bench test -Dtest=MonitoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.probes="$probes" -Dbench.minutes="$minutes"
echo
cat target/bench/monitoring.md
