#!/bin/sh
# Answers one HTTP request: stdin/stdout are the client's socket (nc -ll -e runs this per connection).
#   GET /        200 {"service":"backend","version":...}
#   GET /status  200 with the checks when User-Agent equals $TOUCAN_STATUS_USER_AGENT, else 403; 503 when MongoDB
#                (TOUCAN_MONGO_HOST/PORT) or Redis (TOUCAN_REDIS_HOST/PORT) does not answer or storage is not writable;
#                always 503 in the broken 90.0.1
# shellcheck source=lib.sh
. /app/lib.sh
CR=$(printf '\r')

# busybox sh has read -t; a client that stops sending must not hold a process forever.
# shellcheck disable=SC3045
read_request() {
  IFS=' ' read -r -t 10 method target _ || exit 0
  target=${target%"$CR"}
  path=${target%%\?*}
  user_agent=""
  length=0
  # Headers must be read up to the blank line: closing with unread input makes the kernel reset the connection.
  while IFS= read -r -t 10 line; do
    line=${line%"$CR"}
    [ -z "$line" ] && return 0
    value=${line#*:}
    value=${value#"${value%%[![:blank:]]*}"}
    value=${value%"${value##*[![:blank:]]}"}
    case $line in
      [Uu][Ss][Ee][Rr]-[Aa][Gg][Ee][Nn][Tt]:*) user_agent=$value ;;
      [Cc][Oo][Nn][Tt][Ee][Nn][Tt]-[Ll][Ee][Nn][Gg][Tt][Hh]:*) length=$value ;;
    esac
  done
  exit 0
}

# Only methods and paths made of plain URL characters go into the log.
printable() {
  case $1 in
    *[!A-Za-z0-9/._~%=\&?-]*) printf '%s' '-' ;;
    *) printf '%.100s' "$1" ;;
  esac
}

# respond CODE REASON JSON
respond() {
  printf 'HTTP/1.1 %s %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' \
    "$1" "$2" "$((${#3} + 1))"
  [ "$method" = HEAD ] || printf '%s\n' "$3"
  activity "$(printable "$method") $(printable "$path") $1"
}

root() {
  respond 200 OK "{\"service\":\"backend\",\"version\":\"$VERSION\"}"
}

# reachable HOST PORT [PROG]: "ok" when the service answers (PROG, run on the connection, exits 0; without PROG the
# port accepts), "error" when not, "ok" when HOST is empty (that check is off).
reachable() {
  if [ -z "$1" ]; then
    printf ok
  elif [ -n "${3:-}" ] && nc -w 2 "$1" "$2" -e "$3" 2>/dev/null; then
    printf ok
  elif [ -z "${3:-}" ] && nc -w 2 "$1" "$2" </dev/null >/dev/null 2>&1; then
    printf ok
  else
    printf error
  fi
}

status() {
  if [ "$VERSION" = 90.0.1 ]; then
    respond 503 "Service Unavailable" \
      "{\"status\":\"error\",\"error\":\"database migration 90.0.1 left the schema inconsistent\",\"version\":\"$VERSION\"}"
    return
  elif [ "$user_agent" != "${TOUCAN_STATUS_USER_AGENT:-}" ]; then
    respond 403 Forbidden '{"error":"forbidden"}'
    return
  fi
  mongo=$(reachable "${TOUCAN_MONGO_HOST:-}" "${TOUCAN_MONGO_PORT:-27017}")
  redis=$(reachable "${TOUCAN_REDIS_HOST:-}" "${TOUCAN_REDIS_PORT:-6379}" /app/redis-ping.sh)
  storage=error
  [ -d "$STORAGE" ] && [ -w "$STORAGE" ] && storage=ok
  checks="{\"mongo\":\"$mongo\",\"redis\":\"$redis\",\"storage\":\"$storage\",\"migrations\":\"ok\"}"
  case "$mongo $redis $storage" in
    "ok ok ok") respond 200 OK "{\"status\":\"ok\",\"checks\":$checks,\"version\":\"$VERSION\"}" ;;
    *) respond 503 "Service Unavailable" "{\"status\":\"error\",\"checks\":$checks,\"version\":\"$VERSION\"}" ;;
  esac
}

read_request
case "$method $path" in
  "GET /" | "HEAD /") root ;;
  "GET /status" | "HEAD /status") status ;;
  GET\ * | HEAD\ *) respond 404 "Not Found" '{"error":"not found"}' ;;
  *)
    case $length in
      '' | *[!0-9]*) ;;
      *) [ "$length" -le 1048576 ] && head -c "$length" >/dev/null ;;
    esac
    respond 405 "Method Not Allowed" '{"error":"method not allowed"}'
    ;;
esac
