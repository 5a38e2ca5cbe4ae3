# Sourced by scripts/start.sh and bench/run.sh: the one definition of how the portal jar is found, extracted and
# given its class-data-sharing archive (Spring Boot's documented production layout).

# The packaged portal jar under target/ (the newest, should several versions lie there).
portal_jar() {
  { ls -t target/stackkeeper-*.jar 2>/dev/null | grep -v -e '-plain\.jar$' -e '\.original$' | head -1; } || true
}

# extract_layout <jar> <folder>: the jar extracted into <folder>, its entry point as <folder>/stackkeeper.jar.
extract_layout() {
  rm -rf "$2"
  java -Djarmode=tools -jar "$1" extract --destination "$2" >/dev/null
  mv "$2/$(basename "$1")" "$2/stackkeeper.jar"
}

# train_cds <folder>: <folder>/stackkeeper.jsa from one start of the extracted portal that stops once its context is
# up; fails (leaving no archive) when the training start fails.
train_cds() {
  STACKKEEPER_DATA_DIR="$1/cds-training" SERVER_PORT=0 java -XX:ArchiveClassesAtExit="$1/stackkeeper.jsa" \
    -Dspring.context.exit=onRefresh -jar "$1/stackkeeper.jar" >"$1/cds-training.log" 2>&1
  local status=$?
  rm -rf "$1/cds-training"
  return $status
}

# cds_flags <folder>: the JVM flags that use the archive, when there is one.
cds_flags() {
  [ -f "$1/stackkeeper.jsa" ] && echo "-XX:SharedArchiveFile=$1/stackkeeper.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  return 0
}
