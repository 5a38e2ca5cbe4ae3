#!/bin/sh
# Entrypoint of the sample backend: checks its configuration, prepares /app/storage, "runs migrations",
# then serves HTTP on port 8000 (one handler.sh per connection) and logs a heartbeat until SIGTERM.
exec 3>&1
# PID 1 ignores signals it does not trap: without this, a stop during boot would wait for SIGKILL.
trap 'exit 143' TERM INT
# shellcheck source=lib.sh
. /app/lib.sh

require_secret() {
  [ "${VERSION%%.*}" -lt 76 ] && return 0
  [ -n "${TOUCAN_DB_ENCRYPTION_SECRET:-}" ] && return 0
  log error config "TOUCAN_DB_ENCRYPTION_SECRET is not set: it is required since 76.0.0, refusing to start"
  exit 1
}

prepare_storage() {
  if mkdir -p "$STORAGE" && now >"$STORAGE/backend-$VERSION.boot"; then
    return 0
  fi
  log error storage "cannot write to /app/storage"
  exit 1
}

migrate() {
  previous=$(cat "$STORAGE/.backend-version" 2>/dev/null || true)
  if [ -n "$previous" ] && [ "$previous" != "$VERSION" ]; then
    log info migrations "running migrations from $previous to $VERSION"
  else
    log info migrations "running migrations to $VERSION"
  fi
  sleep "${SAMPLE_MIGRATION_SECONDS:-1}"
  printf '%s\n' "$VERSION" >"$STORAGE/.backend-version"
  log info migrations "migrations done"
}

heartbeat() {
  while sleep "${SAMPLE_HEARTBEAT_SECONDS:-5}"; do
    log info scheduler "heartbeat"
  done
}

serve() {
  nc -ll -p 8000 -e /app/handler.sh &
  server=$!
  heartbeat &
  beat=$!
  trap 'log info main "received SIGTERM, shutting down"; kill "$server" "$beat" 2>/dev/null; exit 0' TERM INT
  log info http "listening on port 8000"
  activity "backend $VERSION started"
  wait "$server"
  log error http "http server exited"
  kill "$beat" 2>/dev/null
  exit 1
}

log info main "starting backend $VERSION"
require_secret
prepare_storage
migrate
serve
