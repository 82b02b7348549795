#!/usr/bin/env bash
# Browser tests of the walker's map: real headless Chromium (Debian's /usr/bin/chromium) against the
# packaged app and the private PostGIS.
#
# Assumes deploy/local/postgis.sh start has run (same TECHNOCARTE_PG_PORT) and the app is packaged
# (target/quarkus-app/quarkus-run.jar, e.g. by ./mvnw package or verify). Empties the technocarte_e2e
# database, starts the app on a free port with the demo data, runs `npm run test:e2e` (or only the
# test files given as arguments, e.g. `e2e.sh e2e/moderation.test.js`), stops the app. The app listens on
# TECHNOCARTE_E2E_APP_PORT when set, and has a small route bucket (see below).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

port="${TECHNOCARTE_PG_PORT:-55432}"
data_root="${TECHNOCARTE_PG_DIR:-$root/deploy/local/data}"
sockdir="$data_root/run"
pg_major="${TECHNOCARTE_PG_MAJOR:-15}"
bindir="/usr/lib/postgresql/$pg_major/bin"
[ -x "$bindir/psql" ] || bindir=$(dirname "$(command -v psql)")
jar=target/quarkus-app/quarkus-run.jar
say() { printf 'e2e.sh: %s\n' "$*" >&2; }

[ -f "$jar" ] || { say "no $jar: run ./mvnw package first"; exit 1; }
deploy/local/postgis.sh status >/dev/null 2>&1 || { say "PostGIS is not running: deploy/local/postgis.sh start"; exit 1; }

# A clean database: the demo data is loaded at start when the table is empty.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres -d technocarte_e2e -c \
  "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION technocarte; CREATE EXTENSION postgis"
# pgRouting, when installed, for the least-watched way (e2e/route.test.js).
if [ -f "$("$bindir/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/$pg_major)/extension/pgrouting.control" ]; then
  as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres -d technocarte_e2e -c \
    "SET client_min_messages = warning; CREATE EXTENSION pgrouting"
fi

[ -d frontend/node_modules/playwright-core ] || (cd frontend && npm ci --no-audit --no-fund)
# A small street extract (PMTiles) made by PostGIS, so that the street zooms are drawn from an
# archive read by range, as an operator's is (e2e/basemap.test.js).
streets=$(mktemp -t technocarte-e2e-streets.XXXXXX.pmtiles)
trap 'rm -f "$streets"' EXIT
(cd frontend && TECHNOCARTE_PG_PORT="$port" node e2e/streets-fixture.js "$streets")

# A small route bucket (5 at once, then one every 2 minutes), so that e2e/route.test.js meets the
# per-address limit in a few requests and reads a wait in minutes; it empties the bucket after.
# The app's port: TECHNOCARTE_E2E_APP_PORT, else a free one.
app_port="${TECHNOCARTE_E2E_APP_PORT:-$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}"
log=$(mktemp -t technocarte-e2e-app.XXXXXX.log)
QUARKUS_HTTP_PORT="$app_port" \
  QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/technocarte_e2e" \
  QUARKUS_DATASOURCE_USERNAME=technocarte QUARKUS_DATASOURCE_PASSWORD=technocarte \
  TECHNOCARTE_DEMO_DATA=true \
  TECHNOCARTE_RATE_LIMIT_ROUTE_BURST="${TECHNOCARTE_E2E_ROUTE_BURST:-5}" \
  TECHNOCARTE_RATE_LIMIT_ROUTE_PER_HOUR="${TECHNOCARTE_E2E_ROUTE_PER_HOUR:-30}" \
  TECHNOCARTE_MAP_PMTILES="$streets" \
  TECHNOCARTE_ADMIN_EMAIL="${TECHNOCARTE_E2E_ADMIN_EMAIL:-admin@technocarte.test}" \
  TECHNOCARTE_ADMIN_PASSWORD="${TECHNOCARTE_E2E_ADMIN_PASSWORD:-e2e admin password}" \
  java -jar "$jar" >"$log" 2>&1 &
app=$!
stop_app() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  rm -f "$streets"
}
trap stop_app EXIT

base="http://127.0.0.1:$app_port"
for _ in $(seq 1 120); do
  if curl -sf "$base/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then
    say "the app did not start:"
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 1
done
curl -sf "$base/q/health/ready" >/dev/null || { say "the app is not ready after 120 s"; tail -n 40 "$log" >&2; exit 1; }
say "app ready at $base"

cd frontend
export TECHNOCARTE_E2E_URL="$base" TECHNOCARTE_PG_PORT="$port"
if [ $# -gt 0 ]; then
  # Arguments name the test files to run, e.g. e2e/moderation.test.js (paths from frontend/).
  node --test --test-concurrency=1 --test-timeout=120000 "$@"
else
  npm run test:e2e
fi
