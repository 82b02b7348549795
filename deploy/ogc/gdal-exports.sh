#!/usr/bin/env bash
# The downloads read by GDAL, a real client, against a running app (the packaged app on the demo
# data, as deploy/ogc/conformance.sh starts it):
#   - the GeoPackage: as many features as the API counts, EPSG:4326, the sighting id as FID, typed
#     fields; an ogr2ogr copy to another GeoPackage (no -preserve_fid) keeps every id;
#   - the CSV, through GDAL's CSV driver: the same count, a camera placed where the API puts it,
#     from its wkt column and from its lon/lat columns;
#   - one vector tile of /tiles and the same tile of OGC API – Tiles, through GDAL's MVT driver: the
#     layer and its cells, and the same bytes.
# Usage: deploy/ogc/gdal-exports.sh http://127.0.0.1:8080   (needs gdal-bin, curl, python3)
# Fails with a message naming each mismatch.
set -euo pipefail

base="${1:?usage: $0 BASE_URL (e.g. http://127.0.0.1:8080)}"
base="${base%/}"
say() { printf 'gdal-exports.sh: %s\n' "$*" >&2; }
for tool in ogrinfo ogr2ogr curl python3; do
  command -v "$tool" >/dev/null || { say "$tool is missing (apt-get install gdal-bin curl python3)"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { say "FAIL: $*"; failures=$((failures + 1)); }
ok() { say "ok: $*"; }
fetch() { curl -sSf -o "$2" "$base$1" || { say "FAIL: GET $1 did not answer 200"; exit 1; }; }
# The value after "Feature Count: " in ogrinfo's output.
feature_count() { sed -n 's/^Feature Count: //p' | head -n 1; }

# The reference: what the API says, through OGC API – Features and the GeoJSON export.
fetch "/ogc/collections/sightings/items?limit=1" "$work/page.json"
fetch "/api/export/sightings.geojson" "$work/sightings.geojson"
read -r count id lon lat < <(python3 - "$work/page.json" "$work/sightings.geojson" <<'PY'
import json, sys
page = json.load(open(sys.argv[1]))
first = json.load(open(sys.argv[2]))["features"][0]
lon, lat = first["geometry"]["coordinates"]
print(page["numberMatched"], first["id"], repr(lon), repr(lat))
PY
)
python3 -c 'import json,sys; print("\n".join(str(f["id"]) for f in json.load(open(sys.argv[1]))["features"]))' \
  "$work/sightings.geojson" | sort -n >"$work/api-ids.txt"
[ "$count" -gt 0 ] || { say "FAIL: the API counts no sighting: load the demo data (TECHNOCARTE_DEMO_DATA=true)"; exit 1; }
say "the API counts $count sightings; camera $id is at $lon $lat"

# Whether ogrinfo's WKT output holds POINT (lon lat) within 1e-7 degrees of the API's.
placed() {
  python3 - "$1" "$lon" "$lat" <<'PY'
import re, sys
text, lon, lat = open(sys.argv[1]).read(), float(sys.argv[2]), float(sys.argv[3])
points = re.findall(r"POINT \(([-0-9.e]+) ([-0-9.e]+)\)", text)
sys.exit(0 if any(abs(float(x) - lon) < 1e-7 and abs(float(y) - lat) < 1e-7 for x, y in points) else 1)
PY
}

# --- GeoPackage -------------------------------------------------------------------------------
fetch "/api/export/sightings.gpkg" "$work/sightings.gpkg"
ogrinfo -ro -so "$work/sightings.gpkg" sightings >"$work/gpkg.txt" 2>&1 || { cat "$work/gpkg.txt" >&2; fail "ogrinfo cannot open the GeoPackage"; }
n=$(feature_count <"$work/gpkg.txt")
[ "$n" = "$count" ] && ok "GeoPackage: $n features" || fail "GeoPackage: $n features, the API counts $count"
grep -q 'ID\["EPSG",4326\]' "$work/gpkg.txt" && ok "GeoPackage: EPSG:4326" || fail "GeoPackage: its CRS is not EPSG:4326: $(grep -A2 'SRS WKT' "$work/gpkg.txt" | tr '\n' ' ')"
grep -q '^FID Column = id$' "$work/gpkg.txt" && ok "GeoPackage: the FID column is id" || fail "GeoPackage: the FID column is not id"
# GeoPackage INTEGER is 64 bits: GDAL says Integer64.
for field in 'direction: Integer64' 'directions: String' 'fieldOfView: Integer64' 'version: Integer64' \
  'height: Real' 'vsaSuspected: Integer(Boolean)' 'observedAt: Date' 'createdAt: DateTime' 'cityCode: String'; do
  grep -qF "$field (" "$work/gpkg.txt" || fail "GeoPackage: no field '$field'"
done
ok "GeoPackage: field types checked"

ogr2ogr -f GPKG "$work/copy.gpkg" "$work/sightings.gpkg" 2>"$work/ogr2ogr.log" || { cat "$work/ogr2ogr.log" >&2; fail "ogr2ogr could not copy the GeoPackage"; }
ogrinfo -ro -so "$work/copy.gpkg" sightings >"$work/copy.txt" 2>&1 || true
n=$(feature_count <"$work/copy.txt")
[ "$n" = "$count" ] || fail "ogr2ogr copy: $n features, the API counts $count"
ogrinfo -ro -q -fields=NO -geom=NO "$work/copy.gpkg" sightings 2>/dev/null |
  sed -n 's/^OGRFeature(sightings):\([0-9]*\)$/\1/p' | sort -n >"$work/copy-ids.txt"
if cmp -s "$work/api-ids.txt" "$work/copy-ids.txt"; then
  ok "ogr2ogr copy without -preserve_fid: the same $count ids as the API"
else
  fail "ogr2ogr copy: its ids differ from the API's ($(diff "$work/api-ids.txt" "$work/copy-ids.txt" | head -n 4 | tr '\n' ' '))"
fi
ogrinfo -ro -fid "$id" "$work/copy.gpkg" sightings >"$work/one.txt" 2>&1 || true
placed "$work/one.txt" && ok "ogr2ogr copy: feature $id where the API puts it" || fail "ogr2ogr copy: feature $id is not at $lon $lat"

# --- CSV ---------------------------------------------------------------------------------------
fetch "/api/export/sightings.csv" "$work/sightings.csv"
for options in "GEOM_POSSIBLE_NAMES=wkt" "X_POSSIBLE_NAMES=lon Y_POSSIBLE_NAMES=lat"; do
  oo=()
  for option in $options KEEP_GEOM_COLUMNS=NO AUTODETECT_TYPE=YES; do oo+=(-oo "$option"); done
  n=$(ogrinfo -ro -so "${oo[@]}" "$work/sightings.csv" sightings 2>&1 | feature_count)
  [ "$n" = "$count" ] || fail "CSV ($options): $n features, the API counts $count"
  ogrinfo -ro -al "${oo[@]}" -where "id = $id" "$work/sightings.csv" >"$work/csv-one.txt" 2>&1 || true
  placed "$work/csv-one.txt" && ok "CSV ($options): $n features, camera $id placed right" \
    || fail "CSV ($options): camera $id is not at $lon $lat: $(grep -m1 POINT "$work/csv-one.txt" || echo 'no geometry')"
done

# --- Vector tiles ------------------------------------------------------------------------------
z=12
read -r x y < <(python3 -c '
import math, sys
lon, lat, z = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
n = 2 ** z
r = math.radians(lat)
print(int((lon + 180) / 360 * n), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n))
' "$lon" "$lat" "$z")
fetch "/tiles/sightings/$z/$x/$y.mvt" "$work/map.mvt"
fetch "/ogc/collections/sightings/tiles/WebMercatorQuad/$z/$y/$x" "$work/ogc.mvt"
for tile in map ogc; do
  ogrinfo -ro -al -oo "Z=$z" -oo "X=$x" -oo "Y=$y" "$work/$tile.mvt" >"$work/$tile.txt" 2>&1 || true
  cells=$(grep -c '^OGRFeature(sightings)' "$work/$tile.txt" || true)
  if grep -q '^Layer name: sightings$' "$work/$tile.txt" && [ "$cells" -gt 0 ] && grep -q 'count (Integer) = ' "$work/$tile.txt"; then
    ok "MVT ($tile tile $z/$x/$y): layer sightings, $cells cells"
  else
    fail "MVT ($tile tile $z/$x/$y): no layer 'sightings' with cells: $(head -c 300 "$work/$tile.txt")"
  fi
done
cmp -s "$work/map.mvt" "$work/ogc.mvt" && ok "the OGC tile (row $y, column $x) is the map's tile" \
  || fail "the OGC tile $z/$y/$x differs from /tiles/sightings/$z/$x/$y.mvt"

if [ "$failures" -gt 0 ]; then
  say "$failures check(s) failed"
  exit 1
fi
say "every export read by GDAL as the API describes it"
