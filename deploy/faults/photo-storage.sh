#!/usr/bin/env bash
# Fault (d): the photo storage cannot be written, for each store the app offers
# (technocarte.photos.store): the folder replaced by a plain file (root writes anywhere, so
# permissions would not stop it), and the database refusing the photo's bytes as a full disk does
# (a trigger raising disk_full on photo_file). A walker's upload is answered 503 or 507
# problem+json, and nothing of the photo is kept: no photo row, no file. Once the storage is back
# the same upload works.
#
#   deploy/faults/photo-storage.sh
name=photo-storage
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
photos_dir="$work/photos"
image=frontend/screenshots/map.png

upload() {
  curl -sS -o "$work/answer" -D "$work/headers" -w '%{http_code}' "$base/api/sightings/$id/photos" \
    -H "X-Edit-Token: $token" -H 'Content-Type: image/png' --data-binary "@$image"
}
header() { awk -F': ' -v h="$1" 'tolower($1) == h { print $2 }' "$work/headers" | tr -d '\r'; }

# scenario STORE: breaks the storage with break_STORE, uploads, restores it with restore_STORE.
scenario() {
  local store=$1
  echo "-- store: $store"
  export TECHNOCARTE_PHOTOS_STORE="$store"
  rm -rf "$photos_dir"
  mkdir -p "$photos_dir"
  start_app
  created=$(curl -fsS "$base/api/sightings" -H 'Content-Type: application/geo+json' -d '{"type":"Feature",
    "geometry":{"type":"Point","coordinates":[3.87967,43.60851]},
    "properties":{"surveillanceType":"camera","cameraType":"dome","mount":"wall"}}')
  id=$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$created")
  token=$(node -e 'console.log(JSON.parse(process.argv[1]).properties.editToken)' "$created")

  "break_$store"
  local status type rows files again
  status=$(upload)
  type=$(header content-type)
  rows=$(psql_app -c "SELECT count(*) FROM photo WHERE sighting_id = $id")
  # While broken, the folder is a plain file: count only what is inside a folder.
  files=0
  [ -d "$photos_dir" ] && files=$(find "$photos_dir" -type f | wc -l)
  figure "$store: upload while unwritable: status" "$status"
  figure "$store: content type, Retry-After" "$type, $(header retry-after | grep . || echo -)"
  figure "$store: answer" "$(head -c 240 "$work/answer")"
  figure "$store: photo rows of the sighting, files" "$rows, $files"
  "restore_$store"
  again=$(upload)
  figure "$store: upload once writable again: status" "$again"
  figure "$store: stack trace lines in the log" "$(grep -c '^[[:space:]]*at ' "$work/app.log" || true)"
  stop_app

  check "$store: answered 503 or 507" test "$status" = 503 -o "$status" = 507
  check "$store: answer is problem+json" test "${type%%;*}" = application/problem+json
  check "$store: no stack trace, class or path in the answer" \
    bash -c "! grep -qiE 'exception|\\.java|/tmp/|$photos_dir' '$work/answer'"
  check "$store: nothing half-stored (no photo row, no file)" test "$rows" -eq 0 -a "$files" -eq 0
  check "$store: the upload works once the storage is back" test "$again" = 201
}

break_filesystem() {
  rm -rf "$photos_dir"
  touch "$photos_dir"
}
restore_filesystem() {
  rm -f "$photos_dir"
  mkdir -p "$photos_dir"
}
break_database() {
  psql_app -c "CREATE FUNCTION photo_disk_full() RETURNS trigger LANGUAGE plpgsql AS
    \$\$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END \$\$;
    CREATE TRIGGER disk_full BEFORE INSERT ON photo_file FOR EACH ROW EXECUTE FUNCTION photo_disk_full()" ||
    say "no photo_file table: this build has no database store"
}
restore_database() {
  psql_app -c "DROP TRIGGER IF EXISTS disk_full ON photo_file; DROP FUNCTION IF EXISTS photo_disk_full()" 2>/dev/null || true
}

start_database
scenario filesystem
scenario database
finish
