#!/usr/bin/env bash
# Imports the streets of a city (an OpenStreetMap extract) as the network of the least-watched way
# (POST /api/routes/least-watched). Replaces the network already imported; run it again to update.
#
#   deploy/routes/import.sh city.osm          OpenStreetMap XML (osm2pgrouting reads only this)
#   deploy/routes/import.sh city.osm.pbf      a Geofabrik extract (or .osm.bz2, .osm.gz): its ways
#                                             tagged highway=* (and their nodes) taken out first as
#                                             XML with osmium (Debian: osmium-tool)
#   deploy/routes/import.sh a.osm.pbf b.osm.pbf …   several cities or regions: merged by osmium into
#                                             one network (what they share kept once), which
#                                             replaces the one imported before
#
# The database is given as libpq's environment: PGHOST (127.0.0.1), PGPORT (5432), PGDATABASE
# (technocarte), PGUSER (technocarte), PGPASSWORD. The role needs only to create a schema in the
# database (the app's role does). Needs osm2pgrouting and psql (Debian: osm2pgrouting,
# postgresql-client); the database needs PostGIS (the routes themselves need pgRouting).
set -euo pipefail

say() { printf 'import.sh: %s\n' "$*" >&2; }
here=$(cd "$(dirname "$0")" && pwd)

[ $# -ge 1 ] || { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
for input in "$@"; do
  [ -r "$input" ] || { say "cannot read $input"; exit 1; }
done
input=$1
command -v osm2pgrouting >/dev/null || { say "osm2pgrouting is missing: apt-get install -y osm2pgrouting"; exit 1; }
command -v psql >/dev/null || { say "psql is missing: apt-get install -y postgresql-client"; exit 1; }

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-technocarte}
export PGUSER=${PGUSER:-technocarte}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 1 ]; then
  command -v osmium >/dev/null || { say "osmium is missing to merge $# extracts: apt-get install -y osmium-tool"; exit 1; }
  # Extracts are sorted by type and id, as osmium merge needs; an object in several of them (a
  # street on the border of two regions) is written once.
  input="$work/merged.osm.pbf"
  say "merging $# extracts"
  osmium merge --overwrite -o "$input" "$@"
fi
osm=$input
case "$input" in
  *.pbf | *.bz2 | *.gz)
    command -v osmium >/dev/null || { say "osmium is missing for $input: apt-get install -y osmium-tool"; exit 1; }
    # Only the streets, as XML: osm2pgrouting holds every node of its input in memory, and the
    # buildings, land use and addresses of an extract are most of its nodes.
    osm="$work/city.osm"
    say "taking the streets of $input out as OpenStreetMap XML"
    osmium tags-filter --overwrite -o "$osm" "$input" w/highway
    ;;
esac

psql -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS street_import CASCADE; CREATE SCHEMA street_import"
say "reading the ways of $osm"
osm2pgrouting -f "$osm" -c "$here/mapconfig_walk.xml" --schema street_import --clean \
  -d "$PGDATABASE" -U "$PGUSER" -h "$PGHOST" -p "$PGPORT" ${PGPASSWORD:+-W "$PGPASSWORD"} >"$work/osm2pgrouting.log" 2>&1 || {
  cat "$work/osm2pgrouting.log" >&2
  say "osm2pgrouting failed"
  exit 1
}
say "replacing the street network"
psql -q -v ON_ERROR_STOP=1 -f "$here/import.sql"
