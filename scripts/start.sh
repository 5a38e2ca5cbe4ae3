#!/usr/bin/env bash
# Starts the portal on its embedded defaults (H2 in ./data) at http://localhost:8080,
# building the production jar first when the sources are newer than it. Extra arguments go to the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/stackkeeper-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src db frontend/themes -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -B -q -Pproduction package -DskipTests
fi
exec java -jar "$jar" "$@"
