#!/bin/sh
# SafeXml benchmark: CPU µs per parse of the ONVIF recordings, the StAX reader against the hand-written UTF-8 reader,
# on ONE core (-XX:ActiveProcessorCount=1 and taskset when present). Options go to the runner: --recordings DIR
# (../shared/testdata/onvif) --rounds R (300) --warmup W (300). Never part of `mvn verify`. Figures: docs/BENCHMARKS.md.
set -eu
cd "$(dirname "$0")/../.."
. bench/lib/build.sh
bench_build
PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
exec $PIN java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx"${BENCH_XMX:-256m}" \
    -cp "$BENCH_CP" org.xueliang.tracker.bench.xml.SafeXmlBench "$@"
