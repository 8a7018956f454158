#!/bin/sh
# Availability benchmark (SPEC §8): figures by tier for 100,000 devices over one year on MariaDB
# 127.0.0.1:3306 (root, no password). See bench/availability/README.md. Options go to the runner:
#   --devices N (100000)  --days D (365)  --runs R (5)  --reuse (keep an already loaded database)
# Never part of `mvn verify`.
set -eu
cd "$(dirname "$0")/../.."
. bench/lib/build.sh
bench_build
exec java -XX:ActiveProcessorCount=2 -Xmx"${BENCH_XMX:-1g}" -cp "$BENCH_CP" \
    org.xueliang.tracker.bench.availability.AvailabilityBench "$@"
