# The fault test's steps and assertions (issue 12 item 4, docs/CLUSTER.md "Fault test"), sourced by both runs of it:
# the short one in scripts/lib/cluster-test.sh (part of scripts/test.sh) and the full one, bench/cluster-faults/run.sh.
# The caller has brought a cluster up with scripts/cluster.sh and sets CLUSTER (the path of cluster.sh) and
# XL_CLUSTER_DIR. Each step answers 0 or 1 and says what it did on stdout ("# …" lines, TAP comments); the counts
# land in CF_* variables, which cf_summary_json prints as the one-line summary.
#
#   faults:     cf_kill_replica N, cf_kill_agent, cf_kill_db N (waits until the node is Synced again),
#               cf_reset_spool (clean stop, spool deleted, a new epoch), cf_sim_faults "I=down …" (simulator faults)
#   assertions: cf_settle (drains and stops the agent, then the figures are final), cf_check_results (0 lost,
#               0 duplicated), cf_check_states_equal, cf_check_outages, cf_check_rollups, cf_check_state_machine
#
# Results are read from Galera node CF_READ_NODE (db3 unless told: a node the fault runs do not kill).

CF_RUN="$XL_CLUSTER_DIR"
CF_READ_NODE="${CF_READ_NODE:-3}"
CF_STARTED=$(date +%s)
CF_REPLICA_KILLS=0 CF_AGENT_KILLS=0 CF_DB_KILLS=0 CF_SPOOL_RESETS=0
CF_ACKED=0 CF_STORED=0 CF_LOST=-1 CF_DUPLICATED=-1 CF_REPEATED=0 CF_UNACKED=0 CF_UNACKED_BATCHES=0 CF_REJECTED=0
CF_EPOCHS=0 CF_STATES_EQUAL=false CF_OVERLAPS=-1 CF_MULTI_OPEN=-1 CF_ROLLUP_ROWS=0 CF_ROLLUP_MISMATCHES=-1
CF_DOWN_THEN_UP=0
CF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The rollup step runs the backend's RollupService from the bench module (bench/target after a Maven package).
CF_BENCH_CP="${XL_BENCH_CP:-$CF_ROOT/bench/target/classes:$CF_ROOT/bench/target/lib/*}"
# The county's time zone, as the replicas use it (ClockConfig, XL_TIMEZONE): rollup days are county days.
CF_ZONE="${XL_TIMEZONE:-Asia/Shanghai}"

cf_log() { echo "# [faults +$(($(date +%s) - CF_STARTED)) s] $*"; }
cf_status() { "$CLUSTER" status 2>/dev/null | awk -v n="$1" -v f="$2" '$1 == n { print $f }'; }
cf_pid() { cf_status "$1" 2; }
cf_addr() { cf_status "$1" 3; }
# cf_sql N SQL: one statement on Galera node dbN, database xueliang, tab-separated rows without a header.
cf_sql() { mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$(cf_addr "db$1" | sed 's/.*://')" -u root -N -B xueliang ${2:+-e "$2"}; }
cf_read() { cf_sql "$CF_READ_NODE" "$1"; }
cf_metric() { curl -fsS -m 3 "http://$(cf_addr agent)/metrics" 2>/dev/null | awk -v m="$1" '$1 == m { print $2 }'; }
cf_agent_id() { cf_read "SELECT id FROM probe_agent WHERE name = 'cluster-agent'"; }
cf_stored_count() { cf_read "SELECT COUNT(*) FROM probe_result WHERE agent_id = $(cf_agent_id)"; }

# cf_wait SECONDS CMD...: polls CMD once a second until it succeeds; 1 when time is up.
cf_wait() {
  local seconds=$1 i
  shift
  for i in $(seq 1 "$seconds"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}

# cf_sigkill NAME: SIGKILL, as a crash or a pulled plug would; returns once the process is gone.
cf_sigkill() {
  local pid
  pid=$(cf_pid "$1")
  case "$pid" in '' | -) echo "# $1 is not running"; return 1 ;; esac
  kill -KILL "$pid" || return 1
  cf_wait 30 bash -c "! kill -0 $pid" || { echo "# $1 (pid $pid) still there after SIGKILL"; return 1; }
}

# cf_results_flow SECONDS: new results are stored (read from a node that is up) within SECONDS.
cf_results_flow() {
  local before
  before=$(cf_stored_count) || return 1
  cf_wait "$1" cf_stored_more_than "$before"
}
cf_stored_more_than() { local n; n=$(cf_stored_count) && [ "$n" -gt "$1" ]; }

cf_metric_moved() { local v; v=$(cf_metric "$1") && [ -n "$v" ] && [ "$v" != "$2" ]; }
cf_agent_answers() { [ -n "$(cf_metric xl_agent_spool_depth)" ]; }
cf_spool_empty() { [ "$(cf_metric xl_agent_spool_depth)" = 0 ]; }

# cf_kill_replica N: SIGKILLs appN; the balancer must answer every request meanwhile (the agent's batches go to the
# other replica); then starts it again with cluster.sh's own launch line and waits until it is healthy.
cf_kill_replica() {
  local n=$1 ok=0 i
  cf_results_flow 60 || { echo "# no results flowing before the kill of app$n"; return 1; }
  cf_sigkill "app$n" || return 1
  CF_REPLICA_KILLS=$((CF_REPLICA_KILLS + 1))
  for i in $(seq 1 10); do
    curl -fsS -m 10 -o /dev/null -u "admin:$XL_ADMIN_PASSWORD" "http://$(cf_addr lb)/api/v1/devices?size=1" && ok=$((ok + 1))
  done
  cf_log "app$n SIGKILLed (replica kill $CF_REPLICA_KILLS); $ok of 10 requests through the balancer answered"
  "$CLUSTER" start "app$n" >/dev/null || { echo "# app$n did not start again"; return 1; }
  cf_log "app$n restarted and healthy"
  [ "$ok" -eq 10 ]
}

# cf_kill_agent: SIGKILLs the agent right after it had a batch acknowledged (the next one is then being sealed or
# sent), starts it again on the same spool: what it spooled is sent again, what the backend had is a duplicate.
cf_kill_agent() {
  local sent
  sent=$(cf_metric xl_agent_batches_sent_total)
  cf_wait 60 cf_metric_moved xl_agent_batches_sent_total "${sent:-none}" || { echo "# the agent acknowledged no batch within 60 s"; return 1; }
  cf_sigkill agent || return 1
  CF_AGENT_KILLS=$((CF_AGENT_KILLS + 1))
  sleep 3   # while it is away its devices are not probed; the backend sees a short silence, no more
  "$CLUSTER" start agent >/dev/null || return 1
  cf_wait 60 cf_agent_answers || { echo "# the restarted agent does not answer on its metrics port"; return 1; }
  cf_log "agent SIGKILLed (agent kill $CF_AGENT_KILLS) and restarted on the same spool"
}

# cf_kill_db N: SIGKILLs Galera node dbN; the other two keep quorum and results keep being stored (through them);
# then starts it again: it rejoins by IST or SST, and cluster.sh returns once it is Synced.
cf_kill_db() {
  local n=$1 t
  cf_sigkill "db$n" || return 1
  CF_DB_KILLS=$((CF_DB_KILLS + 1))
  cf_log "db$n SIGKILLed (node kill $CF_DB_KILLS)"
  cf_results_flow 90 || { echo "# no results stored within 90 s of losing db$n"; return 1; }
  cf_log "results are stored without db$n"
  t=$(date +%s)
  "$CLUSTER" start "db$n" >/dev/null || { echo "# db$n did not rejoin"; return 1; }
  [ "$(cf_sql "$n" "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" | awk '{ print $2 }')" = 3 ] || return 1
  cf_log "db$n rejoined and is Synced after $(($(date +%s) - t)) s ($(grep -c 'IST received\|SST.*complete\|State transfer.*complete' "$CF_RUN/db$n.log" 2>/dev/null) transfer lines in its log)"
}

# cf_reset_spool: once the backlog is sent, stops the agent cleanly, deletes its spool and starts it again: the new
# spool has a new epoch and starts at seq 1, which the backend must not take for duplicates of the old one.
cf_reset_spool() {
  cf_wait 120 cf_spool_empty || { echo "# the agent's spool did not drain"; return 1; }
  "$CLUSTER" stop agent >/dev/null || return 1
  rm -rf "$CF_RUN/agent/spool"
  CF_SPOOL_RESETS=$((CF_SPOOL_RESETS + 1))
  "$CLUSTER" start agent >/dev/null || return 1
  cf_wait 60 cf_agent_answers || return 1
  cf_log "agent stopped, spool deleted, started again (spool reset $CF_SPOOL_RESETS: a new epoch)"
}

# cf_sim_faults "I=down …": restarts the simulator with these faults (none: all devices answer), so devices go DOWN
# and come UP again while the faults run: the state machine and the outage intervals are exercised.
cf_sim_faults() {
  XL_CLUSTER_SIM_FAULTS="$1" "$CLUSTER" restart sim >/dev/null || return 1
  cf_log "simulator restarted with faults '${1:-none}'"
}

# cf_devices_in STATE N…: every one of the simulated devices N (1-based: 127.20.200.N) is in STATE now.
cf_devices_in() {
  local state=$1 ips
  shift
  ips=$(printf "'127.20.200.%s'," "$@")
  [ "$(cf_read "SELECT COUNT(*) FROM device_status s JOIN device d ON d.id = s.device_id
      WHERE d.ip_address IN (${ips%,}) AND s.state = '$state'")" = "$#" ]
}

# cf_await STATE N…: waits (at most 120 s) until those devices are in STATE. The steps after a simulator restart wait
# for the state machine to follow it (3 failed probes make DOWN, one success UP), so on a fast machine the next fault
# cannot come before the devices have failed or recovered, and the outages are really exercised.
cf_await() {
  cf_wait 120 cf_devices_in "$@" || { echo "# devices $* of 127.20.200.x did not reach $1"; return 1; }
  cf_log "devices ${*:2} are $1"
}

# cf_settle: lets the agent send its backlog, stops it cleanly (its acknowledgements are then final), and waits
# until the replicas have nothing of it in flight.
cf_settle() {
  cf_wait 180 cf_spool_empty || { echo "# the agent's spool did not drain"; return 1; }
  "$CLUSTER" stop agent >/dev/null || return 1
  sleep 5
  cf_log "agent drained and stopped cleanly"
}

# cf_check_results: the agent's ack log against probe_result (node CF_READ_NODE). A result is the same when agent,
# device and method are and probed_at is within 1 ms of STARTED_AT (DATETIME(3) keeps milliseconds).
#   acked      distinct acknowledged results (a batch resent after a kill is logged twice, counted once)
#   lost       acknowledged but not stored                                                  must be 0
#   repeated   rows stored more than once for the same agent, device, method and probed_at
#   unacked    rows stored but not in the ack log; allowed only as results of batches the backend applied and the
#              agent never heard of: one in flight when the agent was stopped cleanly (its sender is interrupted;
#              the batch stays in the spool) or reset. Rows beyond those batches' results are extra rows.
#   duplicated repeated + extra rows                                                        must be 0
cf_check_results() {
  local agent log="$CF_RUN/agent/acks.log" sql="$CF_RUN/acks.sql" out
  agent=$(cf_agent_id) || return 1
  [ -s "$log" ] || { echo "# no ack log at $log"; return 1; }
  # The ack log into a scratch database of the cluster: batches and results, the ISO times as DATETIME(6).
  awk -v agent="$agent" '
    BEGIN {
      print "DROP DATABASE IF EXISTS faultcheck; CREATE DATABASE faultcheck;"
      print "CREATE TABLE faultcheck.ack_batch (id INT AUTO_INCREMENT PRIMARY KEY, epoch VARCHAR(36), seq BIGINT, results INT, rejected INT) ENGINE=InnoDB;"
      print "CREATE TABLE faultcheck.ack_result (id INT AUTO_INCREMENT PRIMARY KEY, epoch VARCHAR(36), seq BIGINT, device_id BIGINT, method VARCHAR(8), started_at DATETIME(6), KEY (device_id, started_at)) ENGINE=InnoDB;"
      print "START TRANSACTION;"
    }
    END { print "COMMIT;" }
    function epoch(e) { return e == "-" ? "legacy" : e }
    # A line cut short by a kill is skipped (AckLog: its batch was still spooled, it is sent and logged again).
    $1 == "batch" && NF == 7 && $7 ~ /^(true|false)$/ { printf "INSERT INTO faultcheck.ack_batch (epoch, seq, results, rejected) VALUES (\"%s\",%d,%d,%d);\n", epoch($2), $3, $4, $6 }
    $1 == "result" && NF == 6 && $6 ~ /Z$/ {
      t = $6; sub(/Z$/, "", t); sub(/T/, " ", t)
      if (match(t, /\.[0-9]+/)) t = substr(t, 1, RSTART + 6 < length(t) ? RSTART + 6 : length(t))
      printf "INSERT INTO faultcheck.ack_result (epoch, seq, device_id, method, started_at) VALUES (\"%s\",%d,%d,\"%s\",\"%s\");\n", epoch($2), $3, $4, $5, t
    }' "$log" >"$sql"
  cf_sql "$CF_READ_NODE" <"$sql" || { echo "# could not load the ack log ($sql)"; return 1; }
  # shellcheck disable=SC2016
  out=$(cf_read "
    WITH acked AS (SELECT DISTINCT device_id, method, started_at FROM faultcheck.ack_result),
         stored AS (SELECT id, device_id, method, probed_at FROM probe_result WHERE agent_id = $agent),
         unacked_batches AS (SELECT b.epoch, b.seq, b.result_count FROM agent_batch b WHERE b.agent_id = $agent
                             AND NOT EXISTS (SELECT 1 FROM faultcheck.ack_batch a WHERE a.epoch = b.epoch AND a.seq = b.seq))
    SELECT (SELECT COUNT(*) FROM acked),
           (SELECT COUNT(*) FROM stored),
           (SELECT COUNT(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.device_id = a.device_id
                AND s.method = a.method AND s.probed_at BETWEEN a.started_at - INTERVAL 1000 MICROSECOND AND a.started_at + INTERVAL 1000 MICROSECOND)),
           (SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) n FROM stored GROUP BY device_id, method, probed_at HAVING COUNT(*) > 1) r),
           (SELECT COUNT(*) FROM stored s WHERE NOT EXISTS (SELECT 1 FROM acked a WHERE a.device_id = s.device_id
                AND a.method = s.method AND s.probed_at BETWEEN a.started_at - INTERVAL 1000 MICROSECOND AND a.started_at + INTERVAL 1000 MICROSECOND)),
           (SELECT COUNT(*) FROM unacked_batches),
           (SELECT COALESCE(SUM(result_count), 0) FROM unacked_batches),
           (SELECT COALESCE(SUM(rejected), 0) FROM (SELECT DISTINCT epoch, seq, rejected FROM faultcheck.ack_batch) r),
           (SELECT COUNT(DISTINCT epoch) FROM agent_batch WHERE agent_id = $agent)") || return 1
  local unacked_batch_results
  read -r CF_ACKED CF_STORED CF_LOST CF_REPEATED CF_UNACKED CF_UNACKED_BATCHES unacked_batch_results CF_REJECTED CF_EPOCHS <<<"$out"
  local extra=$((CF_UNACKED > unacked_batch_results ? CF_UNACKED - unacked_batch_results : 0))
  CF_DUPLICATED=$((CF_REPEATED + extra))
  echo "# results: acked $CF_ACKED, stored $CF_STORED, lost $CF_LOST, duplicated $CF_DUPLICATED (stored twice $CF_REPEATED," \
    "stored unacknowledged $CF_UNACKED of $CF_UNACKED_BATCHES applied batches with $unacked_batch_results results the agent never heard of)," \
    "refused $CF_REJECTED, epochs $CF_EPOCHS"
  [ "$CF_ACKED" -gt 0 ] && [ "$CF_LOST" -eq 0 ] && [ "$CF_DUPLICATED" -eq 0 ] && [ "$CF_REJECTED" -eq 0 ] \
    && [ "$CF_EPOCHS" -eq $((CF_SPOOL_RESETS + 1)) ]
}

# cf_check_states_equal: every simulated device's state, and the status summary, read from app1 and from app2
# directly (not through the balancer) are the same JSON. Three tries: a state may change between the two reads.
cf_check_states_equal() {
  local try ids id a b same project
  ids=$(cf_read "SELECT id FROM device WHERE asset_tag LIKE 'XL-CLUSTER-%' ORDER BY id") || return 1
  project=$(cat "$CF_RUN/project-id") || return 1  # the reference project, as cluster.sh found it
  for try in 1 2 3; do
    a=$(curl -fsS -m 20 -u "admin:$XL_ADMIN_PASSWORD" "http://$(cf_addr app1)/api/v1/status/summary?projectId=$project") || return 1
    b=$(curl -fsS -m 20 -u "admin:$XL_ADMIN_PASSWORD" "http://$(cf_addr app2)/api/v1/status/summary?projectId=$project") || return 1
    same=$([ "$a" = "$b" ] && echo yes)
    for id in $ids; do
      a=$(curl -fsS -m 20 -u "admin:$XL_ADMIN_PASSWORD" "http://$(cf_addr app1)/api/v1/devices/$id/status") || return 1
      b=$(curl -fsS -m 20 -u "admin:$XL_ADMIN_PASSWORD" "http://$(cf_addr app2)/api/v1/devices/$id/status") || return 1
      [ "$a" = "$b" ] || { same=; echo "# device $id: app1 $a"; echo "# device $id: app2 $b"; }
    done
    if [ -n "$same" ]; then
      CF_STATES_EQUAL=true
      echo "# device states: $(echo "$ids" | wc -w) devices and the summary read the same from app1 and app2"
      return 0
    fi
    sleep 2
  done
  CF_STATES_EQUAL=false
  return 1
}

# cf_check_outages: no outage counted twice. Per device the state intervals do not overlap and at most one is open.
cf_check_outages() {
  CF_OVERLAPS=$(cf_read "SELECT COUNT(*) FROM device_state_interval a JOIN device_state_interval b
      ON b.device_id = a.device_id AND b.id > a.id
     AND a.started_at < COALESCE(b.ended_at, '9999-12-31') AND b.started_at < COALESCE(a.ended_at, '9999-12-31')") || return 1
  CF_MULTI_OPEN=$(cf_read "SELECT COUNT(*) FROM (SELECT device_id FROM device_state_interval WHERE ended_at IS NULL
      GROUP BY device_id HAVING COUNT(*) > 1) d") || return 1
  echo "# outages: $(cf_read "SELECT COUNT(*) FROM device_state_interval WHERE state = 'DOWN'") DOWN intervals;" \
    "overlapping interval pairs $CF_OVERLAPS, devices with more than one open interval $CF_MULTI_OPEN"
  [ "$CF_OVERLAPS" -eq 0 ] && [ "$CF_MULTI_OPEN" -eq 0 ]
}

# cf_check_state_machine: the simulator's faults were seen: devices went DOWN and later UP again.
cf_check_state_machine() {
  CF_DOWN_THEN_UP=$(cf_read "SELECT COUNT(DISTINCT d.device_id) FROM device_state_interval d JOIN device_state_interval u
      ON u.device_id = d.device_id AND u.state = 'UP' AND u.started_at >= d.ended_at WHERE d.state = 'DOWN'") || return 1
  echo "# state machine: $CF_DOWN_THEN_UP devices went DOWN and came UP again"
  [ "$CF_DOWN_THEN_UP" -ge "${1:-1}" ]
}

# cf_day_bounds DAY: the county day's start and end as UTC DATETIMEs, as the database stores times.
cf_day_bounds() {
  echo "$(TZ=UTC date -d "TZ=\"$CF_ZONE\" $1 00:00" '+%F %T') $(TZ=UTC date -d "TZ=\"$CF_ZONE\" $(date -d "$1 + 1 day" +%F) 00:00" '+%F %T')"
}

# cf_check_rollups: daily rollups equal a recomputation from the state intervals. For every county day the run
# touched, the backend's RollupService.rollUp (bench RollUpDays: the scheduled job rolls up finished days only) writes
# device_daily_rollup; then SQL recomputes each device's day from device_state_interval by DailyRollup's rules (each
# interval clipped to the day, whole seconds per interval, an open one until the day's end, time not covered is
# unknown, an outage is a DOWN interval that starts in the day; no maintenance windows in this cluster) and the two
# must agree on every device: up, degraded, down, unknown, maintenance seconds and outages.
cf_check_rollups() {
  local first days=() day ds dt de et port rollup recomputed
  first=$(cf_read "SELECT MIN(started_at) FROM device_state_interval") || return 1
  [ "$first" != NULL ] || { echo "# no state intervals"; return 1; }
  [ "$(cf_read "SELECT COUNT(*) FROM maintenance_window")" = 0 ] || { echo "# maintenance windows exist: the recomputation ignores them"; return 1; }
  day=$(TZ="$CF_ZONE" date -d "$first UTC" +%F)
  while [[ ! "$day" > "$(TZ="$CF_ZONE" date +%F)" ]]; do
    days+=("$day")
    day=$(date -d "$day + 1 day" +%F)
  done
  port=$(cf_addr "db$CF_READ_NODE" | sed 's/.*://')
  java -Xmx256m -cp "$CF_BENCH_CP" org.xueliang.tracker.bench.cluster.RollUpDays \
    "jdbc:mariadb://127.0.0.1:$port/xueliang" root "$CF_ZONE" "${days[@]}" | sed 's/^/# /' || return 1
  CF_ROLLUP_ROWS=0 CF_ROLLUP_MISMATCHES=0
  for day in "${days[@]}"; do
    read -r ds dt de et <<<"$(cf_day_bounds "$day")"
    ds="$ds $dt"; de="$de $et"
    rollup=$(cf_read "SELECT device_id, up_s, degraded_s, down_s, unknown_s, maintenance_s, outages
        FROM device_daily_rollup WHERE rollup_day = '$day' ORDER BY device_id") || return 1
    recomputed=$(cf_read "
      SELECT d.id,
             COALESCE(SUM(CASE WHEN s.state = 'UP' THEN s.secs END), 0),
             COALESCE(SUM(CASE WHEN s.state = 'DEGRADED' THEN s.secs END), 0),
             COALESCE(SUM(CASE WHEN s.state = 'DOWN' THEN s.secs END), 0),
             COALESCE(SUM(CASE WHEN s.state = 'UNKNOWN' THEN s.secs END), 0)
               + GREATEST(0, TIMESTAMPDIFF(SECOND, '$ds', '$de') - COALESCE(SUM(s.secs), 0)),
             0,
             COUNT(CASE WHEN s.state = 'DOWN' AND s.started_at >= '$ds' THEN 1 END)
      FROM device d
      LEFT JOIN (SELECT device_id, state, started_at,
                        FLOOR(TIMESTAMPDIFF(MICROSECOND, GREATEST(started_at, '$ds'), LEAST(COALESCE(ended_at, '$de'), '$de')) / 1000000) secs
                 FROM device_state_interval
                 WHERE started_at < '$de' AND (ended_at IS NULL OR ended_at > '$ds')
                   AND GREATEST(started_at, '$ds') < LEAST(COALESCE(ended_at, '$de'), '$de')) s ON s.device_id = d.id
      WHERE s.device_id IS NOT NULL
         OR (d.in_service_on <= '$day' AND (d.retired_on IS NULL OR d.retired_on > '$day'))
      GROUP BY d.id ORDER BY d.id") || return 1
    local n bad
    n=$(echo "$recomputed" | grep -c .)
    bad=$(diff <(echo "$rollup") <(echo "$recomputed") | grep -c '^[<>]' || true)
    if [ "$bad" -gt 0 ]; then
      diff <(echo "$rollup") <(echo "$recomputed") | head -20 | sed 's/^/# rollup vs recomputed: /'
      # A device line that differs shows up once on each side.
      bad=$(join -a1 -a2 <(echo "$rollup" | tr '\t' ' ' | sort) <(echo "$recomputed" | tr '\t' ' ' | sort) \
        | awk 'NF != 13 || $2 != $8 || $3 != $9 || $4 != $10 || $5 != $11 || $6 != $12 || $7 != $13' | wc -l)
    fi
    CF_ROLLUP_ROWS=$((CF_ROLLUP_ROWS + n))
    CF_ROLLUP_MISMATCHES=$((CF_ROLLUP_MISMATCHES + bad))
    echo "# rollups of $day ($CF_ZONE; $ds .. $de UTC): $(echo "$rollup" | grep -c .) rows, $n recomputed, $bad devices differ"
  done
  [ "$CF_ROLLUP_ROWS" -gt 0 ] && [ "$CF_ROLLUP_MISMATCHES" -eq 0 ]
}

cf_summary_json() {
  printf '{"acked":%d,"stored":%d,"lost":%d,"duplicated":%d,"replicaKills":%d,"agentKills":%d,"dbNodeKills":%d,"spoolResets":%d,"statesEqual":%s,"overlappingOutages":%d,"rollupMismatches":%d}\n' \
    "$CF_ACKED" "$CF_STORED" "$CF_LOST" "$CF_DUPLICATED" "$CF_REPLICA_KILLS" "$CF_AGENT_KILLS" "$CF_DB_KILLS" \
    "$CF_SPOOL_RESETS" "$CF_STATES_EQUAL" "$CF_OVERLAPS" "$CF_ROLLUP_MISMATCHES"
}
