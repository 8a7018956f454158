#!/usr/bin/env bash
# Runs Xueliang Tracker on this machine: builds the jar when it is missing or older than the
# sources (`mvn -B -q -DskipTests package`, which also builds the frontend with npm), then
# starts it in the foreground. Needs nothing but Java 17, Maven and Node.js (installed from
# Debian when missing); the default database is an embedded H2 file under ./data.
#
#   ./scripts/run.sh [ARGS...]      ARGS go to `java -jar` (e.g. --server.address=127.0.0.1)
#
# Environment (defaults): XL_PORT=8080 (when not set and 8080 is taken, the next free port up to 8179
# is used and printed; a port you set is used as it is, and the app stops at once with one line if it
# is busy), XL_DATA_DIR=./data, XL_DEMO=true, XL_JAR (run that jar as it is, no build).
# On its first start the app prints the generated admin password (user `admin`) to the console;
# set XL_ADMIN_PASSWORD to choose it instead.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
# shellcheck source=scripts/lib/prereqs.sh
. "$ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/build.sh
. "$ROOT/scripts/lib/build.sh"

JAR="${XL_JAR:-$ROOT/backend/target/xueliang-tracker.jar}"
if [ -z "${XL_PORT:-}" ]; then
  # Nobody chose a port: a machine where 8080 is taken (another web app, a second checkout) still runs the demo.
  XL_PORT=$(xl_pick_port 8080)
  [ "$XL_PORT" = 8080 ] || echo "Port 8080 is in use; using ${XL_PORT} (set XL_PORT to choose)."
fi
export XL_PORT
export XL_DATA_DIR="${XL_DATA_DIR:-./data}"
export XL_DEMO="${XL_DEMO:-true}"

if [ -z "${XL_JAR:-}" ] && xl_jar_stale "$JAR"; then
  xl_ensure_build_tools
  echo "Building Xueliang Tracker (mvn -B -q -DskipTests package) ..."
  mvn -B -q -ntp -DskipTests package
  [ -f "$JAR" ] || xl_die "the build did not produce $JAR"
fi
command -v java >/dev/null 2>&1 || xl_ensure_build_tools

mkdir -p "$XL_DATA_DIR"
echo "Xueliang Tracker: http://127.0.0.1:${XL_PORT}/"
echo "(data in ${XL_DATA_DIR}; on the first start the generated password of user 'admin' is printed below)"
exec java -jar "$JAR" "$@"
