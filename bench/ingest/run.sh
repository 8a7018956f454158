#!/usr/bin/env bash
# Ingest benchmark (issue 12 item 6): N concurrent agents (default 8) post result batches over HTTP with the agent's
# own transport into the real backend jar, through the state machine and outages, first on the single MariaDB at
# 127.0.0.1:3306 (database xl_bench_ingest, dropped and created), then on a 3-node Galera cluster started with
# scripts/cluster.sh in a directory of its own. Prints results/s, CPU per result (backend JVM, database server,
# the benchmark client), p50/p99 batch latency, the check stored rows = acknowledged results, the ratio
# Galera ÷ single MariaDB, and a one-line JSON summary alone on the last line. See bench/README.md "Ingest".
# Never part of `mvn verify`. Options (all optional):
#   --agents 8  --devices 20000  --batch 500  --warmup 20  --seconds 60  --flapping-every 10
#   --no-galera     the single MariaDB only
#   --galera-only   the Galera cluster only (no ratio)
#   --reuse         keep xl_bench_ingest from an earlier run with the same --agents and --devices (its fleet; the
#                   import of 20,000 devices, audited one by one, takes minutes on a busy machine). New agents each run.
# The backend is XL_JAR or backend/target/xueliang-tracker.jar as already built (this script never builds or
# overwrites it; build it with `mvn -B -o -q -ntp -DskipTests package`). It builds the bench client into
# */target/bench-build (bench/lib/build.sh).
# XL_BENCH_BACKEND_OPTS: extra JVM options of the backend (e.g. a JFR recording); XL_BENCH_KEEP=1 keeps the logs;
# XL_BENCH_DB: another database name than xl_bench_ingest; XL_BENCH_START_SECONDS: how long the backend may take to start.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

bench_args=() single=1 galera=1 reuse=0
while [ $# -gt 0 ]; do
    case "$1" in
        --agents|--devices|--batch|--warmup|--seconds|--flapping-every) bench_args+=("$1" "$2"); shift 2 ;;
        --no-galera) galera=0; shift ;;
        --galera-only) single=0; shift ;;
        --reuse) reuse=1; shift ;;
        *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done

jar=${XL_JAR:-$root/backend/target/xueliang-tracker.jar}
[ -f "$jar" ] || { echo "no backend jar at $jar: build it first (mvn -B -o -q -ntp -DskipTests package)" >&2; exit 2; }
echo "building the bench client into */target/bench-build (offline)" >&2
. bench/lib/build.sh
bench_build

work=$(mktemp -d /tmp/xl-bench-ingest.XXXXXX)
cluster_dir=''
backend_pid=''
admin_password='Bench-Chief-Passw0rd'
db_name=${XL_BENCH_DB:-xl_bench_ingest}
cleanup() {
    if [ -n "$backend_pid" ]; then kill "$backend_pid" 2>/dev/null && wait "$backend_pid" 2>/dev/null || true; fi
    restore_single_server
    if [ -n "$cluster_dir" ]; then
        XL_CLUSTER_DIR="$cluster_dir" "$root/scripts/cluster.sh" down >&2 || true
        [ -n "${XL_BENCH_KEEP:-}" ] || rm -rf "$cluster_dir"
    fi
    if [ -n "${XL_BENCH_KEEP:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 143' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_backend NAME JDBC_URL: the backend jar on a free port, embedded agent off, no demo; sets backend_pid, base.
start_backend() {
    local name=$1 url=$2 port
    port=$(free_port)
    base="http://127.0.0.1:$port"
    echo "[$name] backend on $base, database $url" >&2
    XL_PORT=$port XL_BIND=127.0.0.1 XL_DATA_DIR="$work/$name-data" XL_ADMIN_PASSWORD=$admin_password XL_DEMO=false \
    XL_EMBEDDED_AGENT=false XL_DB_URL="$url" XL_DB_USER=root XL_DB_PASSWORD='' \
        java -Xmx1g ${XL_BENCH_BACKEND_OPTS:-} -jar "$jar" >"$work/$name-backend.log" 2>&1 &
    backend_pid=$!
    for _ in $(seq 1 "${XL_BENCH_START_SECONDS:-1200}"); do # a loaded machine starts slowly
        if curl -fsS -m 10 "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
        kill -0 "$backend_pid" 2>/dev/null || { echo "the backend exited; its log:" >&2; tail -40 "$work/$name-backend.log" >&2; exit 1; }
        sleep 1
    done
    echo "the backend never became healthy" >&2
    exit 1
}

stop_backend() {
    kill "$backend_pid" 2>/dev/null && wait "$backend_pid" 2>/dev/null || true
    backend_pid=''
}

# Server sizing for the run, as docs/CLUSTER.md "Sizing" tells an operator: a buffer pool that holds the hot tables and
# a redo log of 1–2 GB. A stock MariaDB (128 MB pool, 96 MB redo log) under this sustained write load spends its CPU on
# the page flushing that every checkpoint forces. XL_BENCH_BUFFER_POOL_MB (2048) and XL_BENCH_REDO_LOG_MB (1024); 0 leaves
# a setting alone. size_server PORT applies them and appends what to put back to $work/restore-PORT.sql.
pool_mb=${XL_BENCH_BUFFER_POOL_MB:-2048}
redo_mb=${XL_BENCH_REDO_LOG_MB:-1024}
size_server() {
    local port=$1 before
    before=$(mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$port" -u root -N \
        -e 'SELECT @@innodb_buffer_pool_size, @@innodb_log_file_size')
    read -r pool_before redo_before <<<"$before"
    local set=''
    if [ "$pool_mb" -gt 0 ] && [ "$pool_before" -lt $((pool_mb << 20)) ]; then
        set+="SET GLOBAL innodb_buffer_pool_size = $((pool_mb << 20));"
        echo "SET GLOBAL innodb_buffer_pool_size = $pool_before;" >>"$work/restore-$port.sql"
    fi
    if [ "$redo_mb" -gt 0 ] && [ "$redo_before" -lt $((redo_mb << 20)) ]; then
        set+="SET GLOBAL innodb_log_file_size = $((redo_mb << 20));"
        echo "SET GLOBAL innodb_log_file_size = $redo_before;" >>"$work/restore-$port.sql"
    fi
    [ -z "$set" ] || mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$port" -u root -e "$set"
    mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$port" -u root -N \
        -e 'SELECT @@innodb_buffer_pool_size >> 20, @@innodb_log_file_size >> 20' |
        { read -r p r; echo "[db :$port] buffer pool $p MB, redo log $r MB (were $((pool_before >> 20)) and $((redo_before >> 20)) MB; put back at the end)" >&2; }
}
restore_single_server() {
    if [ -f "$work/restore-3306.sql" ]; then
        mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P 3306 -u root <"$work/restore-3306.sql" || true
        rm -f "$work/restore-3306.sql"
    fi
}

# run_bench NAME JDBC_URL DB_PIDS: the load against the running backend; the summary goes to $work/NAME.json.
run_bench() {
    java -Xmx1g -cp "$BENCH_CP" org.xueliang.tracker.bench.ingest.IngestBench \
        --base "$base" --admin-password "$admin_password" --jdbc "$2" --backend-pids "$backend_pid" --db-pids "$3" \
        --label "$1" --summary "$work/$1.json" "${bench_args[@]}"
}

if [ "$single" = 1 ]; then
    fresh="DROP DATABASE IF EXISTS $db_name;"
    [ "$reuse" = 1 ] && fresh=''
    mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P 3306 -u root \
        -e "$fresh CREATE DATABASE IF NOT EXISTS $db_name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    db_pid=$(ss -ltnpH 'sport = :3306' | sed -nE 's/.*"mariadbd",pid=([0-9]+).*/\1/p' | head -1)
    [ -n "$db_pid" ] || { echo "no mariadbd listening on 127.0.0.1:3306" >&2; exit 2; }
    url="jdbc:mariadb://127.0.0.1:3306/$db_name"
    size_server 3306
    start_backend single "$url"
    run_bench single "$url" "$db_pid"
    stop_backend
    restore_single_server
fi

if [ "$galera" = 1 ]; then
    # The whole local cluster (3 Galera nodes, nginx, 2 replicas, an agent and a 20-device simulator) in a directory
    # of its own; the benchmark then starts its own backend on the cluster's database nodes (sequential failover, as
    # the replicas are configured: every write goes to db1 and is certified by all three) in a database of its own,
    # so the comparison with the single MariaDB is one backend against one backend. The cluster's two replicas and
    # agent stay up meanwhile, idle but for their own scheduled work and 20 devices every 30 s.
    cluster_dir=$(mktemp -d /tmp/xl-bench-ingest-cluster.XXXXXX)
    echo "[galera] starting a 3-node cluster in $cluster_dir (scripts/cluster.sh up)" >&2
    XL_CLUSTER_DIR="$cluster_dir" XL_JAR="$jar" "$root/scripts/cluster.sh" up >&2
    # shellcheck disable=SC1091
    . "$cluster_dir/ports.env"
    mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$DB1_PORT" -u root \
        -e "CREATE DATABASE $db_name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    for port in "$DB1_PORT" "$DB2_PORT" "$DB3_PORT"; do size_server "$port"; done  # the cluster goes away afterwards
    db_pids="$(cat "$cluster_dir/db1.pid"),$(cat "$cluster_dir/db2.pid"),$(cat "$cluster_dir/db3.pid")"
    url="jdbc:mariadb:sequential://127.0.0.1:$DB1_PORT,127.0.0.1:$DB2_PORT,127.0.0.1:$DB3_PORT/$db_name"
    start_backend galera "$url"
    run_bench galera "$url" "$db_pids"
    stop_backend
fi

python3 - "$work" <<'EOF'
import json, os, sys
work = sys.argv[1]
def load(name):
    p = os.path.join(work, name + ".json")
    return json.load(open(p)) if os.path.exists(p) else None
single, galera = load("single"), load("galera")
out = {}
if single:
    out.update({k: single[k] for k in ("agents", "devices", "resultsPerS", "cpuUsPerResult", "jitUsPerResult", "dbCpuUsPerResult",
                                       "clientCpuUsPerResult", "p50BatchMs", "p99BatchMs", "storedEqualsAcknowledged")})
if galera:
    out.update({"galeraResultsPerS": galera["resultsPerS"], "galeraCpuUsPerResult": galera["cpuUsPerResult"],
                "galeraDbCpuUsPerResult": galera["dbCpuUsPerResult"], "galeraP99BatchMs": galera["p99BatchMs"],
                "galeraStoredEqualsAcknowledged": galera["storedEqualsAcknowledged"]})
if single and galera and single["resultsPerS"]:
    out["galeraRatio"] = round(galera["resultsPerS"] / single["resultsPerS"], 3)
    print("Galera ÷ single MariaDB: %.2f (results/s %s ÷ %s)" % (out["galeraRatio"], galera["resultsPerS"], single["resultsPerS"]))
print(json.dumps(out, separators=(",", ":")))
EOF
