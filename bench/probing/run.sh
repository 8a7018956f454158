#!/bin/sh
# Probing benchmark (SPEC §8): one agent against 10,000 simulated devices, and Prometheus' snmp_exporter and
# blackbox_exporter on the same devices. Run from anywhere: bench/probing/run.sh [--devices N] [--cycles K] …
# (options: see ProbingBench). Never part of `mvn verify`. XL_PROFILE=/tmp/agent.html adds an async-profiler
# flame graph of the agent's JVM (bench/lib/profiler.sh).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if ! command -v prometheus-snmp-exporter >/dev/null || ! command -v prometheus-blackbox-exporter >/dev/null; then
    echo "installing Debian's prometheus-snmp-exporter and prometheus-blackbox-exporter" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        prometheus-snmp-exporter prometheus-blackbox-exporter >&2
fi
. bench/lib/build.sh
. bench/lib/profiler.sh
bench_build
profiler_setup
# shellcheck disable=SC2086 # PROFILER_OPTS is empty or one word
exec java -Xmx1g $PROFILER_OPTS -cp "$BENCH_CP" \
    org.xueliang.tracker.bench.probing.ProbingBench --peers "${XL_PEERS:-$root/../shared/peers}" "$@"
