#!/bin/sh
# SafeXml benchmark: CPU µs per parse of the ONVIF recordings, the StAX reader against the hand-written UTF-8 reader,
# a table and one JSON line. Options go to the runner: --recordings DIR (../shared/testdata/onvif) --rounds R (300)
# --warmup W (300). It measures the main thread's CPU time, so the JIT's threads and a busy machine do not count and
# no core pinning is needed. Never part of `mvn verify`. Figures: docs/BENCHMARKS.md "SafeXml".
set -eu
cd "$(dirname "$0")/../.."
. bench/lib/build.sh
bench_build
exec java -XX:+UseSerialGC -Xmx"${BENCH_XMX:-256m}" -cp "$BENCH_CP" org.xueliang.tracker.bench.xml.SafeXmlBench "$@"
