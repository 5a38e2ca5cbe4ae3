#!/usr/bin/env bash
# Starts the portal on its embedded defaults (H2 in ./data) at http://localhost:8080.
# Builds the production jar when the sources are newer than it, and runs it in Spring Boot's extracted layout
# (the same jar, unpacked once into target/app/), which starts about a third faster than the nested fat jar.
# Extra arguments go to the portal, e.g. scripts/start.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/stackkeeper-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src db frontend/themes -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -B -q -Pproduction package -DskipTests
fi
if [ ! -f target/app/stackkeeper.jar ] || [ "$jar" -nt target/app/stackkeeper.jar ]; then
  rm -rf target/app
  java -Djarmode=tools -jar "$jar" extract --destination target/app >/dev/null
  mv target/app/stackkeeper-0.1.0-SNAPSHOT.jar target/app/stackkeeper.jar
fi
exec java -jar target/app/stackkeeper.jar "$@"
