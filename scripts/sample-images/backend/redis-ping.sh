#!/bin/sh
# Run by `nc -e` with stdin/stdout on a Redis connection: exits 0 when the server answers PING (a server that asks
# for a password answers too: it is up and reachable, which is what the vendor's /status checks).
printf 'PING\r\n'
# shellcheck disable=SC3045 # busybox sh has read -t
IFS= read -r -t 2 reply || exit 1
case $reply in
  +PONG* | -NOAUTH*) exit 0 ;;
  *) exit 1 ;;
esac
