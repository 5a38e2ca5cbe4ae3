#!/usr/bin/env bash
# Stackkeeper benchmark: the numbers of the foundation issue, each printed as a ratio against a baseline measured
# in the same run on the same machine.
#   1. start-up: `java -jar` to the first HTTP 200 of /login (portal fat jar, portal extracted layout) against the
#      bare framework (Spring Boot + Vaadin with one view, bench/baseline-app); target 15 s
#   2. resident memory after start and one login (default JVM flags) against the baseline after start; target 600 MB
#   3. audit trail with 100,000 entries: first page and a filtered page (server time from Micrometer) against the
#      same requests on a nearly empty trail; target 300 ms
# Usage: bench/run.sh [runs]   (default 3 start-ups per variant; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=bench/work
rm -rf "$work" && mkdir -p "$work"
port=18931
if curl -s -o /dev/null "http://localhost:$port/"; then echo "port $port is in use: stop what listens there" >&2; exit 1; fi

echo "== building"
./mvnw -B -q -Pproduction package -DskipTests
(cd bench/baseline-app && ../../mvnw -B -q package -DskipTests)
. scripts/app-layout.sh
jar=$(portal_jar)
extract_layout "$jar" "$work/extracted"
extracted="$work/extracted/stackkeeper.jar"
train_cds "$work/extracted" || true
baseline=bench/baseline-app/target/baseline-app-0.1.0-SNAPSHOT.jar
h2jar=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-2.3*.jar' | sort | tail -1)

pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap stop EXIT

# start <jar> <data dir>: starts in the background; sets $elapsed to the seconds until /login answered 200
start() {
  local t0 t1
  t0=$(date +%s%N)
  STACKKEEPER_DATA_DIR="$2" STACKKEEPER_ADMIN_PASSWORD=bench-admin-password SERVER_PORT=$port \
    java ${JVM_FLAGS:-} -jar "$1" >"$2.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login" || true)" = 200 ]; then
      t1=$(date +%s%N)
      elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
      return
    fi
    kill -0 "$pid" 2>/dev/null || { echo "process died, see $2.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "no answer within 60 s" >&2; exit 1
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
median() { tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

login_once() {
  local jar=$work/cookies
  rm -f "$jar"
  curl -s -c "$jar" -b "$jar" -o /dev/null "http://localhost:$port/login"
  curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "http://localhost:$port/login" \
    --data-urlencode username=admin --data-urlencode password=bench-admin-password
  curl -s -b "$jar" -o /dev/null "http://localhost:$port/?v-r=init&location=&query="
}

echo "== start-up ($runs runs each, median)"
declare -A startup
for variant in baseline fat extracted extracted-cds; do
  times=()
  for i in $(seq 1 "$runs"); do
    case $variant in
      baseline) start "$baseline" "$work/baseline-$i" ;;
      fat) start "$jar" "$work/fat-$i" ;;
      extracted) start "$extracted" "$work/extracted-$i" ;;
      extracted-cds) JVM_FLAGS="$(cds_flags "$work/extracted")" start "$extracted" "$work/cds-$i" ;;
    esac
    times+=("$elapsed")
    if [ "$i" = 1 ]; then
      sleep 3
      if [ "$variant" = baseline ]; then
        curl -s -o /dev/null "http://localhost:$port/?v-r=init&location=login&query="
        rss_baseline=$(rss_mb)
      elif [ "$variant" = fat ]; then
        login_once; sleep 2
        rss_portal=$(rss_mb)
      fi
    fi
    stop; sleep 1
  done
  startup[$variant]=$(echo "${times[*]}" | median)
  echo "  $variant: ${times[*]} -> median ${startup[$variant]} s"
done

echo "== audit trail with 100,000 entries"
data=$work/audit
start "$jar" "$data"
# the first admin is created just after the web server answers: retry until the token is issued
token=
for _ in $(seq 1 100); do
  token=$(curl -s -u admin:bench-admin-password -X POST -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "http://localhost:$port/api/v1/tokens" | sed -nE 's/.*"token":"([^"]+)".*/\1/p')
  [ -n "$token" ] && break
  sleep 0.2
done
[ -n "$token" ] || { echo "no API token could be created" >&2; exit 1; }

# server time of one request: the difference of Micrometer's http.server.requests sum for /api/v1/audit
server_ms() {
  local before after
  before=$(curl -s -H "Authorization: Bearer $token" "http://localhost:$port/actuator/prometheus" \
    | awk '/^http_server_requests_seconds_sum.*uri="\/api\/v1\/audit"/ { s += $2 } END { printf "%.6f", s }')
  curl -s -o /dev/null -H "Authorization: Bearer $token" "http://localhost:$port$1"
  after=$(curl -s -H "Authorization: Bearer $token" "http://localhost:$port/actuator/prometheus" \
    | awk '/^http_server_requests_seconds_sum.*uri="\/api\/v1\/audit"/ { s += $2 } END { printf "%.6f", s }')
  awk -v a="$before" -v b="$after" 'BEGIN { printf "%.1f", (b - a) * 1000 }'
}
first_page='/api/v1/audit?page=0&size=50'
filtered='/api/v1/audit?actor=user5&action=login.&page=0&size=50'
measure() { # prints the median server time of 15 requests after 5 warm-ups
  local v=()
  for _ in 1 2 3 4 5; do server_ms "$1" >/dev/null; done
  for _ in $(seq 1 15); do v+=("$(server_ms "$1")"); done
  echo "${v[*]}" | median
}
small_first=$(measure "$first_page"); small_filtered=$(measure "$filtered")
stop; sleep 1

java -cp "$h2jar" org.h2.tools.RunScript -url "jdbc:h2:file:$PWD/$data/stackkeeper" -user sa -script /dev/stdin <<'SQL'
INSERT INTO audit_entry (id, occurred_at, actor, action, target, outcome, details, client_address, previous_hash, hash)
SELECT m.base + x,
       TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + x * INTERVAL '30' SECOND,
       'user' || MOD(x, 20),
       CASE MOD(x, 5) WHEN 0 THEN 'login.succeeded' WHEN 1 THEN 'login.failed' WHEN 2 THEN 'user.created'
                      WHEN 3 THEN 'token.created' ELSE 'user.roles-changed' END,
       'target' || MOD(x, 500),
       CASE WHEN MOD(x, 7) = 0 THEN 'FAILURE' ELSE 'SUCCESS' END,
       '{"via":"web"}', '10.0.0.' || MOD(x, 250), REPEAT('0', 64), REPEAT('0', 64)
FROM SYSTEM_RANGE(1, 100000), (SELECT COALESCE(MAX(id), 0) AS base FROM audit_entry) m;
SQL
start "$jar" "$data"
count=$(curl -s -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/audit?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
big_first=$(measure "$first_page"); big_filtered=$(measure "$filtered")
stop

echo
echo "== results ($(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1))"
printf '%-52s %10s %10s %7s %8s\n' "measure" "portal" "baseline" "ratio" "target"
printf '%-52s %9ss %9ss %7s %8s\n' "start-up to first 200 of /login, fat jar" "${startup[fat]}" "${startup[baseline]}" "$(ratio "${startup[fat]}" "${startup[baseline]}")" "15 s"
printf '%-52s %9ss %9ss %7s %8s\n' "start-up to first 200 of /login, extracted jar" "${startup[extracted]}" "${startup[baseline]}" "$(ratio "${startup[extracted]}" "${startup[baseline]}")" "15 s"
printf '%-52s %9ss %9ss %7s %8s\n' "start-up to first 200 of /login, extracted + CDS" "${startup[extracted-cds]}" "${startup[baseline]}" "$(ratio "${startup[extracted-cds]}" "${startup[baseline]}")" "15 s"
printf '%-52s %8sMB %8sMB %7s %8s\n' "RSS after start and one login (default flags)" "$rss_portal" "$rss_baseline" "$(ratio "$rss_portal" "$rss_baseline")" "600 MB"
printf '%-52s %8sms %8sms %7s %8s\n' "audit first page, $count entries vs nearly empty" "$big_first" "$small_first" "$(ratio "$big_first" "$small_first")" "300 ms"
printf '%-52s %8sms %8sms %7s %8s\n' "audit filtered page (actor+action), same" "$big_filtered" "$small_filtered" "$(ratio "$big_filtered" "$small_filtered")" "300 ms"
