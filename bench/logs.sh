#!/usr/bin/env bash
# Logs numbers, each against a baseline measured in the same run:
#   1. parsing and filtering (LogParsingBenchmark): the logs page's parser plus a field query over 1,000,000 JSON lines
#      on one thread against a plain Jackson readTree loop over the same lines (target >= 0.7 of its lines per second)
#   2. the kept history (LogHistoryBenchmark): bytes kept per million lines, writing speed, and the first page of a
#      search for one field value over the kept hours (target < 2 s over 7 days at 100 lines/s)
# Usage: bench/logs.sh [history-hours]   (default 6; the 7-day figure is extrapolated as the table says)
# Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
hours=${1:-6}
./mvnw -B -q -Pproduction,bench test -Dtest=LogParsingBenchmark -Dsurefire.failIfNoSpecifiedTests=false
echo
cat target/bench/logs.md
./mvnw -B -q -Pproduction dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
java -XX:ActiveProcessorCount=1 -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  io.stackkeeper.logs.LogHistoryBenchmark "$hours"
