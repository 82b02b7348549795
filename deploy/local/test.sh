#!/usr/bin/env bash
# Runs every test against a real PostGIS: starts the private cluster (installing PostGIS when
# missing), runs the Maven build with its tests, and stops the cluster again if it started it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

started=no
if ! deploy/local/postgis.sh status >/dev/null 2>&1; then
  started=yes
fi
deploy/local/postgis.sh start
cleanup() {
  if [ "$started" = yes ]; then deploy/local/postgis.sh stop || true; fi
}
trap cleanup EXIT

./mvnw -B --no-transfer-progress verify "$@"
