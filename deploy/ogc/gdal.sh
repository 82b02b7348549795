#!/usr/bin/env bash
# GDAL (the library behind QGIS) reads the running OGC API through its OAPIF driver, as a researcher
# would: every feature with its id, a -spat box given in Lambert-93 (-spat_srs EPSG:2154), and the
# features reprojected to Lambert-93 (-t_srs), compared with what the API itself answers for
# bbox-crs and crs=EPSG:2154 (OGC API – Features Part 2). Fails on any mismatch of count, ids or
# coordinates (1 cm). GDAL 3.6 has no CRS open option on OAPIF (GDAL 3.7 added -oo CRS=); when
# the installed GDAL lists it, the server-side CRS is read through it too.
#
# Usage: deploy/ogc/gdal.sh http://127.0.0.1:PORT   (the app's root; conformance.sh calls it)
# Skipped, said so, when ogr2ogr is not installed (apt-get install gdal-bin).
set -euo pipefail
base=${1:?usage: gdal.sh http://host:port}
say() { printf 'gdal.sh: %s\n' "$*" >&2; }
if ! command -v ogr2ogr >/dev/null 2>&1; then
  say "SKIPPED: ogr2ogr not installed (apt-get install gdal-bin)"
  exit 0
fi
ogc="$base/ogc"
items="$ogc/collections/sightings/items"
l93=http://www.opengis.net/def/crs/EPSG/0/2154
# Montpellier in Lambert-93 metres: all the demo cameras there, none of Paris.
box=(760000 6270000 790000 6290000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
export GDAL_HTTP_TIMEOUT=60 CPL_VSIL_CURL_CACHE_SIZE=0

# The API's own answer, in one page: ids, numberMatched, and coordinates.
curl -sf "$items?limit=10000" >"$work/api-all.json"
curl -sf "$items?limit=10000&bbox=$(IFS=,; echo "${box[*]}")&bbox-crs=$l93" >"$work/api-box.json"
curl -sf "$items?limit=10000&crs=$l93" >"$work/api-l93.json"

pull() { # out.geojson, then ogr2ogr options
  local out=$1
  shift
  ogr2ogr -f GeoJSON "$out" "OAPIF:$ogc" sightings -oo PAGE_SIZE=50 -preserve_fid "$@" 2>"$out.log" || {
    say "ogr2ogr $* failed:"
    cat "$out.log" >&2
    return 1
  }
}

# Compares GDAL's file with the API's page: same count as numberMatched, same ids, and, when a
# tolerance is given, the same coordinates.
compare() { # what, gdal.geojson, api.json, [tolerance]
  node -e '
    const fs = require("fs");
    const [what, gdalFile, apiFile, tol] = process.argv.slice(1);
    const gdal = JSON.parse(fs.readFileSync(gdalFile, "utf8"));
    const api = JSON.parse(fs.readFileSync(apiFile, "utf8"));
    const byId = (fc) => new Map(fc.features.map((f) => [String(f.id), f.geometry.coordinates]));
    const g = byId(gdal);
    const a = byId(api);
    const problems = [];
    if (gdal.features.length !== api.numberMatched) {
      problems.push(`GDAL read ${gdal.features.length} features, the API matches ${api.numberMatched}`);
    }
    const missing = [...a.keys()].filter((id) => !g.has(id));
    const extra = [...g.keys()].filter((id) => !a.has(id));
    if (missing.length || extra.length) {
      problems.push(`ids differ: missing ${missing.slice(0, 5)}, extra ${extra.slice(0, 5)}`);
    }
    if (tol) {
      for (const [id, xy] of a) {
        const other = g.get(id);
        if (other && (Math.abs(other[0] - xy[0]) > +tol || Math.abs(other[1] - xy[1]) > +tol)) {
          problems.push(`feature ${id}: GDAL ${other}, API ${xy}`);
          break;
        }
      }
    }
    if (problems.length) {
      console.error(`gdal.sh: ${what}: MISMATCH\n  ` + problems.join("\n  "));
      process.exit(1);
    }
    console.error(`gdal.sh: ${what}: ${gdal.features.length} features, ids kept` + (tol ? `, coordinates within ${tol}` : ""));
  ' -- "$@"
}

ogrinfo -ro -so "OAPIF:$ogc" sightings >"$work/info.txt" 2>&1 || { say "ogrinfo failed:"; cat "$work/info.txt" >&2; exit 1; }

pull "$work/all.geojson" && compare "every feature" "$work/all.geojson" "$work/api-all.json" || status=1

pull "$work/box.geojson" -spat "${box[@]}" -spat_srs EPSG:2154 &&
  compare "-spat in EPSG:2154 vs bbox-crs" "$work/box.geojson" "$work/api-box.json" || status=1

if pull "$work/l93.geojson" -t_srs EPSG:2154; then
  compare "-t_srs EPSG:2154 vs crs=EPSG:2154" "$work/l93.geojson" "$work/api-l93.json" 0.01 || status=1
  if ! ogrinfo -ro -so -al "$work/l93.geojson" 2>/dev/null | grep -q 'RGF93 v1 / Lambert-93\|RGF93 / Lambert-93'; then
    say "-t_srs EPSG:2154: the file does not say Lambert-93"
    status=1
  fi
else
  status=1
fi

if ogrinfo --format OAPIF 2>/dev/null | grep -q 'name="CRS"'; then
  pull "$work/crs.geojson" -oo CRS=EPSG:2154 &&
    compare "-oo CRS=EPSG:2154 (server side)" "$work/crs.geojson" "$work/api-l93.json" 0.01 || status=1
else
  say "$(ogrinfo --version | cut -d, -f1) has no OAPIF CRS open option: server-side CRS checked by the suite and the API tests"
fi
exit "$status"
