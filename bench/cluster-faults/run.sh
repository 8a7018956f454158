#!/usr/bin/env bash
# The cluster fault test, full form (issue 12 item 4, docs/CLUSTER.md "Fault test"). Starts a fresh local cluster
# (scripts/cluster.sh: 3 Galera nodes, nginx, 2 replicas, the standalone agent with --ack-log, the simulator) in its
# own XL_CLUSTER_DIR, lets results flow (probe interval 10 s) and, on a schedule, while devices fail and recover:
#   SIGKILLs a replica 3 times (app1, app2, app1; each restarted with cluster.sh's launch line),
#   SIGKILLs the agent 5 times (restarted on the same spool), SIGKILLs Galera node db1 once (it rejoins by IST/SST),
#   stops the agent once, deletes its spool and starts it again (a new epoch).
# Then stops the agent cleanly and asserts, printing the counts: 0 lost and 0 duplicated results (ack log against
# probe_result), the same device states from app1 and app2, no overlapping outages, daily rollups equal to a
# recomputation, devices went DOWN and UP. Ends with a one-line JSON summary alone on the last line; exit 1 when an
# assertion failed. Takes 10–20 minutes (three replica starts dominate).
#
#   bench/cluster-faults/run.sh        uses the jars in */target and bench/target (mvn -B -DskipTests package)
#   XL_CLUSTER_DIR=DIR                 where the cluster lives (default: a new /tmp/xl-cluster-faults.XXXXXX)
#   XL_CLUSTER_DEVICES=N (20)          simulated devices
#   XL_KEEP_CLUSTER=1                  leave the cluster running (and its directory) for a look afterwards
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
export XL_CLUSTER_DIR="${XL_CLUSTER_DIR:-$(mktemp -d /tmp/xl-cluster-faults.XXXXXX)}"
export XL_ADMIN_PASSWORD="${XL_ADMIN_PASSWORD:-Faults-Chief-Passw0rd}"
export XL_CLUSTER_DEVICES="${XL_CLUSTER_DEVICES:-20}"
export XL_CLUSTER_PROBE_INTERVAL=10
CLUSTER="$ROOT/scripts/cluster.sh"
# The rollup step needs the bench classes; this runner never builds (a build could replace the jars in use).
[ -f "$ROOT/bench/target/classes/org/xueliang/tracker/bench/cluster/RollUpDays.class" ] && [ -d "$ROOT/bench/target/lib" ] \
  || { echo "bench/target is missing: run 'mvn -B -DskipTests package' first" >&2; exit 2; }
# shellcheck source=scripts/lib/cluster-faults.sh
. "$ROOT/scripts/lib/cluster-faults.sh"

failed=()
step() {   # step DESCRIPTION CMD...: runs one fault or assertion, prints its outcome, remembers a failure
  local what=$1
  shift
  if "$@"; then
    echo "ok - $what"
  else
    echo "FAILED - $what"
    failed+=("$what")
  fi
}

mkdir -p "$XL_CLUSTER_DIR"
echo "# cluster fault test in $XL_CLUSTER_DIR (devices: $XL_CLUSTER_DEVICES, probe interval ${XL_CLUSTER_PROBE_INTERVAL} s)"
if ! "$CLUSTER" up >"$XL_CLUSTER_DIR/up.log" 2>&1; then
  tail -n 40 "$XL_CLUSTER_DIR/up.log" | sed 's/^/# /'
  "$CLUSTER" down >/dev/null 2>&1
  echo "cluster.sh up failed"
  cf_summary_json
  exit 1
fi
cf_log "cluster up: $(tail -n 1 "$XL_CLUSTER_DIR/up.log")"
cpu_before=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$$/stat)

step "results flow" cf_results_flow 120
step "devices 1 and 2 fail" cf_sim_faults "0=down 1=down"
step "devices 1 and 2 are DOWN" cf_await DOWN 1 2
step "agent kill 1" cf_kill_agent
step "replica kill 1 (app1)" cf_kill_replica 1
step "agent kill 2" cf_kill_agent
step "Galera node kill (db1, the node the replicas write through) and rejoin" cf_kill_db 1
step "agent kill 3" cf_kill_agent
step "devices 1 and 2 recover, devices 3 and 4 fail" cf_sim_faults "2=down 3=down"
step "devices 3 and 4 are DOWN" cf_await DOWN 3 4
step "devices 1 and 2 are UP" cf_await UP 1 2
step "replica kill 2 (app2)" cf_kill_replica 2
step "spool reset (a new epoch)" cf_reset_spool
step "agent kill 4" cf_kill_agent
step "replica kill 3 (app1)" cf_kill_replica 1
step "every device answers again" cf_sim_faults ""
step "devices 3 and 4 are UP" cf_await UP 3 4
step "agent kill 5" cf_kill_agent
step "results flow after the faults" cf_results_flow 60
step "agent drained and stopped cleanly" cf_settle

echo "# ---- assertions"
step "0 lost, 0 duplicated results" cf_check_results
step "the same device states from app1 and app2" cf_check_states_equal
step "no outage counted twice" cf_check_outages
step "devices went DOWN and came UP again" cf_check_state_machine 4
step "daily rollups equal a recomputation" cf_check_rollups

echo "# faults: replica kills $CF_REPLICA_KILLS, agent kills $CF_AGENT_KILLS, Galera node kills $CF_DB_KILLS, spool resets $CF_SPOOL_RESETS"
echo "# counts: acked $CF_ACKED, stored $CF_STORED, lost $CF_LOST, duplicated $CF_DUPLICATED, states equal $CF_STATES_EQUAL," \
  "overlapping outages $CF_OVERLAPS, rollup rows $CF_ROLLUP_ROWS, rollup mismatches $CF_ROLLUP_MISMATCHES"
echo "# took $(($(date +%s) - CF_STARTED)) s wall; this script's own CPU $(( ($(awk '{ print $14 + $15 + $16 + $17 }' /proc/$$/stat) - cpu_before) / $(getconf CLK_TCK) )) s (the cluster's processes not included); timings vary with the machine's load"
if [ "${XL_KEEP_CLUSTER:-}" = 1 ]; then
  echo "# cluster left running in $XL_CLUSTER_DIR ($CLUSTER down to stop it)"
else
  "$CLUSTER" down >/dev/null 2>&1 || echo "# cluster.sh down failed"
fi
[ "${#failed[@]}" -eq 0 ] || echo "# failed: ${failed[*]}"
# (the summary goes last, alone on its line)
cf_summary_json
[ "${#failed[@]}" -eq 0 ] && [ "${XL_KEEP_CLUSTER:-}" != 1 ] && rm -rf "$XL_CLUSTER_DIR"
[ "${#failed[@]}" -eq 0 ]
