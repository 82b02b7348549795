#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty database (and its photo folder, if it has one).
#
#   deploy/backup/restore.sh [--create] [--clean] [--photos-dir DIR] DUMP
#
# The database is reached as libpq says (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, default
# technocarte) or --dbname. See README.md beside.
set -euo pipefail
script=restore.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
readonly EXIT_NOT_EMPTY=5

usage() {
  cat <<'USAGE'
usage: restore.sh [options] DUMP

  -d, --dbname DB        target database (default: $PGDATABASE, else technocarte)
      --create           create the target database (owned by --owner) and its extensions when
                         missing; needs a role that may do so (a superuser, e.g. postgres over the
                         local socket)
      --owner ROLE       owner of a created database (default: technocarte)
      --clean            restore over a database that already holds tables, dropping the dump's
                         objects first; without it a non-empty database is refused
      --no-owner         objects belong to the restoring role, not to the role named in the dump
      --photos-dir DIR   extract <dump>.photos.tar (file-system store) into DIR, which must be empty
                         or missing unless --clean
  -h, --help             this help

The restore is one transaction: it succeeds whole or leaves the database as it was.
Exit codes: 0 restored; 1 failed; 2 usage; 3 a tool is missing; 5 refused: the target database
(or photo folder) is not empty and --clean was not given.
USAGE
}

dbname="${PGDATABASE:-technocarte}"
create=no
clean=no
owner=technocarte
owner_args=()
photos_dir=""
dump=""
while [ $# -gt 0 ]; do
  case "$1" in
    -d | --dbname) dbname=${2:?}; shift 2 ;;
    --create) create=yes; shift ;;
    --owner) owner=${2:?}; shift 2 ;;
    --clean) clean=yes; shift ;;
    --no-owner) owner_args=(--no-owner); shift ;;
    --photos-dir) photos_dir=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; exit "$EXIT_USAGE" ;;
    *) [ -z "$dump" ] || { usage >&2; exit "$EXIT_USAGE"; }; dump=$1; shift ;;
  esac
done
[ -n "$dump" ] || { usage >&2; exit "$EXIT_USAGE"; }
[ -f "$dump" ] || fail "$EXIT_USAGE" "no dump $dump"
photos_tar="${dump%.dump}.photos.tar"
if [ -n "$photos_dir" ] && [ ! -f "$photos_tar" ]; then
  fail "$EXIT_USAGE" "--photos-dir given, but there is no $photos_tar beside the dump"
fi
case "$dbname" in *=*) [ "$create" = no ] || fail "$EXIT_USAGE" "--create takes a database name, not a connection string" ;; esac

pg_restore=$(pg_tool pg_restore)
psql=$(pg_tool psql)
sql() { "$psql" -X -At -q -v ON_ERROR_STOP=1 "$@"; }
quote_ident() { printf '"%s"' "${1//\"/\"\"}"; }

# The extensions the dump needs (postgis): created here, by a role that may, rather than by
# pg_restore, which would also try to change their comments and fail as their non-owner. PostGIS
# brings its own spatial_ref_sys rows; the app adds none, so that table's (empty) data is left out.
toc=$(mktemp)
trap 'rm -f "$toc"' EXIT
"$pg_restore" --list "$dump" >"$toc" || fail "$EXIT_FAILED" "$dump is not a pg_dump archive"
mapfile -t extensions < <(awk '$4 == "EXTENSION" { print $6 }' "$toc")
sed -i -e '/ EXTENSION - /d' -e '/ COMMENT - EXTENSION /d' -e '/ TABLE DATA public spatial_ref_sys /d' "$toc"

if [ "$create" = yes ] && [ -z "$(sql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '${dbname//\'/\'\'}'")" ]; then
  say "creating the database $dbname, owned by $owner"
  sql -d postgres -c "CREATE DATABASE $(quote_ident "$dbname") OWNER $(quote_ident "$owner")" ||
    fail "$EXIT_FAILED" "could not create the database $dbname"
fi
for extension in "${extensions[@]}"; do
  if [ -z "$(sql -d "$dbname" -c "SELECT 1 FROM pg_extension WHERE extname = '$extension'")" ]; then
    [ "$create" = yes ] || fail "$EXIT_FAILED" \
      "the database $dbname lacks the $extension extension: create it as a superuser (CREATE EXTENSION $extension) or use --create"
    sql -d "$dbname" -c "CREATE EXTENSION $(quote_ident "$extension")" ||
      fail "$EXIT_FAILED" "could not create the $extension extension in $dbname"
  fi
done

# A table of its own (not one an extension brings, like spatial_ref_sys) means data: refused.
tables=$(sql -d "$dbname" -c "
  SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')") ||
  fail "$EXIT_FAILED" "could not reach the database $dbname"
clean_args=()
if [ "$tables" != 0 ]; then
  [ "$clean" = yes ] || fail "$EXIT_NOT_EMPTY" \
    "the database $dbname holds $tables tables: refusing to restore over it (use --clean to replace them)"
  clean_args=(--clean --if-exists)
fi
if [ -n "$photos_dir" ] && [ -d "$photos_dir" ] && [ -n "$(ls -A "$photos_dir")" ] && [ "$clean" = no ]; then
  fail "$EXIT_NOT_EMPTY" "the photo folder $photos_dir is not empty: refusing to restore over it (use --clean)"
fi

say "restoring $dump into $dbname"
"$pg_restore" --dbname="$dbname" --use-list="$toc" --single-transaction --exit-on-error \
  "${clean_args[@]}" "${owner_args[@]}" "$dump" ||
  fail "$EXIT_FAILED" "pg_restore failed: the database is as it was before"
# pg_restore brings no planner statistics: without them the first map requests are slow.
sql -d "$dbname" -c "SET client_min_messages = error; ANALYZE" || say "ANALYZE failed; run it before opening the site"

if [ -n "$photos_dir" ]; then
  say "extracting the photos into $photos_dir"
  mkdir -p "$photos_dir"
  tar -C "$photos_dir" -xf "$photos_tar" || fail "$EXIT_FAILED" "could not extract $photos_tar"
fi
say "restored. Start the app on $dbname: Flyway applies any newer migration at start."
