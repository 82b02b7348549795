#!/usr/bin/env bash
# Starts Technocarte with demo data at http://localhost:8080 on the private PostGIS cluster:
# installs PostGIS when missing, starts the cluster, builds the app and runs it until Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

deploy/local/postgis.sh start
eval "$(deploy/local/postgis.sh env)"
./mvnw -B --no-transfer-progress -q package -DskipTests
export TECHNOCARTE_DEMO_DATA="${TECHNOCARTE_DEMO_DATA:-true}"
# The proof of work that slows floods of fake sightings is off for the demo (on in production).
export TECHNOCARTE_POW_DIFFICULTY="${TECHNOCARTE_POW_DIFFICULTY:-0}"
echo "Technocarte: http://localhost:${QUARKUS_HTTP_PORT:-8080}  (Ctrl-C stops the app; deploy/local/postgis.sh stop stops the database)"
# A bounded heap: without it the JVM takes a quarter of the machine's memory under load.
exec java ${TECHNOCARTE_JAVA_OPTS:--Xmx512m} -jar target/quarkus-app/quarkus-run.jar
