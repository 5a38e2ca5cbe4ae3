#!/usr/bin/env bash
# The portal's container image on the local engine (scripts/local-engine.sh): builds it from the Dockerfile on base
# images made from Debian's packages (scripts/base-images.sh), reports its size and build time, starts it, runs its
# HEALTHCHECK until healthy (podman without systemd runs health checks only when asked), signs in through the API,
# and compares the start to healthy with the same jar started on the host (extracted, with its CDS archive) in the
# same run. Results go to stdout and target/bench/image.md. On Debian as root.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=/var/lib/stackkeeper-engine
export CONTAINERS_STORAGE_CONF=$STATE/storage.conf CONTAINERS_CONF=$STATE/containers.conf CONTAINERS_REGISTRIES_CONF=$STATE/registries.conf
IMAGE=localhost/stackkeeper:bench
SECRET=bench-secret-of-at-least-32-characters-$(date +%s)
PASSWORD=bench-admin-password
mkdir -p target/bench

bash scripts/base-images.sh
started=$SECONDS
podman build --quiet --format docker \
  --build-arg BUILD_IMAGE=localhost/stackkeeper-build-base:trixie --build-arg RUN_IMAGE=localhost/stackkeeper-run-base:bookworm \
  -v "$HOME/.m2:/root/.m2:O" -t "$IMAGE" . >/dev/null
build_seconds=$((SECONDS - started))
size_mb=$(( $(podman image inspect --format '{{.Size}}' "$IMAGE") / 1000000 ))

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ms() { date +%s%3N; }

# seconds from launch until the readiness check answers UP, by the given probe command
until_ready() { # until_ready <start-ms> <probe...>
  local start=$1; shift
  for _ in $(seq 1 600); do
    if "$@" >/dev/null 2>&1; then echo $(( $(ms) - start )); return; fi
    sleep 0.2
  done
  echo "never"; return 1
}

port=$(free_port)
t0=$(ms)
# without systemd, podman complains that it cannot set up timers for the health check, and answers non-zero
container=$(podman run -d -p "127.0.0.1:$port:8080" -e STACKKEEPER_ENCRYPTION_SECRET="$SECRET" \
  -e STACKKEEPER_ADMIN_PASSWORD="$PASSWORD" "$IMAGE" 2>/dev/null) || true
[ -n "$container" ] || { echo "the image did not start" >&2; exit 1; }
trap 'podman rm -f "$container" >/dev/null 2>&1 || true' EXIT
image_ms=$(until_ready "$t0" podman healthcheck run "$container")
podman logs "$container" > target/bench/image-container.log 2>&1 || true
health=$(podman inspect --format '{{.State.Health.Status}}' "$container")
user=$(podman exec "$container" id -u)
signin=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$PASSWORD" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "http://127.0.0.1:$port/api/v1/tokens")
podman rm -f "$container" >/dev/null 2>&1 || true

# the same jar on the host, as scripts/start.sh runs it
. scripts/app-layout.sh
host_app=target/bench/image-host-app
podman run --rm --entrypoint tar "$IMAGE" -C /app -cf - . | { rm -rf "$host_app"; mkdir -p "$host_app"; tar -C "$host_app" -xf -; }
rm -f "$host_app/stackkeeper.jsa"
train_cds "$host_app"
data=$(mktemp -d)
port=$(free_port)
t0=$(ms)
STACKKEEPER_DATA_DIR="$data" SERVER_PORT=$port STACKKEEPER_ENCRYPTION_SECRET="$SECRET" STACKKEEPER_ADMIN_PASSWORD="$PASSWORD" \
  java -XX:MaxRAMPercentage=60 $(cds_flags "$host_app") -jar "$host_app/stackkeeper.jar" >"$data/portal.log" 2>&1 &
host_pid=$!
host_ms=$(until_ready "$t0" curl -sf "http://127.0.0.1:$port/actuator/health/readiness")
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true
rm -rf "$data"

ratio=$(python3 -c "print(f'{$image_ms/$host_ms:.2f}')")
cat <<TABLE | tee target/bench/image.md
| measure ($(date -u +%F), $(nproc) cores) | value | target |
|---|---:|---:|
| image build (warm Maven repository lent to the build) | ${build_seconds} s | |
| image size | ${size_mb} MB | |
| start to healthy, image (HEALTHCHECK run until it passes) | ${image_ms} ms (${health}) | |
| start to ready, the same jar on the host | ${host_ms} ms | |
| ratio image / host | ${ratio}x | <= 1.5x |
| the portal's user in the container | uid ${user} | not 0 |
| sign-in through the API (POST /api/v1/tokens) | HTTP ${signin} | 201 |
TABLE
