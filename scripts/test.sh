#!/usr/bin/env bash
# Runs every test of Xueliang Tracker: installs what is missing, then `mvn -B verify`
# (sql, frontend unit tests, backend tests against MariaDB), then the end-to-end suite in e2e/
# (the built jar + Debian's Chromium through playwright-core). See docs/TESTING.md.
#
#   ./scripts/test.sh                 everything (what CI runs)
#   ./scripts/test.sh --skip-e2e      prerequisites + Maven verify only
#   ./scripts/test.sh --only-e2e      prerequisites + e2e only (builds the jar with -DskipTests if stale)
#   ./scripts/test.sh --prereqs-only  only check/install the prerequisites
#   ./scripts/test.sh --skip-cluster  everything but the cluster test (scripts/lib/cluster-test.sh, docs/CLUSTER.md)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
# shellcheck source=scripts/lib/prereqs.sh
. "$ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/build.sh
. "$ROOT/scripts/lib/build.sh"

run_maven=1
run_e2e=1
run_cluster=1
for arg in "$@"; do
  case "$arg" in
    --skip-e2e) run_e2e=0 ;;
    --only-e2e) run_maven=0 ;;
    --prereqs-only) run_maven=0; run_e2e=0 ;;
    --skip-cluster) run_cluster=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$ROOT/scripts/test.sh"; exit 0 ;;
    *) xl_die "unknown option: $arg (see --help)" ;;
  esac
done
if [ "$run_maven" -eq 0 ] && [ "$run_e2e" -eq 0 ] && [ "$*" != "--prereqs-only" ]; then
  xl_die "--skip-e2e and --only-e2e together run nothing"
fi

export XL_TEST_DB_URL="${XL_TEST_DB_URL:-jdbc:mariadb://127.0.0.1:3306/}"
export XL_TEST_DB_USER="${XL_TEST_DB_USER:-root}"
export XL_TEST_DB_PASSWORD="${XL_TEST_DB_PASSWORD:-}"
JAR="${XL_JAR:-$ROOT/backend/target/xueliang-tracker.jar}"   # XL_JAR: test another jar (e2e only)
AGENT_JAR="${XL_AGENT_JAR:-$ROOT/agents/target/xueliang-agent.jar}"   # XL_AGENT_JAR: the standalone agent (e2e resilience test)
# XL_E2E_LANES: e2e test files run at once. Two lanes on 2 cores: each file's server start is partly waiting (the demo's
# probe cycles, work-order grace, polling), which the other lane fills; every file has its own server, ports and dirs.
E2E_LANES="${XL_E2E_LANES:-2}"
MVN_FLAGS=(-B -ntp)
LOG_DIR="$ROOT/e2e/test-results"

start=$(date +%s)
prereqs_only=0
[ "$run_maven" -eq 0 ] && [ "$run_e2e" -eq 0 ] && prereqs_only=1

# ---- 1. prerequisites -------------------------------------------------------------------
echo "== prerequisites"
xl_ensure_build_tools
xl_ensure_test_packages
xl_ensure_cluster_packages
case "$XL_TEST_DB_URL" in
  jdbc:mariadb://127.0.0.1:3306/*|jdbc:mariadb://localhost:3306/*|jdbc:mysql://127.0.0.1:3306/*|jdbc:mysql://localhost:3306/*)
    xl_ensure_mariadb ;;
  *) xl_log "XL_TEST_DB_URL points elsewhere ($XL_TEST_DB_URL): not managing the local MariaDB" ;;
esac
echo "   java $(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1), $(mvn -v 2>/dev/null | head -n1 | sed 's/\x1b\[[0-9;]*m//g'), node $(node --version), chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), MariaDB on 127.0.0.1:3306 OK"

mvn_status="skipped"; mvn_rc=0
e2e_status="skipped"; e2e_rc=0
mvn_pass=0; mvn_fail=0; mvn_skip=0
e2e_pass=0; e2e_fail=0; e2e_skip=0
cluster_status="skipped"; cluster_rc=0
cluster_pass=0; cluster_fail=0

# ---- 2. Maven verify ----------------------------------------------------------------------
if [ "$run_maven" -eq 1 ]; then
  echo "== mvn verify (XL_TEST_DB_URL=$XL_TEST_DB_URL user=$XL_TEST_DB_USER)"
  stamp=$(mktemp); trap 'rm -f "$stamp"' EXIT
  if mvn "${MVN_FLAGS[@]}" verify; then mvn_status="passed"; else mvn_rc=$?; mvn_status="FAILED (exit $mvn_rc)"; fi
  # Count Surefire/Failsafe results of every module (first <testsuite ...> tag of each report).
  read -r mvn_pass mvn_fail mvn_skip < <(xl_surefire_counts "$ROOT" "$stamp")
fi

# ---- 3. end-to-end ------------------------------------------------------------------------
if [ "$run_e2e" -eq 1 ]; then
  if [ "$mvn_rc" -ne 0 ]; then
    e2e_status="not run (Maven failed)"
  else
    if [ "$run_maven" -eq 0 ] && [ -z "${XL_JAR:-}" ] && xl_jar_stale "$JAR"; then
      echo "== building the jar (mvn -DskipTests package), it is missing or older than the sources"
      mvn "${MVN_FLAGS[@]}" -q -DskipTests package
    fi
    [ -f "$JAR" ] || xl_die "no jar at $JAR after the build"
    [ -f "$AGENT_JAR" ] || xl_die "no agent jar at $AGENT_JAR after the build"
    echo "== e2e (node --test, $E2E_LANES lanes, XL_JAR=$JAR, XL_AGENT_JAR=$AGENT_JAR)"
    rm -rf "$ROOT/e2e/screenshots" "$LOG_DIR"   # only this run's screenshots and logs
    mkdir -p "$LOG_DIR"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    set +e
    (cd "$ROOT/e2e" && XL_JAR="$JAR" XL_AGENT_JAR="$AGENT_JAR" node --test --test-concurrency="$E2E_LANES" tests/*.test.mjs) 2>&1 | tee "$LOG_DIR/e2e-output.log"
    e2e_rc=${PIPESTATUS[0]}
    set -e
    e2e_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p; s/^ℹ pass \([0-9]*\)$/\1/p' "$LOG_DIR/e2e-output.log" | tail -n1)
    e2e_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p; s/^ℹ fail \([0-9]*\)$/\1/p' "$LOG_DIR/e2e-output.log" | tail -n1)
    e2e_skip=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p; s/^ℹ skipped \([0-9]*\)$/\1/p' "$LOG_DIR/e2e-output.log" | tail -n1)
    e2e_cancelled=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p; s/^ℹ cancelled \([0-9]*\)$/\1/p' "$LOG_DIR/e2e-output.log" | tail -n1)
    e2e_pass=${e2e_pass:-0}; e2e_skip=${e2e_skip:-0}
    e2e_fail=$(( ${e2e_fail:-0} + ${e2e_cancelled:-0} ))   # a failed before-hook cancels its tests
    if [ "$e2e_rc" -eq 0 ]; then e2e_status="passed"; else e2e_status="FAILED (exit $e2e_rc)"; fi
    [ "$e2e_rc" -ne 0 ] && [ "$e2e_fail" -eq 0 ] && e2e_fail=1
  fi
fi

# ---- 3b. cluster: 3 Galera nodes, nginx, 2 replicas, agent and simulator on loopback (scripts/cluster.sh) ------
if [ "$run_e2e" -eq 1 ] && [ "$run_cluster" -eq 1 ]; then
  if [ "$mvn_rc" -ne 0 ]; then
    cluster_status="not run (Maven failed)"
  else
    echo "== cluster (scripts/lib/cluster-test.sh)"
    mkdir -p "$LOG_DIR"
    set +e
    XL_JAR="$JAR" XL_AGENT_JAR="$AGENT_JAR" "$ROOT/scripts/lib/cluster-test.sh" 2>&1 | tee "$LOG_DIR/cluster-output.log"
    cluster_rc=${PIPESTATUS[0]}
    set -e
    cluster_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$LOG_DIR/cluster-output.log" | tail -n1)
    cluster_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$LOG_DIR/cluster-output.log" | tail -n1)
    cluster_pass=${cluster_pass:-0}; cluster_fail=${cluster_fail:-0}
    if [ "$cluster_rc" -eq 0 ]; then cluster_status="passed"; else cluster_status="FAILED (exit $cluster_rc)"; fi
    [ "$cluster_rc" -ne 0 ] && [ "$cluster_fail" -eq 0 ] && cluster_fail=1
  fi
fi

# ---- 4. summary ---------------------------------------------------------------------------
[ "$prereqs_only" -eq 1 ] && { echo "prerequisites OK"; exit 0; }
elapsed=$(( $(date +%s) - start ))
echo
echo "== summary ($((elapsed / 60)) min $((elapsed % 60)) s)"
echo "   maven verify: $mvn_status ($mvn_pass passed, $mvn_fail failed, $mvn_skip skipped)"
echo "   e2e:          $e2e_status ($e2e_pass passed, $e2e_fail failed, $e2e_skip skipped)"
echo "   cluster:      $cluster_status ($cluster_pass passed, $cluster_fail failed)"
tally="$ROOT/backend/target/security-tally.txt"   # written by the backend's security suite (docs/SECURITY.md)
if [ "$run_maven" -eq 1 ] && [ -f "$tally" ] && [ "$tally" -nt "$stamp" ]; then
  sed 's/^security suite/   security suite/' "$tally"
fi
[ "$run_e2e" -eq 1 ] && echo "   screenshots:  e2e/screenshots/   server logs: e2e/test-results/"
if [ "$run_maven" -eq 1 ] || [ "$run_e2e" -eq 1 ]; then
  echo "total: $((mvn_pass + e2e_pass + cluster_pass)) passed, $((mvn_fail + e2e_fail + cluster_fail)) failed, $((mvn_skip + e2e_skip)) skipped"
fi

if [ "$mvn_rc" -ne 0 ] || [ "$e2e_rc" -ne 0 ] || [ "$cluster_rc" -ne 0 ] || { [ "$run_e2e" -eq 1 ] && [ "$e2e_status" != "passed" ]; }; then
  exit 1
fi
