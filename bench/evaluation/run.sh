#!/bin/sh
# Evaluation benchmark (issue 12 §6): create the 自评 of a 100,000-device project over one year, end to end
# (POST /api/v1/evaluations to the application started in this JVM), on MariaDB 127.0.0.1:3306 (root, no password).
# See bench/evaluation/README.md. Options go to the runner:
#   --devices N (100000)  --days D (365)  --runs R (3)  --reuse (keep an already loaded database)
# Never part of `mvn verify`.
set -eu
cd "$(dirname "$0")/../.."
. bench/lib/build.sh
bench_build
exec java -XX:ActiveProcessorCount=2 -Xmx"${BENCH_XMX:-2g}" -cp "$BENCH_CP" \
    org.xueliang.tracker.bench.evaluation.EvaluationBench "$@"
