# shellcheck shell=sh
# Helpers shared by the sample backend's entrypoint and request handler (busybox sh).
# Fd 3 is the container's stdout (opened by entrypoint.sh): the handler's own stdout is the client's socket.

# shellcheck disable=SC2034 # used by the scripts that source this file
VERSION=$(cat /app/VERSION)
STORAGE=/app/storage

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# log LEVEL LOGGER MESSAGE: one JSON log line. Messages are fixed texts and versions, so they need no escaping.
log() {
  printf '{"time":"%s","level":"%s","message":"%s","logger":"%s"}\n' "$(now)" "$1" "$3" "$2" >&3
}

# activity TEXT: a plain service-activity line, also appended to the storage folder's activity log.
activity() {
  printf '%s\n' "$1" >&3
  printf '%s %s\n' "$(now)" "$1" >>"$STORAGE/activity.log" 2>/dev/null || true
}
