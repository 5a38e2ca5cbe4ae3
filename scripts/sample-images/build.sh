#!/usr/bin/env bash
# Builds the sample backend and frontend images (every version in ./versions) from Debian's busybox-static
# and pushes them to REGISTRY as REGISTRY/stackkeeper/sample-{backend,frontend}:<version>.
# Usage: build.sh REGISTRY   (e.g. 127.0.0.1:5151; plain HTTP)
# It runs the podman CLI as is: the caller exports CONTAINERS_* to choose the engine's storage.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)

# base DIR: a root file system with /bin/busybox, a symlink per applet, /etc/passwd and /tmp.
base() {
  mkdir -p "$1"/{app,bin,dev,etc,proc,root,sys,tmp}
  chmod 1777 "$1/tmp"
  cp /bin/busybox "$1/bin/busybox"
  # One process instead of ~270 ln: without /proc in the chroot, busybox links its applets to its argv[0].
  chroot "$1" /bin/busybox --install -s /bin
  echo 'root:x:0:0:root:/root:/bin/sh' >"$1/etc/passwd"
  echo 'root:x:0:' >"$1/etc/group"
}

# image SERVICE PORT VERSION: builds one image from a copy of the base and pushes it.
image() {
  local service=$1 port=$2 version=$3 root="$WORK/$1-$3"
  local name="$REGISTRY/stackkeeper/sample-$service:$version"
  cp -a "$WORK/base" "$root"
  cp -R "$HERE/$service/." "$root/app/"
  chmod 0755 "$root"/app/*.sh
  printf '%s\n' "$version" >"$root/app/VERSION"
  if [ "$service" = frontend ]; then
    sed -i "s/@VERSION@/$version/g" "$root/app/www/index.html"
    printf '%s\n' "$version" >"$root/app/www/tucana-version.txt"
  fi
  tar --owner=0 --group=0 --numeric-owner -C "$root" -c . |
    podman import --quiet \
      --change 'ENTRYPOINT ["/app/entrypoint.sh"]' \
      --change 'WORKDIR /app' \
      --change "EXPOSE $port" \
      --change "ENV TOUCAN_VERSION=$version" \
      --change "LABEL version=$version" \
      --change "LABEL org.opencontainers.image.title=stackkeeper-sample-$service" \
      - "$name" >/dev/null
  podman push --quiet --tls-verify=false "$name"
  echo "pushed $name"
}

# Waits for the images being built: a failed one fails the build.
await_images() {
  local pid
  for pid in "${PIDS[@]}"; do wait "$pid"; done
  PIDS=()
}

main() {
  [ $# -eq 1 ] || { echo "usage: $0 REGISTRY" >&2; exit 2; }
  REGISTRY=$1
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
  base "$WORK/base"
  local version
  PIDS=()
  # Four images at a time: most of each import and push is podman starting up.
  while read -r version; do
    image backend 8000 "$version" &
    PIDS+=($!)
    image frontend 8080 "$version" &
    PIDS+=($!)
    [ ${#PIDS[@]} -lt 4 ] || await_images
  done <"$HERE/versions"
  await_images
}

main "$@"
