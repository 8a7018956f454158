#!/usr/bin/env bash
# The cluster test of scripts/test.sh (docs/CLUSTER.md "Test"): starts a fresh local cluster with scripts/cluster.sh
# in a temporary XL_CLUSTER_DIR, then checks, printing one "ok N - …" or "not ok N - …" line per check (TAP):
#   the Galera cluster has 3 synced nodes; status lists the 8 processes; the balancer serves a login;
#   a device created through the balancer reads back the same from both replicas directly and from every node;
#   the agent's results arrive; then the fault test's short form (scripts/lib/cluster-faults.sh: the agent, a Galera
#   node and a replica SIGKILLed, the balancer answering meanwhile, a spool reset; 0 lost and 0 duplicated results,
#   the same states from both replicas, no outage counted twice, rollups equal a recomputation);
# and 'down' leaves no process running. Ends with "# pass N" / "# fail N"; exit status 1 when a check failed.
#
#   scripts/lib/cluster-test.sh      (uses the jars in */target; set XL_JAR / XL_AGENT_JAR / XL_SIMULATOR_JAR to choose)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
export XL_CLUSTER_DIR="${XL_CLUSTER_TEST_DIR:-$(mktemp -d /tmp/xl-cluster-test.XXXXXX)}"
export XL_ADMIN_PASSWORD=Test-Chief-Passw0rd
export XL_CLUSTER_DEVICES=10
export XL_CLUSTER_PROBE_INTERVAL=10   # the smallest the API accepts: the fault test needs results flowing
# A replica restarted by the fault test starts while the rest of the cluster runs: on a loaded 2-core CI runner that
# took 4 minutes.
export XL_CLUSTER_APP_START_SECONDS="${XL_CLUSTER_APP_START_SECONDS:-480}"
CLUSTER="$ROOT/scripts/cluster.sh"
LOG="$XL_CLUSTER_DIR/cluster-test.log"

pass=0; fail=0; n=0
check() {   # check DESCRIPTION CMD...: runs CMD, prints a TAP line
  local what=$1
  shift
  n=$((n + 1))
  if "$@" >>"$LOG" 2>&1; then
    pass=$((pass + 1)); echo "ok $n - $what"
  else
    fail=$((fail + 1)); echo "not ok $n - $what (details: $LOG)"
  fi
}

addr() { "$CLUSTER" status 2>/dev/null | awk -v n="$1" '$1 == n { print $3 }'; }
db() { mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "${1##*:}" -u root -N -B -e "$2"; }
as_admin() { curl -fsS -m 20 -u "admin:$XL_ADMIN_PASSWORD" "$@"; }

started=$(date +%s)
mkdir -p "$XL_CLUSTER_DIR"
echo "# cluster test in $XL_CLUSTER_DIR"
if ! "$CLUSTER" up >"$XL_CLUSTER_DIR/up.log" 2>&1; then
  tail -n 40 "$XL_CLUSTER_DIR/up.log" | sed 's/^/# /'
  echo "not ok 1 - cluster.sh up"
  "$CLUSTER" down >/dev/null 2>&1
  echo "# pass 0"; echo "# fail 1"
  exit 1
fi
URL=$(tail -n 1 "$XL_CLUSTER_DIR/up.log")
check "cluster.sh up printed the balancer URL ($URL) and it is healthy" \
  bash -c "curl -fsS -m 5 '${URL}actuator/health' | grep -q '\"status\":\"UP\"'"

status_is_complete() {
  local out
  out=$("$CLUSTER" status) || return 1
  echo "$out"
  [ "$(echo "$out" | awk '{print $1}' | tr '\n' ' ')" = "db1 db2 db3 lb app1 app2 agent sim " ] \
    && echo "$out" | awk '$2 !~ /^[0-9]+$/ || $3 !~ /:[0-9]+$/ { bad = 1 } END { exit bad }'
}
check "status lists db1 db2 db3 lb app1 app2 agent sim, each with a PID and address" status_is_complete

three_synced_nodes() {
  local d
  for d in db1 db2 db3; do
    [ "$(db "$(addr "$d")" "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')" = 3 ] || return 1
    [ "$(db "$(addr "$d")" "SHOW GLOBAL STATUS LIKE 'wsrep_local_state_comment'" | awk '{print $2}')" = Synced ] || return 1
  done
}
check "every Galera node sees wsrep_cluster_size=3 and is Synced" three_synced_nodes

JAR_FILE="$XL_CLUSTER_DIR/cookies"
xsrf() { awk '$6 == "XSRF-TOKEN" { t = $7 } END { print t }' "$JAR_FILE"; }
# As the browser does: a first visit gives a session and an XSRF token, the form login sends it back.
browser_login() {
  curl -fsS -m 20 -c "$JAR_FILE" -b "$JAR_FILE" -o /dev/null -H 'X-Requested-With: XMLHttpRequest' "${URL}api/v1/auth/me"
  [ -n "$(xsrf)" ] || return 1
  curl -fsS -m 20 -c "$JAR_FILE" -b "$JAR_FILE" -o /dev/null -H "X-XSRF-TOKEN: $(xsrf)" -X POST "${URL}api/v1/auth/login" \
    --data-urlencode username=admin --data-urlencode "password=$XL_ADMIN_PASSWORD" || return 1
  # Round robin: these requests go to both replicas, which share the session through the database.
  local i
  for i in 1 2 3 4; do
    curl -fsS -m 20 -b "$JAR_FILE" "${URL}api/v1/auth/me" | grep -q '"username":"admin"' || return 1
  done
}
check "a form login through the balancer holds across requests to both replicas (sessions in the database)" browser_login

TAG="XL-CLUSTER-TEST-$(date +%s)"
PROJECT=$(cat "$XL_CLUSTER_DIR/project-id")  # the reference project, as cluster.sh found it (not always id 1 on Galera)
create_and_read_back() {
  curl -fsS -m 20 -c "$JAR_FILE" -b "$JAR_FILE" -H "X-XSRF-TOKEN: $(xsrf)" -o "$XL_CLUSTER_DIR/created.json" \
    -H 'Content-Type: application/json' -X POST "${URL}api/v1/devices" \
    --data "{\"projectId\":$PROJECT,\"assetTag\":\"$TAG\",\"name\":\"集群测试设备\",\"category\":\"SERVER\",\"ipAddress\":\"127.20.201.1\",\"lifecycle\":\"PLANNED\"}" || return 1
  local id a b
  id=$(sed -n 's/^{"id":\([0-9]*\).*/\1/p; s/.*"id":\([0-9]*\).*/\1/p' "$XL_CLUSTER_DIR/created.json" | head -n1)
  [ -n "$id" ] || return 1
  a=$(as_admin "http://$(addr app1)/api/v1/devices/$id") || return 1
  b=$(as_admin "http://$(addr app2)/api/v1/devices/$id") || return 1
  echo "app1: $a"; echo "app2: $b"
  [ "$a" = "$b" ] && echo "$a" | grep -q "\"$TAG\""
}
check "a device created in that browser session through the balancer reads back the same from app1 and app2 directly" create_and_read_back

on_every_node() {
  local d
  for d in db1 db2 db3; do
    [ "$(db "$(addr "$d")" "SELECT COUNT(*) FROM xueliang.device WHERE asset_tag = '$TAG'")" = 1 ] || return 1
  done
}
check "the device row is on every Galera node" on_every_node

results_arrive() {
  local i
  for i in $(seq 1 90); do
    as_admin "${URL}api/v1/status/summary?projectId=$PROJECT" | grep -o '"assetTag":"XL-CLUSTER-0001"[^}]*"state":"UP"' && return 0
    sleep 1
  done
  return 1
}
check "the standalone agent's results reach the replicas (a simulated device is UP)" results_arrive

# The fault test, short form (docs/CLUSTER.md "Fault test"; the full one is bench/cluster-faults/run.sh): with
# results flowing, two devices fail and recover, the agent is SIGKILLed twice, Galera node db1 (the one the replicas
# write through) once, app1 once (the balancer must answer meanwhile), the agent's spool is deleted once; then the
# figures must hold: 0 lost and 0 duplicated results, the same states from both replicas, no outage counted twice,
# daily rollups equal to a recomputation.
# shellcheck source=scripts/lib/cluster-faults.sh
. "$ROOT/scripts/lib/cluster-faults.sh"
check "simulator restarted with devices 1 and 2 down" cf_sim_faults "0=down 1=down"
check "devices 1 and 2 are DOWN" cf_await DOWN 1 2
check "the agent SIGKILLed while it sends and restarted on the same spool" cf_kill_agent
check "Galera node db1 SIGKILLed: results still stored through db2; db1 rejoins and is Synced" cf_kill_db 1
check "with app1 killed (SIGKILL) the balancer answers every request from app2; app1 restarted" cf_kill_replica 1
check "simulator restarted with every device answering" cf_sim_faults ""
check "devices 1 and 2 are UP again" cf_await UP 1 2
check "the agent stopped, its spool deleted and started again (a new epoch)" cf_reset_spool
check "the agent SIGKILLed again and restarted" cf_kill_agent
check "results flow after the faults" cf_results_flow 60
check "the agent drains its spool and stops cleanly" cf_settle
check_counts() {   # check_counts DESCRIPTION CMD...: a check whose "# …" lines (the counts) also go to stdout
  local what=$1 out="$XL_CLUSTER_DIR/check-output" rc
  shift
  "$@" >"$out" 2>&1; rc=$?   # not in a subshell: the counts it sets are printed in the summary below
  cat "$out" >>"$LOG"
  grep '^# ' "$out" | grep -v '^# \[faults' || true
  check "$what" test "$rc" -eq 0
}
check_counts "0 lost and 0 duplicated results: the agent's ack log against probe_result" cf_check_results
check_counts "every simulated device's state reads the same from app1 and app2" cf_check_states_equal
check_counts "no outage counted twice: no overlapping state intervals, at most one open per device" cf_check_outages
check_counts "the simulated faults were seen: devices went DOWN and came UP again" cf_check_state_machine 2
check_counts "daily rollups (RollupService) equal a recomputation from the state intervals" cf_check_rollups
echo "# fault test: $(cf_summary_json)"

all_stopped() {
  local pids
  pids=$(awk '{print $1}' "$XL_CLUSTER_DIR"/*.pid 2>/dev/null)
  "$CLUSTER" down || return 1
  local p
  for p in $pids; do
    if ps -p "$p" >/dev/null 2>&1; then echo "pid $p still running"; return 1; fi
  done
  ! ls "$XL_CLUSTER_DIR"/*.pid >/dev/null 2>&1
}
check "cluster.sh down stops every process (checked with ps)" all_stopped

echo "# cluster test took $(( $(date +%s) - started )) s"
echo "# pass $pass"
echo "# fail $fail"
if [ "$fail" -eq 0 ] && [ -z "${XL_CLUSTER_TEST_DIR:-}" ]; then
  rm -rf "$XL_CLUSTER_DIR"
fi
[ "$fail" -eq 0 ]
