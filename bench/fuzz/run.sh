#!/bin/sh
# The fuzz suites (docs/TESTING.md "Fuzz suites") with more inputs than `mvn verify` runs.
#   bench/fuzz/run.sh [SCALE] [SEED]
# SCALE multiplies every suite's tries (default 20: about 4 million parser inputs, 2 million of them GB/T 28181
# MANSCDP bodies, and 36,000 requests; roughly 40 to 80 minutes on 2 cores). SEED replaces the fixed seeds of the build, to explore inputs the build never
# tries; a failure prints its seed and input number (-Dxl.fuzz.seed / -Dxl.fuzz.input replay it) and saves the input
# under */target/fuzz-failures/. Add such an input to the suite's corpus (src/test/resources/fuzz/<suite>/) with the fix.
# Never part of `mvn verify`. All traffic stays on 127.0.0.0/8.
set -eu
cd "$(dirname "$0")/../.."
SCALE="${1:-20}"
SEED="${2:-}"
mvn -B -o -ntp -q -pl agents,backend -am -Dskip.npm=true \
    -Dtest='*FuzzTest,FuzzAttacksTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dxl.fuzz.scale="$SCALE" ${SEED:+-Dxl.fuzz.seed="$SEED"} test
