# Shared set-up of the fault scripts, sourced by each (not run alone). Before sourcing, set `name`.
#
# Each script runs the packaged app (target/quarkus-app, built when missing) against a private
# PostgreSQL cluster of its own (deploy/local/postgis.sh with its own folder and port), so that it
# can restart, stop and lock the database without touching anyone else's. Settings:
#   FAULTS_PG_PORT   (default 55447)  the cluster's port
#   FAULTS_PG_DIR    (default target/faults/pg)  its folder
#   FAULTS_APP_PORT  (default 18610)  the app's HTTP port (loopback)
#   FAULTS_HEAP      (default: JAVA_OPTS of deploy/server/technocarte.env)  the app's JVM options,
#                    as the server's unit sets them
# Gives: say, figure, check (PASS/FAIL lines), finish (exit code), psql_app, pg_ctl_owner,
# start_app / stop_app / kill_app ($app_pid), wait_ready, now_ms, and $work (removed at the end).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

pg_port="${FAULTS_PG_PORT:-55447}"
pg_dir="${FAULTS_PG_DIR:-$root/target/faults/pg}"
app_port="${FAULTS_APP_PORT:-18610}"
heap="${FAULTS_HEAP:-$(sed -n 's/^JAVA_OPTS="\(.*\)"$/\1/p' deploy/server/technocarte.env)}"
heap="${heap:--Xmx512m}"
base="http://127.0.0.1:$app_port"
db=technocarte_faults
pg_bin="/usr/lib/postgresql/${TECHNOCARTE_PG_MAJOR:-15}/bin"
work=$(mktemp -d)
app_pid=
failures=0
export PGPASSWORD=technocarte

say() { printf '%s: %s\n' "$name" "$*" >&2; }
figure() { printf '%-58s %s\n' "$1" "$2"; }
# check DESCRIPTION CONDITION...: prints PASS or FAIL, counts the failures.
check() {
  local what="$1"
  shift
  if "$@"; then printf 'PASS  %s\n' "$what"; else
    printf 'FAIL  %s\n' "$what"
    failures=$((failures + 1))
  fi
}
finish() {
  if [ "$failures" -eq 0 ]; then say "PASS"; exit 0; fi
  say "FAIL ($failures checks failed)"
  # What the app logged of its unexpected failures, so that a red run says which one.
  if grep -q -E 'Unexpected failure|ERROR' "$work/app.log" 2>/dev/null; then
    say "the app's first unexpected failure:"
    grep -m1 -A60 -E 'Unexpected failure|ERROR' "$work/app.log" | grep -v '^[[:space:]]*at io\.\(vertx\|netty\|smallrye\)' >&2 || true
  fi
  exit 1
}
now_ms() { date +%s%3N; }

pg() { TECHNOCARTE_PG_DIR="$pg_dir" TECHNOCARTE_PG_PORT="$pg_port" deploy/local/postgis.sh "$@"; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ctl_owner() { as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/cluster" "$@"; }
psql_app() { "$pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U technocarte -d "$db" "$@"; }

faults_cleanup() {
  if declare -F cleanup_more >/dev/null; then cleanup_more || true; fi
  stop_app
  # The app's log stays for a look once the script is done.
  mkdir -p "$root/target/faults" && cp "$work/app.log" "$root/target/faults/$name-app.log" 2>/dev/null
  if [ "${pg_started:-no}" = yes ]; then pg stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap faults_cleanup EXIT

# The app for load: no proof of work and no per-address limit (every client here is 127.0.0.1).
start_app() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    say "building the app"
    ./mvnw -B -q --no-transfer-progress package -DskipTests >&2
  fi
  # In the app's folder, as the unit starts it: the archive of its classes (app-cds.jsa) is found there.
  # shellcheck disable=SC2086 # $heap is a list of options, as in the unit
  (cd target/quarkus-app &&
    QUARKUS_HTTP_PORT="$app_port" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" \
      TECHNOCARTE_POW_DIFFICULTY=0 TECHNOCARTE_RATE_LIMIT_ENABLED=false \
      TECHNOCARTE_PHOTOS_DIR="${photos_dir:-$work/photos}" \
      exec java $heap -jar quarkus-run.jar >>"$work/app.log" 2>&1) &
  app_pid=$!
  wait_ready
}

wait_ready() {
  for _ in $(seq 1 360); do
    curl -fs -o /dev/null "$base/q/health/ready" && return 0
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$work/app.log" >&2; exit 1; }
    sleep 0.5
  done
  say "the app is not ready after 180 s"
  exit 1
}

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}

kill_app() {
  kill -9 "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

# The private cluster (started if it is not running; stopped at the end if so) and a fresh
# database, technocarte_faults, in it.
start_database() {
  mkdir -p "$(dirname "$pg_dir")"
  if pg status >/dev/null 2>&1; then pg_started=no; else pg_started=yes; fi
  pg start
  # A database of its own, made afresh: the app migrates it, whatever ran here before.
  local super=("$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_dir/run" -p "$pg_port" -U postgres)
  as_postgres "${super[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
    -c "CREATE DATABASE $db OWNER technocarte" >/dev/null
  as_postgres "${super[@]}" -d "$db" -c "CREATE EXTENSION postgis" >/dev/null
}
