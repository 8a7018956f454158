#!/bin/sh
# Snapshot luminance microbenchmark: µs of thread CPU per snapshot for the ONVIF prober's black check, ImageIO decode
# against DC coefficients (agent.vqd.JpegDcLuma), at 64×48, 704×576 and 1920×1080; a table and one JSON line, on one
# core like the VQD bench. Options go to the runner: --pictures N (8) --samples S (31). Never part of `mvn verify`.
# Figures: docs/BENCHMARKS.md "Snapshot luminance".
BENCH_MAIN=org.xueliang.tracker.bench.vqd.SnapshotLumaBench exec "$(dirname "$0")/../vqd/run.sh" "$@"
