#!/usr/bin/env bash
# A local container engine for Stackkeeper, on Debian as root: rootful podman serving the Docker Engine API on a
# unix socket, a loopback image registry (Debian's docker-registry) and the sample backend/frontend images in it.
#
#   scripts/local-engine.sh        installs what is missing, starts what is not running, pushes missing images
#   scripts/local-engine.sh stop   stops the API service and the registry (running containers are left alone)
#
# On success it prints exactly two lines on stdout, ready for eval (progress goes to stderr):
#   DOCKER_HOST=unix:///run/stackkeeper-engine/podman.sock
#   STACKKEEPER_REGISTRY=127.0.0.1:5151
# e.g. eval "$(scripts/local-engine.sh)" && export DOCKER_HOST STACKKEEPER_REGISTRY
#
# STACKKEEPER_REGISTRY_PORT changes the registry's port (default 5151). Configuration, image storage, registry data,
# logs and pid files live in /var/lib/stackkeeper-engine; the socket and podman's run-time state in
# /run/stackkeeper-engine. Services run in the background (no systemd needed) and outlive this script.
set -euo pipefail

STATE=/var/lib/stackkeeper-engine
RUN=/run/stackkeeper-engine
SOCK=$RUN/podman.sock
PORT=${STACKKEEPER_REGISTRY_PORT:-5151}
REGISTRY=127.0.0.1:$PORT
SAMPLES=$(cd "$(dirname "$0")" && pwd)/sample-images
PACKAGES=(podman runc conmon netavark aardvark-dns containernetworking-plugins iptables catatonit
  busybox-static docker-registry curl)
export CONTAINERS_STORAGE_CONF=$STATE/storage.conf
export CONTAINERS_CONF=$STATE/containers.conf
export CONTAINERS_REGISTRIES_CONF=$STATE/registries.conf

say() { printf 'local-engine: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

require_root_on_debian() {
  [ -r /etc/debian_version ] || die "needs Debian (12): it installs podman and docker-registry with apt-get"
  [ "$(id -u)" -eq 0 ] || die "needs root: run it as root, e.g. sudo $0"
  if ! [[ $PORT =~ ^[0-9]{1,5}$ ]] || ((PORT < 1 || PORT > 65535)); then
    die "STACKKEEPER_REGISTRY_PORT must be a port number (1-65535), not '$PORT'"
  fi
}

install_packages() {
  local -A installed=()
  local missing=() name status
  while read -r name status; do
    if [ "$status" = installed ]; then installed[$name]=1; fi
  done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)
  for name in "${PACKAGES[@]}"; do
    [ -n "${installed[$name]:-}" ] || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  # Package lists may be missing or stale on a fresh machine: update them only when an install fails.
  if ! apt_install "${missing[@]}"; then
    apt-get update -qq >>"$STATE/logs/apt.log" 2>&1 || true
    apt_install "${missing[@]}" || die "apt-get install failed, see $STATE/logs/apt.log"
  fi
}

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$STATE/logs/apt.log" 2>&1
}

# put FILE CONTENT: writes FILE only when its content differs; answers true when it wrote.
put() {
  [ -f "$1" ] && [ "$(cat "$1")" = "$2" ] && return 1
  printf '%s\n' "$2" >"$1"
}

# Writes podman's configuration; true when it changed (the API service must then be restarted).
podman_config_changed() {
  local nofile changed=1
  nofile=$(ulimit -Hn)
  [ "$nofile" = unlimited ] && nofile=1048576
  # crun fails on this kernel's hybrid cgroups; the VM lacks CAP_SYS_RESOURCE, so podman's default ulimits
  # (above the hard limit, nproc above 32768) make every container start fail with "setrlimit".
  put "$CONTAINERS_CONF" "# Written by scripts/local-engine.sh
[containers]
default_ulimits = [\"nofile=$nofile:$nofile\", \"nproc=32768:32768\"]
log_driver = \"k8s-file\"

[engine]
runtime = \"runc\"
cgroup_manager = \"cgroupfs\"
events_logger = \"file\"
events_logfile_path = \"$STATE/events.log\"
tmp_dir = \"$RUN/libpod\"

[network]
network_backend = \"netavark\"" && changed=0
  put "$CONTAINERS_STORAGE_CONF" "# Written by scripts/local-engine.sh
[storage]
driver = \"overlay\"
graphroot = \"$STATE/storage\"
runroot = \"$RUN/storage\"" && changed=0
  put "$CONTAINERS_REGISTRIES_CONF" "# Written by scripts/local-engine.sh: only fully qualified names; the local registry is plain HTTP.
unqualified-search-registries = []

[[registry]]
location = \"127.0.0.1:$PORT\"
insecure = true

[[registry]]
location = \"localhost:$PORT\"
insecure = true" && changed=0
  return $changed
}

registry_config_changed() {
  put "$STATE/registry.yml" "# Written by scripts/local-engine.sh
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT"
}

# running NAME PATTERN: true when NAME's pid file names a live process whose command line contains PATTERN.
running() {
  local pid cmdline
  pid=$(cat "$STATE/pids/$1.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$2"* ]]
}

# launch NAME COMMAND...: starts COMMAND in its own session, detached from this script, logging to logs/NAME.log.
# Services run in the state folder: conmon writes files (an "oom" marker when a container is killed for memory) into
# the folder it was started from, which must not be the caller's checkout.
launch() {
  local name=$1
  shift
  setsid nohup env -C "$STATE" "$@" >>"$STATE/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/pids/$name.pid"
}

# stop NAME PATTERN: SIGTERM, then waits up to 10 s for the process to end (SIGKILL after that).
stop() {
  local pid i
  if running "$1" "$2"; then
    pid=$(cat "$STATE/pids/$1.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      running "$1" "$2" || break
      sleep 0.1
    done
    running "$1" "$2" && kill -KILL "$pid" 2>/dev/null
    say "stopped $1 (pid $pid)"
  fi
  rm -f "$STATE/pids/$1.pid"
}

# await NAME PATTERN URL [CURL_OPTION...]: waits up to 20 s for URL to answer while the service is running.
await() {
  local name=$1 pattern=$2 url=$3 i
  shift 3
  for ((i = 0; i < 200; i++)); do
    curl -sf -o /dev/null --max-time 2 "$@" "$url" && return 0
    running "$name" "$pattern" || break
    sleep 0.1
  done
  tail -n 20 "$STATE/logs/$name.log" >&2 || true
  die "$name did not come up, see $STATE/logs/$name.log"
}

ensure_api() {
  local pattern="system service --time=0 unix://$SOCK"
  if ! podman_config_changed && running podman-service "$pattern" &&
    curl -sf -o /dev/null --max-time 2 --unix-socket "$SOCK" http://d/_ping; then
    say "Docker API already serving on $SOCK"
    return 0
  fi
  stop podman-service "$pattern"
  rm -f "$SOCK"
  launch podman-service podman system service --time=0 "unix://$SOCK"
  await podman-service "$pattern" http://d/_ping --unix-socket "$SOCK"
  say "Docker API serving on $SOCK"
}

ensure_registry() {
  local pattern="docker-registry serve $STATE/registry.yml"
  if ! registry_config_changed && running registry "$pattern" &&
    curl -sf -o /dev/null --max-time 2 "http://$REGISTRY/v2/"; then
    say "registry already serving on $REGISTRY"
    return 0
  fi
  stop registry "$pattern"
  launch registry docker-registry serve "$STATE/registry.yml"
  await registry "$pattern" "http://$REGISTRY/v2/"
  say "registry serving on $REGISTRY"
}

# A fingerprint of what the images are built from: when it changes, they are built and pushed again.
images_fingerprint() {
  {
    dpkg-query -W -f='${Version}\n' busybox-static
    echo "$REGISTRY"
    (cd "$SAMPLES" && find . -type f ! -name '*.md' -print0 | sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -d' ' -f1
}

registry_has_all_images() {
  local service tags version
  for service in backend frontend; do
    tags=$(curl -sf --max-time 5 "http://$REGISTRY/v2/stackkeeper/sample-$service/tags/list") || return 1
    while read -r version; do
      [[ $tags == *"\"$version\""* ]] || return 1
    done <"$SAMPLES/versions"
  done
}

ensure_images() {
  local fingerprint
  fingerprint=$(images_fingerprint)
  if [ "$(cat "$STATE/images.fingerprint" 2>/dev/null)" = "$fingerprint" ] && registry_has_all_images; then
    say "sample images already in $REGISTRY"
    return 0
  fi
  say "building the sample images and pushing them to $REGISTRY"
  "$SAMPLES/build.sh" "$REGISTRY" >>"$STATE/logs/images.log" 2>&1 ||
    die "building the sample images failed, see $STATE/logs/images.log"
  echo "$fingerprint" >"$STATE/images.fingerprint"
}

start_all() {
  mkdir -p "$STATE/logs" "$STATE/pids" "$STATE/registry" "$RUN"
  install_packages
  ensure_api
  ensure_registry
  ensure_images
  printf 'DOCKER_HOST=unix://%s\nSTACKKEEPER_REGISTRY=%s\n' "$SOCK" "$REGISTRY"
}

stop_all() {
  stop podman-service "system service --time=0 unix://$SOCK"
  rm -f "$SOCK"
  stop registry "docker-registry serve $STATE/registry.yml"
}

main() {
  require_root_on_debian
  case "${1:-start}" in
    start) start_all ;;
    stop) stop_all ;;
    *)
      echo "usage: $0 [start|stop]" >&2
      exit 2
      ;;
  esac
}

main "$@"
