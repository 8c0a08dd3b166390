#!/usr/bin/env bash
# build.sh — regenerate data/geo/hunan.json (and LICENSE-echarts.txt) from
# echarts@4.9.0's map/json/province/hunan.json. See README.md beside this file.
#
# Usage: bash scripts/geo/build.sh        (needs node, npm and the npm registry)
# Work files go to a fresh temp folder (or $GEO_TMP if set), never the repo;
# the repo only receives data/geo/hunan.json and data/geo/LICENSE-echarts.txt.
set -euo pipefail

ECHARTS=echarts@4.9.0
MAPSHAPER=mapshaper@0.7.70

here=$(cd "$(dirname "$0")" && pwd)
dest=$(cd "$here/../../data/geo" && pwd)
work=${GEO_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/hunan-geo.XXXXXX")}
mkdir -p "$work"
cd "$work"
echo "work folder: $work"

# 1. fetch the source map and mapshaper (into the temp folder only)
npm pack --silent "$ECHARTS" >/dev/null
tar xzf echarts-4.9.0.tgz
npm install --silent --no-save --no-audit --no-fund --prefix "$work" "$MAPSHAPER"

# 2. decode ECharts' compressed coordinates to plain GeoJSON
node "$here/decode.mjs" package/map/json/province/hunan.json hunan.decoded.geojson

# 3. simplify, topology-aware, on the whole layer:
#    -clean            snaps the source's ~200 hairline gaps/overlaps between
#                      neighbours so every border becomes one shared arc
#    -explode …        lets keep-shapes protect each part (Yueyang's and
#    -dissolve         Huaihua's small detached pieces), then rejoins by name
"$work/node_modules/.bin/mapshaper" hunan.decoded.geojson \
  -clean \
  -explode \
  -simplify 8% keep-shapes \
  -dissolve fields=name copy-fields=cp \
  -each 'cp = cp ? [Math.round(cp[0]*1000)/1000, Math.round(cp[1]*1000)/1000] : cp' \
  -filter-fields name,cp \
  -o precision=0.001 format=geojson force hunan.json

# 4. check, then copy into the repo
node "$here/check.mjs" hunan.json
cp hunan.json "$dest/hunan.json"
cp package/LICENSE "$dest/LICENSE-echarts.txt"

size() { printf '%s bytes, %s bytes gzip -9' "$(wc -c <"$1")" "$(gzip -9c "$1" | wc -c)"; }
echo "source  (encoded): $(size package/map/json/province/hunan.json)"
echo "decoded          : $(size hunan.decoded.geojson)"
echo "data/geo/hunan.json: $(size "$dest/hunan.json")"
echo "node $(node --version), mapshaper $("$work/node_modules/.bin/mapshaper" -v)"
