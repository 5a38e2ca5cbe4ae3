#!/bin/sh
# Entrypoint of the sample frontend: serves /app/www (index.html, tucana-version.txt) on port 8080 until SIGTERM.
trap 'exit 143' TERM INT
VERSION=$(cat /app/VERSION)
httpd -f -v -p 8080 -h /app/www &
server=$!
trap 'echo "frontend $VERSION: received SIGTERM, shutting down"; kill "$server" 2>/dev/null; exit 0' TERM INT
echo "frontend $VERSION listening on port 8080"
wait "$server"
echo "frontend $VERSION: http server exited"
exit 1
