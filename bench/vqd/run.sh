#!/bin/sh
# VQD benchmark (issue 11 §3): ms per 1920×1080 snapshot on ONE core (-XX:ActiveProcessorCount=1 and taskset when
# present): the analysis (reduction + nine checks, budget ≤ 20 ms) and ImageIO's JPEG decoding, median and p95, a
# table and one JSON line. Options go to the runner: --pictures N (24) --runs R (400) --warmup W (200).
# BENCH_MAIN picks another runner of the same set-up (bench/snapshot-luma/run.sh).
# Never part of `mvn verify`. Figures: docs/VQD.md "Timing", docs/BENCHMARKS.md.
set -eu
cd "$(dirname "$0")/../.."
. bench/lib/build.sh
bench_build
PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
exec $PIN java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx"${BENCH_XMX:-512m}" -Djava.awt.headless=true \
    -cp "$BENCH_CP" "${BENCH_MAIN:-org.xueliang.tracker.bench.vqd.VqdBench}" "$@"
