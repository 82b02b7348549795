#!/usr/bin/env bash
# Backs up Technocarte: the whole database as one pg_dump archive (custom format), and, when the
# photos are kept in a folder (technocarte.photos.store=filesystem), that folder as a tar beside it.
#
#   deploy/backup/backup.sh [--output FILE | --output-dir DIR] [--photos-dir DIR]
#
# The database is reached as libpq says: PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass),
# PGDATABASE (default technocarte), or --dbname with a connection string. See README.md beside.
set -euo pipefail
script=backup.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
readonly EXIT_PHOTOS_MISSING=4

usage() {
  cat <<'USAGE'
usage: backup.sh [options]

  -o, --output FILE      write the dump to FILE (refused if it exists)
      --output-dir DIR   write technocarte-<UTC time>.dump into DIR (default: the current folder)
      --photos-dir DIR   also archive this photo folder (file-system store) as <dump>.photos.tar;
                         taken from TECHNOCARTE_PHOTOS_DIR when TECHNOCARTE_PHOTOS_STORE=filesystem
  -d, --dbname DB        database name or connection string (default: $PGDATABASE, else technocarte)
  -h, --help             this help

Left out on purpose: the rows of the rate-limit, login-throttle, used-challenge, address-salt and
export-slot tables (keyed client addresses of the day, leases) and of every UNLOGGED table; the
tables themselves are kept, empty.

Exit codes: 0 written; 1 failed (nothing left behind); 2 usage; 3 a tool is missing;
4 written, but some photos have their files outside the database and no --photos-dir was given.
USAGE
}

output=""
output_dir="."
photos_dir=""
dbname="${PGDATABASE:-technocarte}"
while [ $# -gt 0 ]; do
  case "$1" in
    -o | --output) output=${2:?}; shift 2 ;;
    --output-dir) output_dir=${2:?}; shift 2 ;;
    --photos-dir) photos_dir=${2:?}; shift 2 ;;
    -d | --dbname) dbname=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit "$EXIT_USAGE" ;;
  esac
done
if [ -z "$photos_dir" ] && [ "${TECHNOCARTE_PHOTOS_STORE:-database}" = filesystem ]; then
  photos_dir=${TECHNOCARTE_PHOTOS_DIR:?TECHNOCARTE_PHOTOS_STORE=filesystem: set TECHNOCARTE_PHOTOS_DIR or give --photos-dir}
fi
if [ -n "$photos_dir" ] && [ ! -d "$photos_dir" ]; then
  fail "$EXIT_USAGE" "no photo folder $photos_dir"
fi
if [ -z "$output" ]; then
  [ -d "$output_dir" ] || fail "$EXIT_USAGE" "no folder $output_dir"
  output="$output_dir/technocarte-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi
photos_tar="${output%.dump}.photos.tar"
for file in "$output" ${photos_dir:+"$photos_tar"}; do
  [ ! -e "$file" ] || fail "$EXIT_FAILED" "$file exists already: never overwritten"
done

pg_dump=$(pg_tool pg_dump)
psql=$(pg_tool psql)

# The dump holds moderators' emails and password hashes: readable by its owner only.
umask 077
partial="$output.partial"
partial_tar="$photos_tar.partial"
cleanup() { rm -f "$partial" "$partial_tar"; }
trap cleanup EXIT

# Tables whose rows are keyed client addresses, the salt of the day's address keys, used
# challenges or short-lived leases (V36: rate_bucket, login_failure, used_challenge,
# address_day_salt, export_slot; kept in PostgreSQL so that every instance shares them): their
# structure is dumped, never their rows. --no-unlogged-table-data leaves out any UNLOGGED table's
# rows too, whatever its name.
excluded=('rate_*' 'login_*' 'pow_*' 'used_challenge*' 'address_day_salt*' 'export_slot*')
exclude_args=(--no-unlogged-table-data)
for pattern in "${excluded[@]}"; do exclude_args+=("--exclude-table-data=$pattern"); done

say "dumping $dbname to $output"
"$pg_dump" --dbname="$dbname" --format=custom "${exclude_args[@]}" --file="$partial" ||
  fail "$EXIT_FAILED" "pg_dump failed: nothing written"

# Photos of the file-system store: their rows are in the dump, their files in the folder.
outside=$("$psql" -X -At -v ON_ERROR_STOP=1 --dbname="$dbname" -c \
  "SELECT count(*) FROM photo p WHERE NOT EXISTS (SELECT 1 FROM photo_file f WHERE f.photo_id = p.id)") ||
  fail "$EXIT_FAILED" "could not count the photos kept outside the database"
if [ -n "$photos_dir" ]; then
  say "archiving the photo folder $photos_dir to $photos_tar"
  tar -C "$photos_dir" --exclude='.upload-*.part' -cf "$partial_tar" . ||
    fail "$EXIT_FAILED" "tar of $photos_dir failed: nothing written"
  mv "$partial_tar" "$photos_tar"
fi
mv "$partial" "$output"
say "written: $output ($(du -h "$output" | cut -f1))"
if [ "$outside" != 0 ] && [ -z "$photos_dir" ]; then
  say "$outside photos have their files outside the database (file-system store):"
  say "back up their folder too, with --photos-dir"
  exit "$EXIT_PHOTOS_MISSING"
fi
