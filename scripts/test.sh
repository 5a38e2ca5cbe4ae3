#!/usr/bin/env bash
# Runs every test of Stackkeeper. On Debian as root it first installs what the tests need (Debian's Chromium for
# the browser tests, fonts for screenshots, redis-server, python3-pymongo and zstd to check dumps and archives
# independently, prometheus-node-exporter for the remote host probes, prometheus for promtool's metric lint, rsyslog with GnuTLS as the log forwarding's receiver, docker-compose to validate the compose file) and sets up the local container engine with the sample images (scripts/local-engine.sh);
# elsewhere do those yourself.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  need=()
  command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  /usr/bin/python3 -c 'import bson' >/dev/null 2>&1 || need+=(python3-pymongo)
  command -v zstd >/dev/null 2>&1 || need+=(zstd)
  command -v prometheus-node-exporter >/dev/null 2>&1 || need+=(prometheus-node-exporter)
  command -v promtool >/dev/null 2>&1 || need+=(prometheus)
  command -v rsyslogd >/dev/null 2>&1 || need+=(rsyslog)
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
  [ -e /usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so ] || [ -e /usr/lib/rsyslog/lmnsd_gtls.so ] || need+=(rsyslog-gnutls)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing test prerequisites: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
fi

if [ "$(id -u)" = 0 ] && [ -r /etc/debian_version ]; then
  # the real container engine and image registry with the sample images, for the stack tests
  bash scripts/local-engine.sh >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec ./mvnw -B -Pproduction verify "$@"
