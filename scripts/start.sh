#!/usr/bin/env bash
# Starts the portal on its embedded defaults (H2 in ./data) at http://localhost:8080.
# Builds the production jar when the sources are newer than it and runs it the way Spring Boot recommends for
# production: the jar extracted once into target/app/ plus a class-data-sharing archive trained once per build
# (together they start about 40 % faster than the nested fat jar; see bench/RESULTS.md).
# Extra arguments go to the portal, e.g. scripts/start.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/app-layout.sh
app=target/app
jar=$(portal_jar)
if [ -z "$jar" ] || [ -n "$(find pom.xml src db frontend/themes -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -B -q -Pproduction package -DskipTests
  jar=$(portal_jar)
fi
if [ ! -f "$app/stackkeeper.jar" ] || [ "$jar" -nt "$app/stackkeeper.jar" ]; then
  extract_layout "$jar" "$app"
fi
if [ ! -f "$app/stackkeeper.jsa" ]; then
  echo "Training the class-data-sharing archive once for this build (about 20 s)..."
  train_cds "$app" || echo "CDS training failed (see $app/cds-training.log); starting without it."
fi
# shellcheck disable=SC2046 # the flags are words
exec java $(cds_flags "$app") -jar "$app/stackkeeper.jar" "$@"
