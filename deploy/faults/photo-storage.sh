#!/usr/bin/env bash
# Fault (d): the photo storage cannot be written (its folder replaced by a file: root may write
# anywhere, so permissions would not stop it). A walker's photo upload is answered 503 or 507
# problem+json, and nothing of the photo is kept: no photo row, no file. Once the storage is back,
# the same upload works.
#
#   deploy/faults/photo-storage.sh
name=photo-storage
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
photos_dir="$work/photos"
image=frontend/screenshots/map.png

start_database
mkdir -p "$photos_dir"
start_app

created=$(curl -fsS "$base/api/sightings" -H 'Content-Type: application/geo+json' -d '{"type":"Feature",
  "geometry":{"type":"Point","coordinates":[3.87967,43.60851]},
  "properties":{"surveillanceType":"camera","cameraType":"dome","mount":"wall"}}')
id=$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$created")
token=$(node -e 'console.log(JSON.parse(process.argv[1]).properties.editToken)' "$created")
upload() {
  curl -sS -o "$work/answer" -D "$work/headers" -w '%{http_code}' "$base/api/sightings/$id/photos" \
    -H "X-Edit-Token: $token" -H 'Content-Type: image/png' --data-binary "@$image"
}

say "photo storage made unwritable"
rm -rf "$photos_dir"
touch "$photos_dir"
status=$(upload)
type=$(awk -F': ' 'tolower($1) == "content-type" { print $2 }' "$work/headers" | tr -d '\r')
retry_after=$(awk -F': ' 'tolower($1) == "retry-after" { print $2 }' "$work/headers" | tr -d '\r')
rows=$(psql_app -c "SELECT count(*) FROM photo WHERE sighting_id = $id")
figure "upload while unwritable: status" "$status"
figure "content type" "$type"
figure "Retry-After" "${retry_after:--}"
figure "answer" "$(head -c 300 "$work/answer")"
figure "photo rows of the sighting" "$rows"
figure "sighting still there (rows)" "$(psql_app -c "SELECT count(*) FROM sighting WHERE id = $id")"

rm -f "$photos_dir"
mkdir -p "$photos_dir"
again=$(upload)
files=$(find "$photos_dir" -type f | wc -l)
figure "upload once writable again: status" "$again"
figure "files in the storage" "$files"
figure "stack trace lines in the log" "$(grep -c '^[[:space:]]*at ' "$work/app.log" || true)"

check "answered 503 or 507" test "$status" = 503 -o "$status" = 507
check "answer is problem+json" test "${type%%;*}" = application/problem+json
check "no stack trace, class or path in the answer" \
  bash -c "! grep -qiE 'exception|\\.java|/tmp/|$photos_dir' '$work/answer'"
check "nothing half-stored: no photo row" test "$rows" -eq 0
check "the upload works once the storage is back" test "$again" = 201
finish
