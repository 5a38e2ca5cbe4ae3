#!/usr/bin/env bash
# Starts the portal on its embedded defaults (H2 in ./data) at http://localhost:8080.
# Builds the production jar when the sources are newer than it and runs it the way Spring Boot recommends for
# production: the jar extracted once into target/app/ plus a class-data-sharing archive trained once per build
# (together they start about 40 % faster than the nested fat jar; see bench/RESULTS.md).
# Extra arguments go to the portal, e.g. scripts/start.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/stackkeeper-0.1.0-SNAPSHOT.jar
app=target/app
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src db frontend/themes -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -B -q -Pproduction package -DskipTests
fi
if [ ! -f "$app/stackkeeper.jar" ] || [ "$jar" -nt "$app/stackkeeper.jar" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  mv "$app/stackkeeper-0.1.0-SNAPSHOT.jar" "$app/stackkeeper.jar"
fi
if [ ! -f "$app/stackkeeper.jsa" ]; then
  echo "Training the class-data-sharing archive once for this build (about 20 s)..."
  STACKKEEPER_DATA_DIR="$app/cds-training" SERVER_PORT=0 java -XX:ArchiveClassesAtExit="$app/stackkeeper.jsa" \
    -Dspring.context.exit=onRefresh -jar "$app/stackkeeper.jar" >"$app/cds-training.log" 2>&1 \
    || echo "CDS training failed (see $app/cds-training.log); starting without it."
  rm -rf "$app/cds-training"
fi
cds=()
[ -f "$app/stackkeeper.jsa" ] && cds=(-XX:SharedArchiveFile="$app/stackkeeper.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
exec java "${cds[@]}" -jar "$app/stackkeeper.jar" "$@"
