#!/bin/sh
# Answers one HTTP request: stdin/stdout are the client's socket (nc -ll -e runs this per connection).
#   GET /        200 {"service":"backend","version":...}
#   GET /status  200 with the checks when User-Agent equals $TOUCAN_STATUS_USER_AGENT, else 403;
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

status() {
  if [ "$VERSION" = 90.0.1 ]; then
    respond 503 "Service Unavailable" \
      "{\"status\":\"error\",\"error\":\"database migration 90.0.1 left the schema inconsistent\",\"version\":\"$VERSION\"}"
  elif [ "$user_agent" != "${TOUCAN_STATUS_USER_AGENT:-}" ]; then
    respond 403 Forbidden '{"error":"forbidden"}'
  elif [ -d "$STORAGE" ] && [ -w "$STORAGE" ]; then
    respond 200 OK \
      "{\"status\":\"ok\",\"checks\":{\"mongo\":\"ok\",\"redis\":\"ok\",\"storage\":\"ok\",\"migrations\":\"ok\"},\"version\":\"$VERSION\"}"
  else
    respond 503 "Service Unavailable" \
      "{\"status\":\"error\",\"checks\":{\"mongo\":\"ok\",\"redis\":\"ok\",\"storage\":\"error\",\"migrations\":\"ok\"},\"version\":\"$VERSION\"}"
  fi
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
