#!/usr/bin/env bash
# Backup throughput (BackupThroughputBenchmark), each against a baseline measured in the same run:
#   1. dump: MongoDumper (2 threads, gzip 1) vs a raw driver scan of the same collections (2 threads); target ratio 0.8
#   2. storage archive: StorageArchiver (zstd 1) vs `tar -cf - | zstd -1` over the same folder; target ratio 0.8
#   3. restore: MongoRestorer (batches of 1000) vs insertMany of the same documents (batches of 1000); target ratio 0.8
# MongoDB is the in-JVM stand-in; the data is generated with fixed seeds into a temporary folder.
# Usage: bench/backup-throughput.sh [documents] [storage MB] [rounds]   (defaults 1000000, 500, 2)
# Needs tar and zstd on the PATH. Run it on an otherwise idle machine: every number is wall-clock time.
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-1000000}
storage_mb=${2:-500}
rounds=${3:-2}
command -v zstd >/dev/null || { echo "zstd is missing (apt-get install zstd)" >&2; exit 1; }

rm -f target/bench/backup-throughput.md
./mvnw -B -q -Pproduction,bench test -Dtest=BackupThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.documents="$documents" -Dbench.storageMb="$storage_mb" -Dbench.rounds="$rounds"
echo
cat target/bench/backup-throughput.md
