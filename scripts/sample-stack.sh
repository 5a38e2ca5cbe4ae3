#!/usr/bin/env bash
# Runs a sample analytics stack (backend + frontend containers, compose project "sample") on the local engine
# of scripts/local-engine.sh, for trying Stackkeeper by hand.
#
#   scripts/sample-stack.sh up [backendVersion] [frontendVersion]   (default 89.0.0 89.0.0; replaces a running stack)
#   scripts/sample-stack.sh down                                      (removes both containers, keeps the storage)
#   scripts/sample-stack.sh status
#
# Backend:  http://127.0.0.1:18000/ and /status (User-Agent: stackkeeper-status-check), storage bind-mounted from
#           /var/lib/stackkeeper-engine/sample-storage at /app/storage.
# Frontend: http://127.0.0.1:18081/ and /tucana-version.txt
# STACKKEEPER_REGISTRY_PORT: the local registry's port, as for local-engine.sh (default 5151).
set -euo pipefail

SOCK=/run/stackkeeper-engine/podman.sock
STORAGE=/var/lib/stackkeeper-engine/sample-storage
PORT=${STACKKEEPER_REGISTRY_PORT:-5151}
STATUS_USER_AGENT=stackkeeper-status-check
LABEL_PROJECT=com.docker.compose.project=sample

die() {
  printf 'sample-stack: %s\n' "$*" >&2
  exit 1
}

# The podman CLI as a client of the engine's API service, so it uses the engine's storage and registries.
pod() { podman --url "unix://$SOCK" "$@"; }

require_engine() {
  [[ $PORT =~ ^[0-9]{1,5}$ ]] || die "STACKKEEPER_REGISTRY_PORT must be a port number, not '$PORT'"
  if ! command -v podman >/dev/null || [ ! -S "$SOCK" ]; then
    die "no engine on $SOCK: run scripts/local-engine.sh first"
  fi
}

require_version() {
  [[ $1 =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "not a version (like 89.0.0): '$1'"
}

# await URL NAME: waits up to 20 s for URL to answer 200; shows the container's log when it does not.
await() {
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 0.1
  done
  pod logs --tail 20 "$2" >&2 || true
  die "$2 does not answer on $1"
}

up() {
  local backend=$1 frontend=$2 registry=127.0.0.1:$PORT
  require_version "$backend"
  require_version "$frontend"
  mkdir -p "$STORAGE"
  down
  pod run -d --name sample-backend --restart unless-stopped \
    --label "$LABEL_PROJECT" --label com.docker.compose.service=backend \
    -e TOUCAN_DB_ENCRYPTION_SECRET=demo-secret-not-for-production-5b1f0c2e \
    -e TOUCAN_STATUS_USER_AGENT="$STATUS_USER_AGENT" \
    -v "$STORAGE:/app/storage" -p 127.0.0.1:18000:8000 \
    "$registry/stackkeeper/sample-backend:$backend" >/dev/null
  pod run -d --name sample-frontend --restart unless-stopped \
    --label "$LABEL_PROJECT" --label com.docker.compose.service=frontend \
    -p 127.0.0.1:18081:8080 \
    "$registry/stackkeeper/sample-frontend:$frontend" >/dev/null
  await http://127.0.0.1:18000/ sample-backend
  await http://127.0.0.1:18081/tucana-version.txt sample-frontend
  status
  echo "backend  http://127.0.0.1:18000/  (/status with User-Agent: $STATUS_USER_AGENT)"
  echo "frontend http://127.0.0.1:18081/  (/tucana-version.txt)"
}

down() {
  pod rm --force --ignore --time 5 sample-backend sample-frontend >/dev/null
}

status() {
  local table
  table=$(pod ps --all --filter "label=$LABEL_PROJECT" --format 'table {{.Names}} {{.Image}} {{.Status}} {{.Ports}}')
  if [ "$(wc -l <<<"$table")" -gt 1 ]; then
    printf '%s\n' "$table"
  else
    echo "no sample stack: scripts/sample-stack.sh up starts one"
  fi
}

main() {
  require_engine
  case "${1:-}" in
    up) up "${2:-89.0.0}" "${3:-89.0.0}" ;;
    down) down ;;
    status) status ;;
    *)
      echo "usage: $0 up [backendVersion] [frontendVersion] | down | status" >&2
      exit 2
      ;;
  esac
}

main "$@"
