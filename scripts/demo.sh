#!/usr/bin/env bash
# Starts the portal on its embedded defaults with the demo stack (README's first command), at http://localhost:8080:
# H2 in ./data, a MongoDB stand-in persisted under ./data/demo seeded with sample collections, a Redis process when
# redis-server is installed, a demo storage folder, and the sample backend and frontend (89.0.0) on the local
# container engine. As root on Debian it sets that engine up first (scripts/local-engine.sh); otherwise the demo
# runs without containers and the log names the command that adds them. Once you configure your own stack under
# Stack settings, the demo steps aside. Extra arguments go to the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -S /run/stackkeeper-engine/podman.sock ]; then
  if [ "$(id -u)" = 0 ] && [ -r /etc/debian_version ]; then
    bash scripts/local-engine.sh >/dev/null
  else
    echo "No local container engine: the demo runs without its sample containers. 'sudo scripts/local-engine.sh' adds them." >&2
  fi
fi
STACKKEEPER_DEMO=true exec bash scripts/start.sh "$@"
