# shellcheck shell=bash
# Build helpers shared by scripts/run.sh and scripts/test.sh. Expects to be sourced from the repo root.

# xl_jar_stale JAR: true (0) when JAR is missing or older than any source file of the Maven build.
xl_jar_stale() {
  local jar=$1 paths=() p
  [ -f "$jar" ] || return 0
  for p in pom.xml sql backend frontend agents; do
    [ -e "$p" ] && paths+=("$p")
  done
  [ -n "$(find "${paths[@]}" \
      \( -name target -o -name node_modules -o -name dist -o -name .vite \) -prune -o \
      -type f -newer "$jar" -print -quit 2>/dev/null)" ]
}

# xl_surefire_counts DIR [STAMP]: prints "passed failed skipped" summed over the Surefire/Failsafe
# XML reports under DIR (only those newer than the file STAMP when given).
xl_surefire_counts() {
  local newer=()
  [ -n "${2:-}" ] && newer=(-newer "$2")
  find "$1" \( -name node_modules -o -name .git \) -prune -o -type f "${newer[@]}" \
    \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) \
    -print 2>/dev/null |
  while IFS= read -r f; do grep -m1 -o '<testsuite [^>]*>' "$f" || true; done |
  awk 'function attr(n,   r) { r = 0; if (match($0, " " n "=\"[0-9]+\"")) { r = substr($0, RSTART + length(n) + 3, RLENGTH - length(n) - 4) } return r + 0 }
       { t += attr("tests"); f += attr("failures") + attr("errors"); s += attr("skipped") }
       END { printf "%d %d %d\n", t - f - s, f, s }'
}
