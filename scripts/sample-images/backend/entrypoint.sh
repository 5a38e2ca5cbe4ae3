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

# The cgroup's memory limit in bytes (v2 or v1), empty when there is none.
memory_limit() {
  limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || true)
  case $limit in
    '' | max | *[!0-9]*) return 0 ;;
  esac
  [ "$limit" -lt 1073741824 ] && printf '%s' "$limit"
}

# crash segv|oom|exit:CODE: the ways the sample backend dies for the crash-detection tests (SAMPLE_CRASH).
crash() {
  kill "$server" "$beat" 2>/dev/null
  case $1 in
    segv)
      log error worker "request worker crashed"
      # a child killed by SIGSEGV: PID 1 itself ignores signals it does not trap
      /bin/sh -c 'kill -SEGV $$'
      status=$?
      printf 'Segmentation fault (core dumped)\n' >&3
      exit "$status"
      ;;
    oom)
      limit=$(memory_limit)
      if [ -z "$limit" ]; then
        log error worker "SAMPLE_CRASH=oom needs a memory limit below 1 GiB: not exhausting the host's memory"
        exit 1
      fi
      log warn worker "loading the whole dataset into memory"
      # the shell holds the text itself, so the kernel's OOM killer picks this process (PID 1)
      hog=$(head -c $((limit * 2)) /dev/zero | tr '\0' x)
      log error worker "still alive after allocating ${#hog} bytes"
      exit 1
      ;;
    exit:*)
      log error main "fatal error, exiting"
      exit "${1#exit:}"
      ;;
  esac
}

serve() {
  nc -ll -p 8000 -e /app/handler.sh &
  server=$!
  heartbeat &
  beat=$!
  trap 'log info main "received SIGTERM, shutting down"; kill "$server" "$beat" 2>/dev/null; exit 0' TERM INT
  log info http "listening on port 8000"
  activity "backend $VERSION started"
  if [ -n "${SAMPLE_CRASH:-}" ]; then
    sleep "${SAMPLE_CRASH_AFTER_SECONDS:-2}"
    crash "$SAMPLE_CRASH"
  fi
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
