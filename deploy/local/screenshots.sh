#!/usr/bin/env bash
# Refreshes the README's pictures (frontend/screenshots/): runs the browser tests that take them with
# their screenshots pointed there. A plain test run (e2e.sh) writes its screenshots under
# target/e2e-screenshots/ instead, so that it leaves the tree clean.
# Same prerequisites as e2e.sh: PostGIS started (deploy/local/postgis.sh start), the app packaged.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export TECHNOCARTE_SCREENSHOTS="$root/frontend/screenshots"
exec "$root/deploy/local/e2e.sh" e2e/walker.test.js e2e/density.test.js e2e/groups.test.js e2e/field.test.js
