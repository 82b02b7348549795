#!/usr/bin/env bash
# The short fault scripts one after the other, as CI runs them (deploy/local/test.sh): the app
# killed during submissions, PostgreSQL restarted and stopped, a table locked, the photo storage
# unwritable. Each prints its figures and PASS/FAIL; this fails if any of them does. The soak
# (deploy/faults/soak.sh, 10 minutes) is run by hand: see RESULTS.md.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
failed=()
for script in kill-app-during-submissions database-outage table-lock photo-storage; do
  echo "== deploy/faults/$script.sh"
  "$here/$script.sh" || failed+=("$script")
  echo
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "faults: FAIL (${failed[*]})" >&2
  exit 1
fi
echo "faults: PASS" >&2
