#!/usr/bin/env bash
# A private PostgreSQL + PostGIS cluster for development, the demo and the tests.
#
#   deploy/local/postgis.sh start    create (first time) and start the cluster; idempotent
#   deploy/local/postgis.sh stop     stop it
#   deploy/local/postgis.sh status   say whether it runs
#   deploy/local/postgis.sh env      print the QUARKUS_DATASOURCE_* variables that point at it
#
# The cluster lives in deploy/local/data (git-ignored), listens on 127.0.0.1 only, on its own port
# (TECHNOCARTE_PG_PORT, default 55432) and socket folder, and touches no system-wide PostgreSQL service.
# It is tuned for throwaway data (fsync off): never keep real data in it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data_root="${TECHNOCARTE_PG_DIR:-$here/data}"
pgdata="$data_root/cluster"
sockdir="$data_root/run"
logfile="$data_root/log/postgresql.log"
port="${TECHNOCARTE_PG_PORT:-55432}"
pg_major="${TECHNOCARTE_PG_MAJOR:-15}"
role=technocarte
password=technocarte
databases=(technocarte technocarte_test technocarte_e2e technocarte_ogc)

say() { printf 'postgis.sh: %s\n' "$*" >&2; }

find_bindir() {
  local dir
  for dir in "/usr/lib/postgresql/$pg_major/bin" "$(pg_config --bindir 2>/dev/null || true)"; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 1
}

# Both the extension's scripts and its library must be there: removing the main package leaves the
# scripts (postgresql-15-postgis-3-scripts) behind, and CREATE EXTENSION then fails.
postgis_installed() {
  local sharedir="/usr/share/postgresql/$pg_major" libdir="/usr/lib/postgresql/$pg_major/lib"
  if [ -x "$bindir/pg_config" ]; then
    sharedir=$("$bindir/pg_config" --sharedir)
    libdir=$("$bindir/pg_config" --pkglibdir)
  fi
  [ -f "$sharedir/extension/postgis.control" ] && compgen -G "$libdir/postgis-3*.so" >/dev/null
}

# pgRouting serves the least-watched way (POST /api/routes/least-watched); without it that endpoint
# answers 503 and everything else works. As for PostGIS, scripts and library both: removing
# postgresql-15-pgrouting leaves postgresql-15-pgrouting-scripts behind.
pgrouting_installed() {
  local sharedir="/usr/share/postgresql/$pg_major" libdir="/usr/lib/postgresql/$pg_major/lib"
  if [ -x "$bindir/pg_config" ]; then
    sharedir=$("$bindir/pg_config" --sharedir)
    libdir=$("$bindir/pg_config" --pkglibdir)
  fi
  [ -f "$sharedir/extension/pgrouting.control" ] && compgen -G "$libdir/libpgrouting-*.so" >/dev/null
}

install_pgrouting() {
  local package="postgresql-$pg_major-pgrouting"
  command -v apt-get >/dev/null 2>&1 || { say "pgRouting is missing (optional): install $package"; return 0; }
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || {
      say "pgRouting is missing (optional). Install it as root: apt-get install -y $package"
      return 0
    }
    sudo=(sudo -n)
  fi
  say "installing $package (pgRouting is missing)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null 2>&1 || {
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null
  } || say "could not install $package: the least-watched way will answer 503"
}

install_postgis() {
  local package="postgresql-$pg_major-postgis-3"
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
        say "PostGIS is missing. Install it as root: apt-get install -y $package"
        exit 1
      fi
    fi
    say "installing $package (PostGIS is missing)"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null 2>&1 || {
      "${sudo[@]}" apt-get update -q >/dev/null
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null
    }
  else
    say "PostGIS 3 for PostgreSQL $pg_major is missing and this is not a Debian/Ubuntu system."
    say "Install it with your package manager, for example:"
    say "  Fedora/RHEL: dnf install postgis34_$pg_major (PGDG repository)   Arch: pacman -S postgis"
    say "  macOS (Homebrew): brew install postgresql@$pg_major postgis"
    say "then run this script again (TECHNOCARTE_PG_MAJOR selects another PostgreSQL major version)."
    exit 1
  fi
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_super() {
  as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres "$@"
}

running() {
  [ -f "$pgdata/PG_VERSION" ] && as_owner "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1
}

init_cluster() {
  mkdir -p "$data_root" "$sockdir" "$(dirname "$logfile")"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$data_root" --shell /usr/sbin/nologin postgres
    chown -R postgres: "$data_root"
  fi
  chmod 700 "$data_root"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "creating the cluster in $pgdata"
    as_owner "$bindir/initdb" -D "$pgdata" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  fi
}

create_databases() {
  if [ -z "$(psql_super -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" ]; then
    psql_super -d postgres -c "CREATE ROLE $role LOGIN PASSWORD '$password'"
  fi
  local db
  for db in "${databases[@]}"; do
    if [ -z "$(psql_super -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      psql_super -d postgres -c "CREATE DATABASE $db OWNER $role"
    fi
    # CREATE EXTENSION postgis needs a superuser: done here, the migrations then find it.
    psql_super -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis"
    if pgrouting_installed; then
      psql_super -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pgrouting"
    fi
  done
}

start() {
  postgis_installed || install_postgis
  pgrouting_installed || install_pgrouting
  init_cluster
  if running; then
    say "already running on port $port"
  else
    as_owner "$bindir/pg_ctl" -D "$pgdata" -l "$logfile" -w -t 60 start -o \
      "-p $port -k $sockdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null
    say "started on 127.0.0.1:$port (log: $logfile)"
  fi
  create_databases
}

stop() {
  if running; then
    as_owner "$bindir/pg_ctl" -D "$pgdata" -w -m fast stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

status() {
  if running; then say "running on 127.0.0.1:$port, data in $pgdata"; else
    say "not running"
    return 3
  fi
}

print_env() {
  printf 'export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:%s/technocarte\n' "$port"
  printf 'export QUARKUS_DATASOURCE_USERNAME=%s\n' "$role"
  printf 'export QUARKUS_DATASOURCE_PASSWORD=%s\n' "$password"
}

bindir=$(find_bindir) || {
  say "PostgreSQL $pg_major server binaries not found (looked in /usr/lib/postgresql/$pg_major/bin)."
  say "On Debian/Ubuntu: apt-get install -y postgresql-$pg_major postgresql-$pg_major-postgis-3"
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
