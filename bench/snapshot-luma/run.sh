#!/bin/sh
# Snapshot luminance microbenchmark: µs of thread CPU per snapshot for the ONVIF prober's black check, ImageIO decode
# against DC coefficients (agent.vqd.JpegDcLuma), at 64×48, 704×576 and 1920×1080; a table and one JSON line.
# Options go to the runner: --pictures N (8) --samples S (31). Never part of `mvn verify`. Figures: docs/BENCHMARKS.md.
set -eu
cd "$(dirname "$0")/../.."
. bench/lib/build.sh
bench_build
PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
exec $PIN java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx"${BENCH_XMX:-512m}" -Djava.awt.headless=true \
    -cp "$BENCH_CP" org.xueliang.tracker.bench.vqd.SnapshotLumaBench "$@"
