# shellcheck shell=bash
# Prerequisite checks shared by scripts/run.sh and scripts/test.sh.
# Source it; every function is idempotent and quiet when the thing is already there.
# Only Debian packages (apt) are installed; nothing is downloaded from anywhere else.

xl_log() { printf '[xl] %s\n' "$*" >&2; }
xl_die() { printf '[xl] ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as root (directly when we are root, else through sudo when available).
xl_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    xl_die "need root to run: $* (run as root or install the prerequisites listed in docs/TESTING.md)"
  fi
}

xl_pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

_XL_APT_UPDATED=0
# xl_apt_install PKG...: installs the packages that are missing; runs 'apt-get update' at most once.
xl_apt_install() {
  local missing=() p
  for p in "$@"; do
    xl_pkg_installed "$p" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || xl_die "missing packages (${missing[*]}) and no apt-get to install them"
  xl_log "installing Debian packages: ${missing[*]}"
  if [ "$_XL_APT_UPDATED" -eq 0 ]; then
    xl_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    _XL_APT_UPDATED=1
  fi
  xl_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null
}

# Java 17+ (JDK), Maven, Node.js 20.19+ with npm: what the build needs.
xl_ensure_build_tools() {
  local pkgs=()
  command -v javac >/dev/null 2>&1 || pkgs+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || pkgs+=(maven)
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
  [ "${#pkgs[@]}" -gt 0 ] && xl_apt_install "${pkgs[@]}"

  local jv
  jv=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  [ -n "$jv" ] && [ "$jv" -ge 17 ] || xl_die "Java 17 or newer is needed (found: ${jv:-none})"

  local nv major minor
  nv=$(node --version 2>/dev/null | sed 's/^v//')
  major=${nv%%.*}; minor=${nv#*.}; minor=${minor%%.*}
  if [ -z "$nv" ] || [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    xl_die "Node.js 20.19 or newer is needed for the frontend build (found: ${nv:-none})"
  fi
}

# Debian packages the tests need (browser, CJK fonts for screenshots/PDF, pdftoppm to render exported PDFs,
# LibreOffice Calc and Writer to render the exported workbook and DOCX as printed pages, SNMP tools for probing tests,
# SIPp (sip-tester) as the independent GB/T 28181 peer).
xl_ensure_test_packages() {
  xl_apt_install mariadb-server chromium fonts-noto-cjk poppler-utils libreoffice-calc libreoffice-writer snmpd snmp sip-tester
  [ -x /usr/bin/chromium ] || xl_die "/usr/bin/chromium is missing after installing the chromium package"
}

_xl_db_tcp_ok() {
  mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P 3306 -u root --connect-timeout=3 \
    -e 'SELECT 1' >/dev/null 2>&1
}
_xl_db_alive() {
  mariadb-admin --no-defaults --connect-timeout=2 ping >/dev/null 2>&1 \
    || mariadb-admin --no-defaults --protocol=TCP -h 127.0.0.1 -P 3306 --connect-timeout=2 ping >/dev/null 2>&1 \
    || mariadb-admin --connect-timeout=2 ping >/dev/null 2>&1
}

# A MariaDB server on 127.0.0.1:3306 where root with an empty password may connect over TCP.
xl_ensure_mariadb() {
  # Fast path: already there and usable (the common case; prints nothing).
  _xl_db_tcp_ok && return 0

  if ! _xl_db_alive; then
    xl_log "starting MariaDB"
    xl_as_root mkdir -p /run/mysqld
    xl_as_root chown mysql:mysql /run/mysqld
    if [ ! -d /var/lib/mysql/mysql ]; then
      xl_log "initialising the MariaDB data directory"
      xl_as_root mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    fi
    xl_as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    local i
    for i in $(seq 1 60); do
      _xl_db_alive && break
      sleep 1
    done
    if ! _xl_db_alive; then
      tail -n 20 /var/log/mysql/error.log 2>/dev/null >&2 || true
      xl_die "MariaDB did not answer 'mariadb-admin ping' within 60 s"
    fi
  fi

  if ! _xl_db_tcp_ok; then
    # A freshly installed Debian server: root only through the unix socket. Allow an empty
    # password over TCP from 127.0.0.1 (the server listens on loopback only) for the tests.
    xl_log "allowing root@127.0.0.1 without password over TCP (test server on loopback)"
    xl_as_root mariadb -u root <<'SQL'
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
FLUSH PRIVILEGES;
SQL
    _xl_db_tcp_ok || xl_die "cannot connect to MariaDB as root@127.0.0.1:3306 without a password"
  fi
}

# xl_port_busy PORT: true (0) when something on this machine answers on 127.0.0.1:PORT over TCP.
xl_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# xl_pick_port PREFERRED: prints PREFERRED when free, else the first free port of PREFERRED+1 … PREFERRED+99.
xl_pick_port() {
  local p
  for p in $(seq "$1" $(($1 + 99))); do
    xl_port_busy "$p" || { echo "$p"; return 0; }
  done
  xl_die "ports $1 to $(($1 + 99)) are all in use: set XL_PORT to a free port"
}

# What scripts/cluster.sh runs (docs/CLUSTER.md): the Galera provider for MariaDB, rsync for a joining node's state
# transfer, nginx as the load balancer, curl for health checks.
xl_ensure_cluster_packages() {
  xl_apt_install mariadb-server galera-4 rsync curl
  xl_pkg_installed nginx || xl_pkg_installed nginx-light || xl_pkg_installed nginx-full || xl_apt_install nginx-light
  [ -f /usr/lib/galera/libgalera_smm.so ] || xl_die "/usr/lib/galera/libgalera_smm.so is missing after installing galera-4"
  command -v nginx >/dev/null 2>&1 || xl_die "no nginx after installing nginx-light"
}
