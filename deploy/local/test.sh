#!/usr/bin/env bash
# Runs every test against a real PostGIS: starts the private cluster (installing PostGIS when
# missing), runs the Maven build with its tests, and stops the cluster again if it started it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

# Tools the tests drive: Chromium for the browser tests, GDAL as a real client of our exports.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
# The street import of the routes (deploy/routes/import.sh): osm2pgrouting, and osmium for extracts.
command -v osm2pgrouting >/dev/null 2>&1 || missing+=(osm2pgrouting)
command -v osmium >/dev/null 2>&1 || missing+=(osmium-tool)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: install ${missing[*]} (Chromium, GDAL, osm2pgrouting, osmium) with your package manager, then run again" >&2
    exit 1
  fi
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "test.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  }
fi

started=no
if ! deploy/local/postgis.sh status >/dev/null 2>&1; then
  started=yes
fi
cleanup() {
  if [ "$started" = yes ]; then deploy/local/postgis.sh stop || true; fi
}
# Set before starting, so that a start failing half-way still stops what it started.
trap cleanup EXIT
deploy/local/postgis.sh start

./mvnw -B --no-transfer-progress verify "$@"

# The OGC's conformance suite and an OpenAPI validator against the jar that verify has just packaged.
deploy/ogc/conformance.sh

# The walker's map in a real browser, against the jar that verify has just packaged.
deploy/local/e2e.sh

# The deployment targets: the server's nginx + unit for real, the Compose and Kubernetes files by schema.
deploy/server/test.sh
deploy/validate/validate.sh

# Faults answered as faults: the app killed, PostgreSQL down, a table locked, photo storage unwritable.
deploy/faults/short.sh
