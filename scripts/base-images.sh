#!/usr/bin/env bash
# The two base images of the Dockerfile, made from Debian's packages without a public image registry (mmdebstrap,
# then podman import into the local engine of scripts/local-engine.sh):
#   localhost/stackkeeper-build-base:trixie     OpenJDK 21 (JDK; the jar targets Java 17) and Node.js 20, which Vaadin's
#                                               build checks for (bookworm's Node.js 18 is too old: it would download one)
#   localhost/stackkeeper-run-base:bookworm     OpenJDK 17 (JRE), CA certificates
# An image that exists is kept; `scripts/base-images.sh --again` makes both anew. On Debian as root.
set -euo pipefail
STATE=/var/lib/stackkeeper-engine
export CONTAINERS_STORAGE_CONF=$STATE/storage.conf
export CONTAINERS_CONF=$STATE/containers.conf
export CONTAINERS_REGISTRIES_CONF=$STATE/registries.conf

[ "$(id -u)" -eq 0 ] || { echo "base-images: needs root (mmdebstrap and the local engine's storage)" >&2; exit 1; }
[ -f "$CONTAINERS_CONF" ] || { echo "base-images: run scripts/local-engine.sh first" >&2; exit 1; }
command -v mmdebstrap >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null

make_image() { # make_image <name> <suite> <packages, comma-separated>
  local name=$1 suite=$2 packages=$3
  if [ "${AGAIN:-}" != 1 ] && podman image exists "$name"; then
    echo "base-images: $name is there" >&2
    return
  fi
  local started=$SECONDS
  mmdebstrap --quiet --variant=apt --include="$packages" \
    --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' "$suite" - \
    | podman import --change 'CMD ["bash"]' --change 'ENV LANG=C.UTF-8' - "$name" >/dev/null
  echo "base-images: $name made in $((SECONDS - started)) s" >&2
}

[ "${1:-}" = --again ] && AGAIN=1
make_image localhost/stackkeeper-build-base:trixie trixie openjdk-21-jdk-headless,nodejs,ca-certificates,ca-certificates-java
make_image localhost/stackkeeper-run-base:bookworm bookworm openjdk-17-jre-headless,ca-certificates,ca-certificates-java
