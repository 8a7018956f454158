# Sourced by bench/*/run.sh (POSIX sh). XL_PROFILE=FILE profiles the benchmark's JVM with async-profiler (CPU,
# itimer: works without perf_events) and writes FILE: a flame graph when it ends in .html, collapsed stacks
# otherwise. async-profiler comes from Maven Central (tools.profiler:async-profiler, which carries the native
# library) into the local Maven repository, and is unpacked under bench/target.
AP_VERSION=4.1
PROFILER_OPTS=""

profiler_setup() {
    [ -n "${XL_PROFILE:-}" ] || return 0
    jar="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
    if [ ! -f "$jar" ]; then
        mvn -B -q -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -Dtransitive=false >&2
    fi
    dir="bench/target/async-profiler-$AP_VERSION"
    case "$(uname -m)" in aarch64) arch=linux-arm64 ;; *) arch=linux-x64 ;; esac
    [ -f "$dir/$arch/libasyncProfiler.so" ] || (mkdir -p "$dir" && cd "$dir" && unzip -q -o "$jar" "$arch/*")
    case "$XL_PROFILE" in *.html) format=flamegraph ;; *) format=collapsed ;; esac
    PROFILER_OPTS="-agentpath:$(pwd)/$dir/$arch/libasyncProfiler.so=start,event=itimer,interval=1ms,$format,file=$XL_PROFILE"
    echo "profiling into $XL_PROFILE (async-profiler $AP_VERSION)" >&2
}
