#!/usr/bin/env bash
# GB/T 28181 benchmark (issue 10): one backend (H2, GB server on, free loopback ports) and the simulator with 10,000
# devices keeping alive every 60 s on loopback. Measures the register storm (time until every device holds a
# registration; target < 30 s), the backend's CPU at steady state (target < 20 % of one core) and its heap.
# See bench/README.md. Never part of `mvn verify`. Options (all optional):
#   --ipcs 9000 --nvrs 1000 --channels 8     the fleet (10,000 devices, 8,000 NVR channels)
#   --transport udp|tcp (udp)   --keepalive-seconds 60   --steady-seconds 120 (CPU sampled over this long)
#   --settle-seconds 150        wait after the storm before sampling: the first queries of 10,000 devices take 100 s at
#                               XL_GB_INTRODUCTIONS_PER_SECOND (100), and steady state starts after them
#   --no-build                  use the jars already in backend/target and agents/target (else they are built into
#                               backend/target/bench-build and agents/target/bench-build; backend/target stays as it is)
# XL_BENCH_KEEP=1 keeps the data directory and both logs (backend.log, sim.log) for a look afterwards.
# XL_BENCH_BACKEND_OPTS / XL_BENCH_SIM_OPTS: extra JVM options for the backend / the simulator.
# XL_BENCH_STORM_JFR=FILE records the backend during the storm only (JFR, settings=profile) into FILE; then e.g.
#   jfr print --events jdk.ExecutionSample FILE
# XL_BENCH_THREADS=1 prints the backend's CPU during the storm per thread group (from /proc/PID/task/*/stat).
# Prints the figures, then a one-line JSON summary alone on the last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

ipcs=9000 nvrs=1000 channels=8 transport=udp keepalive=60 steady=120 settle=150 build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --ipcs) ipcs=$2; shift 2 ;;
        --nvrs) nvrs=$2; shift 2 ;;
        --channels) channels=$2; shift 2 ;;
        --transport) transport=$2; shift 2 ;;
        --keepalive-seconds) keepalive=$2; shift 2 ;;
        --steady-seconds) steady=$2; shift 2 ;;
        --settle-seconds) settle=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
devices=$((ipcs + nvrs))

# A build goes to */target/bench-build (bench/lib/build.sh): the packaged app in backend/target keeps its UI.
out=target
if [ "$build" = 1 ]; then
    echo "building the backend and simulator jars into */target/bench-build (offline, no frontend)" >&2
    . bench/lib/build.sh
    bench_build sql,agents,backend
    out=$BENCH_OUT
fi
jar=${XL_JAR:-$root/backend/$out/xueliang-tracker.jar}
simjar=${XL_SIM_JAR:-$root/agents/$out/xueliang-simulator.jar}
[ -f "$jar" ] || { echo "no backend jar at $jar" >&2; exit 2; }
[ -f "$simjar" ] || { echo "no simulator jar at $simjar" >&2; exit 2; }

free_port() { # a port free for UDP and TCP on 127.0.0.1
    python3 - <<'EOF'
import socket
while True:
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0)); p = u.getsockname()[1]
    t = socket.socket(); 
    try:
        t.bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass
    finally:
        t.close(); u.close()
EOF
}

work=$(mktemp -d /tmp/xl-bench-gb.XXXXXX)
http_port=$(free_port)
sip_port=$(free_port)
admin_password='Bench-Chief-Passw0rd'
gb_password='Bench-Gb-Passw0rd'
backend_pid='' sim_pid=''
cleanup() {
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null || true
    [ -n "$backend_pid" ] && kill "$backend_pid" 2>/dev/null && wait "$backend_pid" 2>/dev/null || true
    if [ -n "${XL_BENCH_KEEP:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "backend: http 127.0.0.1:$http_port, GB/T 28181 on 127.0.0.1:$sip_port (UDP and TCP), data in $work" >&2
XL_PORT=$http_port XL_BIND=127.0.0.1 XL_DATA_DIR=$work/data XL_ADMIN_PASSWORD=$admin_password XL_DEMO=false XL_SEED=false \
XL_EMBEDDED_AGENT=false XL_GB_ENABLED=true XL_GB_SIP_HOST=127.0.0.1 XL_GB_SIP_PORT=$sip_port XL_GB_PASSWORD=$gb_password \
XL_GB_KEEPALIVE_SECONDS=$keepalive \
    java -Xmx1g ${XL_BENCH_BACKEND_OPTS:-} -jar "$jar" >"$work/backend.log" 2>&1 &
backend_pid=$!
for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$http_port/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
    kill -0 "$backend_pid" 2>/dev/null || { echo "the backend exited; its log:" >&2; tail -40 "$work/backend.log" >&2; exit 1; }
    sleep 1
done
curl -fsS "http://127.0.0.1:$http_port/actuator/health" >/dev/null || { echo "the backend never became healthy" >&2; exit 1; }

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of the process (all its threads)
rss_mib() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

echo "simulator: $devices devices ($ipcs IPCs, $nvrs NVRs x $channels channels) over $transport, keepalive $keepalive s" >&2
storm_start=$(date +%s%N)
storm_cpu0=$(cpu_ticks "$backend_pid")
thread_ticks() { # "name ticks" per thread of the process, digits in names folded to N
    for t in /proc/"$1"/task/*; do
        printf '%s %s\n' "$(sed -E 's/[0-9]+/N/g; s/ /_/g' "$t/comm")" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
    done
}
[ -n "${XL_BENCH_THREADS:-}" ] && thread_ticks "$backend_pid" >"$work/threads.before"
[ -n "${XL_BENCH_STORM_JFR:-}" ] && jcmd "$backend_pid" JFR.start name=storm settings=profile filename="$XL_BENCH_STORM_JFR" >/dev/null
java -Xmx768m ${XL_BENCH_SIM_OPTS:-} -jar "$simjar" gb28181 --server "127.0.0.1:$sip_port" --server-id 14082400002000000001 --domain 1408240000 \
    --ipcs "$ipcs" --nvrs "$nvrs" --channels "$channels" --base-code 14082400111320000001 --password "$gb_password" \
    --transport "$transport" --keepalive-seconds "$keepalive" --report-seconds 5 >"$work/sim.log" 2>&1 &
sim_pid=$!

storm_ms=''
for _ in $(seq 1 1200); do # up to 120 s
    line=$(grep -m1 'all .* registered in' "$work/sim.log" || true)
    if [ -n "$line" ]; then storm_ms=$(echo "$line" | sed -E 's/.* in ([0-9]+) ms.*/\1/'); break; fi
    kill -0 "$sim_pid" 2>/dev/null || { echo "the simulator exited; its log:" >&2; tail -20 "$work/sim.log" >&2; exit 1; }
    sleep 0.1
done
storm_wall_ms=$(( ($(date +%s%N) - storm_start) / 1000000 ))
storm_cpu_ms=$(( ($(cpu_ticks "$backend_pid") - storm_cpu0) * 1000 / ticks ))
storm_sim_cpu_ms=$(( $(cpu_ticks "$sim_pid") * 1000 / ticks ))
[ -n "${XL_BENCH_STORM_JFR:-}" ] && jcmd "$backend_pid" JFR.stop name=storm >/dev/null
if [ -n "${XL_BENCH_THREADS:-}" ]; then
    thread_ticks "$backend_pid" >"$work/threads.after"
    echo "backend CPU during the storm by thread (ms):" >&2
    awk -v hz="$ticks" 'NR == FNR { before[$1] += $2; next } { after[$1] += $2 }
        END { for (n in after) { d = (after[n] - before[n]) * 1000 / hz; if (d > 0) printf "  %8d  %s\n", d, n } }' \
        "$work/threads.before" "$work/threads.after" | sort -rn >&2
fi
tail -2 "$work/sim.log" >&2
registered_api=$(curl -fsS -u "admin:$admin_password" "http://127.0.0.1:$http_port/api/v1/gb28181/registrations?size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin).get("total", -1))' 2>/dev/null || echo -1)
echo "register storm: simulator saw all $devices registered in ${storm_ms:-never} ms; the API lists $registered_api" >&2
echo "CPU during the storm: backend ${storm_cpu_ms} ms ($(( storm_cpu_ms * 1000 / devices )) µs per device), simulator ${storm_sim_cpu_ms} ms (with its start-up)" >&2

sleep "$settle"
rss_before=$(rss_mib "$backend_pid")
t0=$(cpu_ticks "$backend_pid"); n0=$(date +%s%N)
sleep "$steady"
t1=$(cpu_ticks "$backend_pid"); n1=$(date +%s%N)
elapsed_s=$(python3 -c "print(($n1 - $n0) / 1e9)")
cpu_pct=$(python3 -c "print(round(100.0 * ($t1 - $t0) / $ticks / $elapsed_s, 2))")
heap_line=$(jcmd "$backend_pid" GC.heap_info 2>/dev/null | grep -m1 -E 'garbage-first heap|total' || true)
heap_used_mib=$(echo "$heap_line" | sed -nE 's/.*used ([0-9]+)K.*/\1/p' | awk '{printf "%d", $1 / 1024}')
heap_total_mib=$(echo "$heap_line" | sed -nE 's/.*total ([0-9]+)K.*/\1/p' | awk '{printf "%d", $1 / 1024}')
rss_after=$(rss_mib "$backend_pid")
progress=$(grep 'registered [0-9]*/' "$work/sim.log" | tail -1 || true)
keepalives_ok=$(echo "$progress" | sed -nE 's/.*keepalives ([0-9]+)\/([0-9]+).*/\1/p')
keepalives_sent=$(echo "$progress" | sed -nE 's/.*keepalives ([0-9]+)\/([0-9]+).*/\2/p')
registered_end=$(echo "$progress" | sed -nE 's/.*registered ([0-9]+)\/.*/\1/p')
errors=$(grep -c -E ' ERROR ' "$work/backend.log" || true)

echo "steady state over ${elapsed_s} s: backend CPU ${cpu_pct} % of one core; heap used ${heap_used_mib:-?} MiB of ${heap_total_mib:-?} MiB committed; RSS ${rss_before} -> ${rss_after} MiB" >&2
echo "simulator: $progress" >&2
echo "backend log: $errors ERROR lines" >&2
printf '{"bench":"gb28181","devices":%d,"transport":"%s","keepaliveSeconds":%d,"registerStormMs":%s,"registerStormWallMs":%d,"stormBackendCpuMs":%d,"stormSimulatorCpuMs":%d,"registeredByApi":%s,"registeredAtEnd":%s,"steadySeconds":%s,"backendCpuPercentOfOneCore":%s,"heapUsedMiB":%s,"heapCommittedMiB":%s,"rssMiB":%s,"keepalivesSent":%s,"keepalivesOk":%s,"backendErrorLines":%d}\n' \
    "$devices" "$transport" "$keepalive" "${storm_ms:-null}" "$storm_wall_ms" "$storm_cpu_ms" "$storm_sim_cpu_ms" "$registered_api" "${registered_end:-null}" \
    "$elapsed_s" "$cpu_pct" "${heap_used_mib:-null}" "${heap_total_mib:-null}" "$rss_after" "${keepalives_sent:-null}" \
    "${keepalives_ok:-null}" "$errors"
