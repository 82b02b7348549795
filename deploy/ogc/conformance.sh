#!/usr/bin/env bash
# The OGC's own conformance suite for OGC API – Features Part 1 (ets-ogcapi-features10 1.9) against
# the packaged app on the demo data, then a real OpenAPI validator (Redocly CLI, `spec` rules) on the
# OGC API's definition and on the whole /q/openapi, GDAL's OAPIF driver (deploy/ogc/gdal.sh), and GDAL
# on the GeoPackage, CSV and vector tile exports (deploy/ogc/gdal-exports.sh).
# Fails on any failed test, validation error or GDAL mismatch, and when the Core tests (items, bbox,
# limit, datetime) or the CRS tests (OGC API – Features Part 2) are not run; prints the suite's
# counts per test group.
#
# Assumes deploy/local/postgis.sh start has run (same TECHNOCARTE_PG_PORT) and the app is packaged
# (target/quarkus-app/quarkus-run.jar). The suite's jar is not on Maven Central: it is looked for in
# $TECHNOCARTE_ETS_JAR, then ../shared/tools/ beside the project, then /work/shared/tools/; without
# it the suite is skipped (said so), the OpenAPI validation still runs.
# Outputs go to target/ogc-conformance/ (the suite's testng-results.xml, the app's log).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

jar_name=ets-ogcapi-features10-1.9-aio.jar
port="${TECHNOCARTE_PG_PORT:-55432}"
data_root="${TECHNOCARTE_PG_DIR:-$root/deploy/local/data}"
sockdir="$data_root/run"
pg_major="${TECHNOCARTE_PG_MAJOR:-15}"
bindir="/usr/lib/postgresql/$pg_major/bin"
[ -x "$bindir/psql" ] || bindir=$(dirname "$(command -v psql)")
db=technocarte_ogc
app_jar=target/quarkus-app/quarkus-run.jar
out="$root/target/ogc-conformance"
say() { printf 'conformance.sh: %s\n' "$*" >&2; }

ets=
for candidate in "${TECHNOCARTE_ETS_JAR:-}" "$root/../shared/tools/$jar_name" "/work/shared/tools/$jar_name"; do
  if [ -n "$candidate" ] && [ -f "$candidate" ]; then ets=$candidate; break; fi
done

[ -f "$app_jar" ] || { say "no $app_jar: run ./mvnw package first"; exit 1; }
deploy/local/postgis.sh status >/dev/null 2>&1 || { say "PostGIS is not running: deploy/local/postgis.sh start"; exit 1; }

# The validator, pinned in deploy/ogc/package-lock.json; it sends nothing home.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
(cd deploy/ogc && { [ -x node_modules/.bin/redocly ] || npm ci --no-audit --no-fund --loglevel=error; })

# A fresh database: the demo data is loaded at start when the table is empty.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_super() { as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres "$@"; }
# (A drop that fails leaves the database there, and the create then says so.)
psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
psql_super -d postgres -c "CREATE DATABASE $db OWNER technocarte"
psql_super -d "$db" -c "CREATE EXTENSION postgis"

rm -rf "$out"
mkdir -p "$out"
app_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
QUARKUS_HTTP_PORT="$app_port" \
  QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/$db" \
  QUARKUS_DATASOURCE_USERNAME=technocarte QUARKUS_DATASOURCE_PASSWORD=technocarte \
  TECHNOCARTE_DEMO_DATA=true \
  java -jar "$app_jar" >"$out/app.log" 2>&1 &
app=$!
stop_app() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
}
trap stop_app EXIT

base="http://127.0.0.1:$app_port"
for _ in $(seq 1 120); do
  if curl -sf "$base/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then
    say "the app did not start:"
    tail -n 40 "$out/app.log" >&2
    exit 1
  fi
  sleep 1
done
curl -sf "$base/q/health/ready" >/dev/null || { say "the app is not ready after 120 s"; tail -n 40 "$out/app.log" >&2; exit 1; }
say "app ready at $base"

status=0

# Both OpenAPI documents, as the landing page links them (JSON through the announced media type).
curl -sf -H 'Accept: application/vnd.oai.openapi+json;version=3.0' "$base/ogc/api" >"$out/ogc-openapi.json"
curl -sf "$base/q/openapi?format=json" >"$out/app-openapi.json"
for doc in ogc-openapi.json app-openapi.json; do
  if deploy/ogc/node_modules/.bin/redocly lint --config deploy/ogc/redocly.yaml --format stylish "$out/$doc" >"$out/$doc.lint" 2>&1; then
    say "OpenAPI $doc: valid under Redocly CLI's spec rules"
  else
    say "OpenAPI $doc: INVALID"
    cat "$out/$doc.lint" >&2
    status=1
  fi
done

# GDAL's OAPIF driver against the same app: ids, -spat in Lambert-93, reprojection (deploy/ogc/gdal.sh).
deploy/ogc/gdal.sh "$base" || status=1
# GDAL reads the GeoPackage and CSV exports and the vector tiles (deploy/ogc/gdal-exports.sh).
deploy/ogc/gdal-exports.sh "$base" || status=1

if [ -z "$ets" ]; then
  say "SKIPPED the OGC suite: $jar_name not found (set TECHNOCARTE_ETS_JAR, or put it in ../shared/tools/)"
  exit "$status"
fi

cat >"$out/ets-props.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<properties><entry key="iut">$base/ogc</entry><entry key="noofcollections">-1</entry></properties>
XML
say "running $ets against $base/ogc"
java -jar "$ets" -o "$out/ets" -h false "$out/ets-props.xml" >"$out/ets.log" 2>&1 || {
  say "the suite did not run:"
  tail -n 40 "$out/ets.log" >&2
  exit 1
}
results=$(find "$out/ets" -name testng-results.xml | head -n 1)
[ -n "$results" ] || { say "the suite wrote no testng-results.xml"; tail -n 40 "$out/ets.log" >&2; exit 1; }
java --source 17 deploy/ogc/TestngResults.java "$results" || status=1
exit "$status"
