#!/usr/bin/env bash
# Two portals on one PostgreSQL database (ClusterBenchmark): 20 backup plans firing every minute and 20 TCP probes at
# 5 s for 10 minutes. Prints, against the baseline of one run a firing measured in the same run, the runs counted,
# duplicates and misses, and how the work split between the portals. Needs the machine's PostgreSQL on 127.0.0.1:5432
# (trust for postgres) and the local engine (scripts/local-engine.sh).
# Usage: bench/cluster.sh [plans] [probes] [minutes]   (defaults 20, 20, 10)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/bench/cluster.md
./mvnw -B -q -Pproduction,bench test -Dtest=ClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.plans="${1:-20}" -Dbench.probes="${2:-20}" -Dbench.minutes="${3:-10}"
echo
cat target/bench/cluster.md
