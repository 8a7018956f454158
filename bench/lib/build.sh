# Sourced by bench/*/run.sh (POSIX sh), from the repository root. A benchmark builds the bench module and the modules
# it depends on into <module>/target/bench-build (the parent pom's xl.buildDir), never into <module>/target: the
# packaged app backend/target/xueliang-tracker.jar (with its UI) and the agent and simulator jars stay as they were.
# BENCH_CP is the runners' classpath; BENCH_OUT=DIR builds elsewhere (relative to each module).
BENCH_OUT="${BENCH_OUT:-target/bench-build}"
BENCH_CP="bench/$BENCH_OUT/classes:bench/$BENCH_OUT/lib/*"

# bench_build [MODULES]: offline, no tests, no frontend; MODULES defaults to the bench module and what it needs.
bench_build() {
    mvn -B -o -q -ntp -pl "${1:-bench}" -am package -DskipTests -Dskip.npm=true -Dxl.buildDir="$BENCH_OUT" >&2
}
