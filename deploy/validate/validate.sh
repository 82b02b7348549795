#!/usr/bin/env bash
# Validates deploy/compose/compose.yaml against the Compose Specification and deploy/k8s against
# the Kubernetes and CloudNativePG schemas, with the validators pinned in package-lock.json
# (installed by npm ci from the npm registry; nothing else is fetched). Then proves the validators
# can fail: a broken copy of each must be refused.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
deploy=$(dirname "$here")
cd "$here"

# npm ci only when the lock file changed since the last install (about 3 s when it runs).
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

node validate.mjs compose "$deploy/compose/compose.yaml"
node validate.mjs k8s "$deploy/k8s"

# deploy/.env.example lists every setting: at least each one of README's Configuration table.
missing=$(grep -E '^\| `' "$deploy/../README.md" | grep -oE '`(TECHNOCARTE|QUARKUS)_[A-Z0-9_]+`' | tr -d '`' | sort -u |
  while read -r name; do grep -qE "^#? ?$name=" "$deploy/.env.example" || echo "$name"; done)
if [ -n "$missing" ]; then
  echo "INVALID deploy/.env.example lacks settings of README.md's Configuration table:" $missing
  exit 1
fi
echo "ok      deploy/.env.example holds the $(grep -cE '^#? ?(TECHNOCARTE|QUARKUS|JAVA)_?[A-Z0-9_]*=' "$deploy/.env.example") settings, README's table included"

# The validators must refuse what is wrong, or the lines above prove nothing.
work=$(mktemp -d -t technocarte-validate.XXXXXX)
trap 'rm -rf "$work"' EXIT
refused() { # refused <what> <command...>: the command must fail
  local what=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    cat "$work/out"
    echo "validate.sh: a broken copy passed: $what" >&2
    exit 1
  fi
  echo "ok      refused, as it must be: $what ($(grep -m1 -A1 INVALID "$work/out" | tail -n1 | sed 's/^ *//'))"
}
break_copy() { # break_copy <file> <sed expression> <copy>: the copy must differ from the file
  sed -e "$2" "$1" >"$3"
  if cmp -s "$1" "$3"; then
    echo "validate.sh: '$2' changes nothing in $1: update this self-test" >&2
    exit 1
  fi
}
break_copy "$deploy/compose/compose.yaml" 's/^\( *\)restart: unless-stopped/\1restart: [always]/' "$work/compose.yaml"
refused "compose.yaml with a list for restart" node validate.mjs compose "$work/compose.yaml"
break_copy "$deploy/compose/compose.yaml" 's/^services:/servces:/' "$work/compose.yaml"
refused "compose.yaml with a misspelt top-level key" node validate.mjs compose "$work/compose.yaml"
# The site is mounted by a path relative to the Compose file: the copy goes beside the original.
break_copy "$deploy/compose/compose.yaml" '/HTTPS_PORT_SUFFIX: ""/d' "$deploy/compose/.broken-compose.yaml"
trap 'rm -rf "$work" "$deploy/compose/.broken-compose.yaml"' EXIT
refused "compose.yaml whose proxy misses a placeholder of the nginx site" node validate.mjs compose "$deploy/compose/.broken-compose.yaml"

break_copy "$deploy/compose/compose.yaml" 's|image: pgrouting/pgrouting:.*|image: postgis/postgis:15-3.5|' "$deploy/compose/.broken-compose.yaml"
refused "compose.yaml whose database image has no pgRouting" node validate.mjs compose "$deploy/compose/.broken-compose.yaml"
mkdir -p "$work/initdb"
sed -e '/CREATE EXTENSION IF NOT EXISTS pgrouting/d' "$deploy/compose/initdb/20-technocarte.sh" >"$work/initdb/20-technocarte.sh"
break_copy "$deploy/compose/compose.yaml" "s|\./initdb/20-technocarte.sh:|$work/initdb/20-technocarte.sh:|" "$deploy/compose/.broken-compose.yaml"
refused "compose.yaml whose init script does not create pgrouting" node validate.mjs compose "$deploy/compose/.broken-compose.yaml"

cp -r "$deploy/k8s" "$work/k8s-pgrouting"
break_copy "$deploy/k8s/database.yaml" '/CREATE EXTENSION IF NOT EXISTS pgrouting/d' "$work/k8s-pgrouting/database.yaml"
refused "the CloudNativePG Cluster that does not create pgrouting" node validate.mjs k8s "$work/k8s-pgrouting"
cp -r "$deploy/k8s" "$work/k8s-replicas"
break_copy "$deploy/k8s/app.yaml" 's/^\( *\)minReplicas: [0-9]*/\1minReplicas: two/' "$work/k8s-replicas/app.yaml"
refused "the HorizontalPodAutoscaler with minReplicas: two" node validate.mjs k8s "$work/k8s-replicas"
cp -r "$deploy/k8s" "$work/k8s-cnpg"
break_copy "$deploy/k8s/database.yaml" 's/^\( *\)instances: \([0-9]*\)/\1instances: "\2"/' "$work/k8s-cnpg/database.yaml"
refused "the CloudNativePG Cluster with instances as a string" node validate.mjs k8s "$work/k8s-cnpg"
cp -r "$deploy/k8s" "$work/k8s-probe"
break_copy "$deploy/k8s/app.yaml" 's/readinessProbe:/readinesProbe:/' "$work/k8s-probe/app.yaml"
refused "the Deployment with a misspelt readinessProbe" node validate.mjs k8s "$work/k8s-probe"
cp -r "$deploy/k8s" "$work/k8s-heap"
break_copy "$deploy/k8s/app.yaml" 's/-XX:MaxRAMPercentage=[0-9.]* *//' "$work/k8s-heap/app.yaml"
refused "the Deployment without a heap limit" node validate.mjs k8s "$work/k8s-heap"
echo "validate: 10 broken copies refused"
