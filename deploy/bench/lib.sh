# Shared set-up of the benchmarks, sourced by export-bench.sh and tile-bench.sh (not run alone).
# Before sourcing, set: name (the script's name for its messages), db (its database), http_port, heap.
# Gives: say, now, seconds, psql_super, psql_app, $work (a temporary folder, removed at the end),
# and bench_start_app, which starts the private cluster if needed, builds the app if missing,
# creates $db afresh and starts the app on $http_port against it ($app_pid). At exit the app is
# stopped, the database dropped, and bench_cleanup_more (if the script defines it) is called.
rows="${BENCH_ROWS:-1000000}"
port="${TECHNOCARTE_PG_PORT:-55432}"
sockdir="${TECHNOCARTE_PG_DIR:-$PWD/deploy/local/data}/run"
work=$(mktemp -d)
app_pid=
export PGPASSWORD=technocarte

say() { printf '%s: %s\n' "$name" "$*" >&2; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_super() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres "$@"; }
psql_app() { timeout 900 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U technocarte -d "$db" "$@"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

bench_cleanup() {
  if declare -F bench_cleanup_more >/dev/null; then bench_cleanup_more; fi
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap bench_cleanup EXIT

bench_start_app() {
  TECHNOCARTE_PG_PORT="$port" deploy/local/postgis.sh start
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    say "building the app"
    timeout 900 ./mvnw -B -q --no-transfer-progress package -DskipTests
  fi
  say "creating database $db"
  psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null
  psql_super -d postgres -c "CREATE DATABASE $db OWNER technocarte" >/dev/null
  psql_super -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION postgis" >/dev/null
  say "starting the app ($heap) on port $http_port"
  QUARKUS_HTTP_PORT="$http_port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/$db" \
    java "$heap" -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$http_port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.5
  done
  say "app not ready"
  exit 1
}
