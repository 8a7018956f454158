#!/usr/bin/env bash
# Runs Xueliang Tracker as a cluster on this machine, everything on loopback (docs/CLUSTER.md):
# 3 MariaDB Galera nodes, nginx as the HTTP load balancer, 2 backend replicas, 1 standalone agent and a
# simulator fleet of TCP devices on 127.20.200.0/24.
#
#   ./scripts/cluster.sh up       starts what is not running; returns once the balancer answers healthy; prints its URL
#   ./scripts/cluster.sh status   one line per process: NAME PID ADDRESS (db1 db2 db3 lb app1 app2 agent sim);
#                                 PID is '-' for a process that is not running (then the exit code is 3)
#   ./scripts/cluster.sh down     stops every process and checks that none is left; the data stays for the next 'up'
#   ./scripts/cluster.sh start NAME    starts one process of a cluster that is up (after a kill: a Galera node rejoins)
#   ./scripts/cluster.sh stop NAME     stops one process cleanly (SIGTERM, as 'down' does)
#   ./scripts/cluster.sh restart NAME  stop, then start; NAME is one of db1 db2 db3 lb app1 app2 agent sim
#
# Environment (defaults): XL_CLUSTER_DIR=/tmp/xl-cluster (all state: data, logs, configs, pid files; delete it
# after 'down' for a fresh cluster), XL_ADMIN_PASSWORD=Cluster-Chief-Passw0rd (the first admin's password),
# XL_CLUSTER_DEVICES=20 (simulated devices), XL_CLUSTER_PROBE_INTERVAL=30 (their probe interval in seconds, at
# least 10), XL_CLUSTER_SIM_FAULTS (the simulator's faults when it starts, e.g. "0=down 1=down", device indexes from
# 0), XL_CLUSTER_APP_START_SECONDS=240 (how long a replica may take to become healthy), XL_JAR, XL_AGENT_JAR,
# XL_SIMULATOR_JAR (built when missing). The agent logs every result the backend acknowledged to agent/acks.log
# (--ack-log), which the fault test compares with the stored rows.
# Ports: the first free one from 3316 (db1..3), 14567 (Galera replication, IST and SST), 18090 (balancer),
# 18091 (replicas), 18190 (agent metrics), 19400 (simulated devices); chosen once and kept in ports.env.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
# shellcheck source=scripts/lib/prereqs.sh
. "$ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/build.sh
. "$ROOT/scripts/lib/build.sh"

RUN="${XL_CLUSTER_DIR:-/tmp/xl-cluster}"
JAR="${XL_JAR:-$ROOT/backend/target/xueliang-tracker.jar}"
AGENT_JAR="${XL_AGENT_JAR:-$ROOT/agents/target/xueliang-agent.jar}"
SIM_JAR="${XL_SIMULATOR_JAR:-$ROOT/agents/target/xueliang-simulator.jar}"
ADMIN_PASSWORD="${XL_ADMIN_PASSWORD:-Cluster-Chief-Passw0rd}"
DEVICES="${XL_CLUSTER_DEVICES:-20}"
PROBE_INTERVAL="${XL_CLUSTER_PROBE_INTERVAL:-30}"
NAMES=(db1 db2 db3 lb app1 app2 agent sim)
DB_NAME=xueliang
DB_USER=xueliang
ZONE=cluster
SIM_BASE=127.20.200

# ---- processes: RUN/NAME.pid and RUN/NAME.addr ----------------------------------------------------------------

pid_of() { [ -f "$RUN/$1.pid" ] && cat "$RUN/$1.pid" || true; }
running() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# launch NAME ADDRESS LOG CMD...: starts CMD in its own session (a Ctrl-C of the caller does not reach it).
launch() {
  local name=$1 addr=$2 log=$3
  shift 3
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
  echo "$addr" >"$RUN/$name.addr"
}

# stop NAME: SIGTERM (a clean shutdown: Galera leaves the cluster, the agent keeps its spool), SIGKILL after 60 s.
stop() {
  local name=$1 p i
  p=$(pid_of "$name")
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
    kill -TERM "$p" 2>/dev/null || true
    for i in $(seq 1 600); do
      kill -0 "$p" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$p" 2>/dev/null; then
      xl_log "$name (pid $p) did not stop within 60 s: SIGKILL"
      kill -KILL "$p" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  rm -f "$RUN/$name.pid"
}

# wait_for WHAT SECONDS NAME CMD...: polls CMD once a second; fails (with the log's tail) when NAME exits or time is up.
wait_for() {
  local what=$1 seconds=$2 name=$3 i
  shift 3
  for i in $(seq 1 "$seconds"); do
    "$@" && return 0
    if ! running "$name"; then
      tail -n 30 "$RUN/$name.log" >&2 2>/dev/null || true
      xl_die "$name exited before $what (log: $RUN/$name.log)"
    fi
    sleep 1
  done
  tail -n 30 "$RUN/$name.log" >&2 2>/dev/null || true
  xl_die "$name: no $what within $seconds s (log: $RUN/$name.log)"
}

# ---- ports: chosen once per run dir -------------------------------------------------------------------------

# pick VAR HOST FIRST: sets VAR to the first port from FIRST that nothing answers on and no earlier pick chose.
PICKED=" "
pick() {
  local host=$2 p
  for p in $(seq "$3" $(($3 + 199))); do
    case "$PICKED" in *" $p "*) continue ;; esac
    (exec 3<>"/dev/tcp/$host/$p") 2>/dev/null && continue
    PICKED="$PICKED$p "
    printf '%s=%s\n' "$1" "$p" >>"$RUN/ports.env.new"
    return 0
  done
  xl_die "no free port on $host from $3"
}

choose_ports() {
  if [ -f "$RUN/ports.env" ]; then
    # shellcheck disable=SC1091
    . "$RUN/ports.env"
    return 0
  fi
  local n
  : >"$RUN/ports.env.new"
  for n in 1 2 3; do
    pick "DB${n}_PORT" 127.0.0.1 3316
    pick "GCOMM${n}_PORT" 127.0.0.1 14567
    pick "IST${n}_PORT" 127.0.0.1 14567
    pick "SST${n}_PORT" 127.0.0.1 14567
  done
  pick LB_PORT 127.0.0.1 18090
  pick APP1_PORT 127.0.0.1 18091
  pick APP2_PORT 127.0.0.1 18091
  pick AGENT_METRICS_PORT 127.0.0.1 18190
  pick SIM_PORT "$SIM_BASE.1" 19400
  mv "$RUN/ports.env.new" "$RUN/ports.env"
  # shellcheck disable=SC1091
  . "$RUN/ports.env"
}

# ---- Galera ---------------------------------------------------------------------------------------------------

db_port() { local v="DB$1_PORT"; echo "${!v}"; }
db() { mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$(db_port "$1")" -u root --connect-timeout=2 -N -B "${@:2}"; }
wsrep() { db "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'; }
db_ready() { [ "$(wsrep "$1" wsrep_ready)" = ON ] && [ "$(wsrep "$1" wsrep_local_state_comment)" = Synced ]; }
cluster_size_is() { [ "$(wsrep "$1" wsrep_cluster_size)" = "$2" ]; }

# As root the nodes run as 'mysql' (Debian's server package made it): a joiner's rsync daemon, started by root,
# writes as 'nobody' unless told otherwise, so root-owned data would make the state transfer fail.
as_user() { [ "$(id -u)" -eq 0 ] && echo --user=mysql || true; }
own_db_dir() { [ "$(id -u)" -eq 0 ] && chown -R mysql:mysql "$1" || true; }

write_db_config() {
  local n=$1 dir="$RUN/db$1" g i s
  g="GCOMM$1_PORT"; i="IST$1_PORT"; s="SST$1_PORT"
  mkdir -p "$dir/data" "$dir/tmp"
  cat >"$dir/my.cnf" <<EOF
# Galera node db$n of the local cluster (scripts/cluster.sh; docs/CLUSTER.md "Galera configuration").
[mysqld]
datadir = $dir/data
tmpdir = $dir/tmp
socket = $dir/mysqld.sock
pid-file = $dir/mysqld.pid
bind-address = 127.0.0.1
port = $(db_port "$n")
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-storage-engine = InnoDB
innodb_buffer_pool_size = 96M
innodb_log_file_size = 48M
# Galera needs row events and interleaved auto-increment locks.
binlog_format = ROW
innodb_autoinc_lock_mode = 2
innodb_flush_log_at_trx_commit = 2
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name = xl-cluster
wsrep_cluster_address = gcomm://127.0.0.1:$GCOMM1_PORT,127.0.0.1:$GCOMM2_PORT,127.0.0.1:$GCOMM3_PORT
wsrep_node_name = db$n
wsrep_node_address = 127.0.0.1:${!g}
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:${!g};ist.recv_addr=127.0.0.1:${!i};gcache.size=128M"
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:${!s}
# A statement in autocommit that loses certification is retried by the node itself (the app retries transactions).
wsrep_retry_autocommit = 3
EOF
  own_db_dir "$dir"
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --defaults-file="$dir/my.cnf" $(as_user) --auth-root-authentication-method=normal \
      --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; xl_die "mariadb-install-db failed for db$n"; }
  fi
}

start_db() {
  local n=$1 bootstrap=${2:-}
  running "db$n" && return 0
  write_db_config "$n"
  local args=(--defaults-file="$RUN/db$n/my.cnf" $(as_user))   # no log-error file: the log goes to RUN/dbN.log
  if [ -n "$bootstrap" ]; then
    # The first node of a new (or wholly stopped) cluster starts it; 'down' stops db1 last, so it is safe to.
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$RUN/db$n/data/grastate.dat" 2>/dev/null || true
    args+=(--wsrep-new-cluster)
  fi
  xl_log "starting db$n on 127.0.0.1:$(db_port "$n")${bootstrap:+ (bootstraps the cluster)}"
  launch "db$n" "127.0.0.1:$(db_port "$n")" "$RUN/db$n.log" /usr/sbin/mariadbd "${args[@]}"
  wait_for "a synced Galera node" 180 "db$n" db_ready "$n"
}

create_app_database() {
  db 1 <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$(cat "$RUN/db-password")';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'127.0.0.1';
SQL
}

# ---- balancer -------------------------------------------------------------------------------------------------

write_lb_config() {
  mkdir -p "$RUN/lb/tmp"
  chmod 1777 "$RUN/lb/tmp"   # nginx workers run as nobody when started by root
  cat >"$RUN/lb/nginx.conf" <<EOF
# The HTTP load balancer of the local cluster (scripts/cluster.sh; docs/CLUSTER.md "Load balancer").
daemon off;
worker_processes 1;
pid $RUN/lb/nginx.pid;
error_log $RUN/lb.log warn;
events { worker_connections 512; }
http {
  access_log $RUN/lb/access.log;
  client_body_temp_path $RUN/lb/tmp/body;
  proxy_temp_path $RUN/lb/tmp/proxy;
  fastcgi_temp_path $RUN/lb/tmp/fastcgi;
  uwsgi_temp_path $RUN/lb/tmp/uwsgi;
  scgi_temp_path $RUN/lb/tmp/scgi;
  client_max_body_size 64m;
  # Round robin, no stickiness (sessions live in the database). Passive health: a replica that refuses or times
  # out is left out for fail_timeout, and the request goes to the other one.
  upstream xl_replicas {
    server 127.0.0.1:$APP1_PORT max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$APP2_PORT max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://xl_replicas;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Connection "";
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      # The status stream (server-sent events) must not be buffered or cut.
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
EOF
}

start_lb() {
  running lb && return 0
  write_lb_config
  nginx -t -p "$RUN/lb" -e "$RUN/lb.log" -c "$RUN/lb/nginx.conf" >/dev/null 2>&1 \
    || { nginx -t -p "$RUN/lb" -e "$RUN/lb.log" -c "$RUN/lb/nginx.conf" || true; xl_die "nginx refused its configuration"; }
  xl_log "starting lb (nginx) on 127.0.0.1:$LB_PORT"
  launch lb "127.0.0.1:$LB_PORT" "$RUN/lb.log" nginx -p "$RUN/lb" -e "$RUN/lb.log" -c "$RUN/lb/nginx.conf"
}

# ---- replicas -------------------------------------------------------------------------------------------------

healthy() { curl -fsS -m 3 "$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; }

start_app() {
  local n=$1 port_var="APP$1_PORT"
  local port=${!port_var}
  running "app$n" && return 0
  mkdir -p "$RUN/app$n"
  xl_log "starting app$n on 127.0.0.1:$port"
  # Every replica: the same database (sequential failover: all use db1 while it lives, so writes do not conflict
  # between nodes), the same secret key and audit signing key, its own data dir for nothing else.
  launch "app$n" "127.0.0.1:$port" "$RUN/app$n.log" env \
    XL_PORT="$port" XL_BIND=127.0.0.1 XL_DEMO=false XL_EMBEDDED_AGENT=false \
    XL_DATA_DIR="$RUN/app$n" \
    XL_DB_URL="jdbc:mariadb:sequential://127.0.0.1:$DB1_PORT,127.0.0.1:$DB2_PORT,127.0.0.1:$DB3_PORT/$DB_NAME" \
    XL_DB_USER="$DB_USER" XL_DB_PASSWORD="$(cat "$RUN/db-password")" \
    XL_SECRET_KEY="$(cat "$RUN/secret-key")" \
    XL_AUDIT_CHECKPOINT_KEY="$RUN/shared/audit-signing.key" \
    XL_AUDIT_CHECKPOINT_LOG="$RUN/shared/audit-checkpoints.log" \
    XL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java -Xmx512m -jar "$JAR"
  wait_for "healthy /actuator/health" "${XL_CLUSTER_APP_START_SECONDS:-240}" "app$n" healthy "http://127.0.0.1:$port"
}

# ---- agent, devices and simulator -----------------------------------------------------------------------------

# Once per run dir: the devices the agent probes (TCP, the simulator's addresses; one already there is kept), then
# an agent for zone 'cluster' whose token is kept in RUN/agent/token (shown once by the server).
register_fleet() {
  [ -s "$RUN/agent/token" ] && return 0
  mkdir -p "$RUN/agent"
  xl_log "registering $DEVICES simulated devices and agent '$ZONE' through the balancer"
  local i code today created project
  today=$(date -u +%F)
  # The reference project's id: Galera hands out auto-increment ids by node (auto_increment_offset = the node's place
  # in the cluster), so on a fresh cluster it is 1, 2 or 3. Kept in RUN/project-id for the tests and benchmarks.
  project=$(curl -fsS -m 30 -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$LB_PORT/api/v1/projects" \
    | sed -n 's/^\[{"id":\([0-9]*\),.*/\1/p') || project=''
  [ -n "$project" ] || xl_die "no project to put the simulated devices in (GET /api/v1/projects through the balancer)"
  printf '%s\n' "$project" >"$RUN/project-id"
  for i in $(seq 1 "$DEVICES"); do
    code=$(curl -sS -o "$RUN/agent/last-answer.json" -w '%{http_code}' -m 30 -u "admin:$ADMIN_PASSWORD" \
      -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$LB_PORT/api/v1/devices" --data \
      "{\"projectId\":$project,\"assetTag\":\"XL-CLUSTER-$(printf %04d "$i")\",\"name\":\"集群演示设备 $i\",\"category\":\"SERVER\",\
\"ipAddress\":\"$SIM_BASE.$i\",\"lifecycle\":\"IN_SERVICE\",\"inServiceOn\":\"$today\",\"probeMethod\":\"TCP\",\
\"probePort\":$SIM_PORT,\"probeZone\":\"$ZONE\",\"probeIntervalSeconds\":$PROBE_INTERVAL}") || code=000
    case "$code" in
      201|409) ;;
      *) cat "$RUN/agent/last-answer.json" >&2 2>/dev/null; xl_die "could not create simulated device $i through the balancer (HTTP $code)" ;;
    esac
  done
  created=$(curl -fsS -m 30 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X POST \
    "http://127.0.0.1:$LB_PORT/api/v1/agents" --data "{\"name\":\"cluster-agent\",\"zone\":\"$ZONE\"}") \
    || xl_die "could not create agent 'cluster-agent' through the balancer (one left from an interrupted 'up'? start with a fresh XL_CLUSTER_DIR)"
  (umask 077; printf '%s' "$created" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p' >"$RUN/agent/token")
  [ -s "$RUN/agent/token" ] || xl_die "no agent token in the answer: $created"
}

start_sim() {
  running sim && return 0
  local faults=() f
  for f in ${XL_CLUSTER_SIM_FAULTS:-}; do faults+=(--fault "$f"); done
  xl_log "starting sim: $DEVICES TCP devices on $SIM_BASE.1..$DEVICES port $SIM_PORT${XL_CLUSTER_SIM_FAULTS:+, faults $XL_CLUSTER_SIM_FAULTS}"
  launch sim "$SIM_BASE.1:$SIM_PORT" "$RUN/sim.log" \
    java -Xmx128m -jar "$SIM_JAR" tcp --devices "$DEVICES" --base "$SIM_BASE.1" --port "$SIM_PORT" "${faults[@]}"
}

start_agent() {
  running agent && return 0
  xl_log "starting agent (zone $ZONE) against the balancer"
  launch agent "127.0.0.1:$AGENT_METRICS_PORT" "$RUN/agent.log" env XL_AGENT_TOKEN="$(cat "$RUN/agent/token")" \
    java -Xmx256m -jar "$AGENT_JAR" --server "http://127.0.0.1:$LB_PORT" --spool "$RUN/agent/spool" \
    --metrics "127.0.0.1:$AGENT_METRICS_PORT" --ack-log "$RUN/agent/acks.log"
}

# ---- commands -------------------------------------------------------------------------------------------------

ensure_prerequisites() {
  xl_ensure_build_tools
  xl_ensure_cluster_packages
  if [ -z "${XL_JAR:-}" ] && { xl_jar_stale "$JAR" || [ ! -f "$AGENT_JAR" ] || [ ! -f "$SIM_JAR" ]; }; then
    xl_log "building the jars (mvn -B -q -DskipTests package)"
    mvn -B -q -ntp -DskipTests package
  fi
  for f in "$JAR" "$AGENT_JAR" "$SIM_JAR"; do [ -f "$f" ] || xl_die "missing $f"; done
}

up() {
  ensure_prerequisites
  mkdir -p "$RUN/shared"
  [ "$(id -u)" -eq 0 ] && chmod o+x "$RUN"   # the database nodes run as 'mysql' and must reach their dirs
  choose_ports
  [ -s "$RUN/db-password" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$RUN/db-password")
  [ -s "$RUN/secret-key" ] || (umask 077; head -c 32 /dev/urandom | base64 >"$RUN/secret-key")

  if ! running db1 && ! running db2 && ! running db3; then
    start_db 1 bootstrap
  else
    start_db 1
  fi
  start_db 2
  start_db 3
  wait_for "wsrep_cluster_size=3" 60 db1 cluster_size_is 1 3
  create_app_database

  # app1 first: it runs the migrations and writes the first-start data; app2 then finds them done.
  start_app 1
  start_app 2
  start_lb
  wait_for "a healthy balancer" 60 lb healthy "http://127.0.0.1:$LB_PORT"
  register_fleet
  start_sim
  start_agent
  echo "http://127.0.0.1:$LB_PORT/"
}

status() {
  [ -f "$RUN/ports.env" ] || { for n in "${NAMES[@]}"; do echo "$n - -"; done; return 3; }
  local n rc=0
  for n in "${NAMES[@]}"; do
    if running "$n"; then
      echo "$n $(pid_of "$n") $(cat "$RUN/$n.addr")"
    else
      echo "$n - $(cat "$RUN/$n.addr" 2>/dev/null || echo -)"
      rc=3
    fi
  done
  return $rc
}

down() {
  local n pids=() p
  for n in "${NAMES[@]}"; do p=$(pid_of "$n"); [ -n "$p" ] && pids+=("$p"); done
  # Clients first, then the replicas, then the database nodes with db1 last (it bootstraps the next 'up').
  for n in agent sim lb app2 app1 db3 db2 db1; do stop "$n"; done
  local left=()
  for p in "${pids[@]}"; do
    # Also the children (nginx workers, an rsync SST daemon), which share the session of each process.
    while read -r q; do [ -n "$q" ] && left+=("$q"); done < <(ps -o pid= -s "$p" 2>/dev/null || true)
  done
  if [ "${#left[@]}" -gt 0 ]; then
    xl_log "still running after stop: ${left[*]}: SIGKILL"
    kill -KILL "${left[@]}" 2>/dev/null || true
    sleep 1
    for p in "${left[@]}"; do kill -0 "$p" 2>/dev/null && xl_die "process $p is still running"; done
  fi
  echo "stopped (data kept in $RUN)"
}

# start_one NAME: starts one process of a cluster that was brought up (ports, keys and token already chosen); the
# same launch lines as 'up', so a restarted process is the one 'up' would have started.
start_one() {
  [ -f "$RUN/ports.env" ] || xl_die "no cluster in $RUN: run 'up' first"
  choose_ports
  case "$1" in
    db1|db2|db3)
      # A node that was killed rejoins the cluster of the others (IST from their gcache, or SST); bootstrap only
      # when no other node is running.
      local n=${1#db} others=0 m
      for m in 1 2 3; do [ "$m" != "$n" ] && running "db$m" && others=$((others + 1)); done
      if [ "$others" -eq 0 ]; then start_db "$n" bootstrap; else start_db "$n"; fi ;;
    lb) start_lb ;;
    app1|app2) start_app "${1#app}" ;;
    agent) start_agent ;;
    sim) start_sim ;;
    *) xl_die "unknown process '$1' (one of ${NAMES[*]})" ;;
  esac
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  start) [ -n "${2:-}" ] || xl_die "start NAME"; start_one "$2" ;;
  stop) [ -n "${2:-}" ] || xl_die "stop NAME"; case " ${NAMES[*]} " in *" $2 "*) stop "$2" ;; *) xl_die "unknown process '$2'" ;; esac ;;
  restart) [ -n "${2:-}" ] || xl_die "restart NAME"; stop "$2"; start_one "$2" ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
