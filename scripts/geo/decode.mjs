#!/usr/bin/env node
// decode.mjs — turn an ECharts 4.x map JSON with compressed coordinates
// ("UTF8Encoding": true) into plain GeoJSON.
//
// Usage: node decode.mjs <in.json> [out.geojson]   (stdout if no out)
// No dependencies; Node >= 14 (ESM).
//
// This is a faithful port of decode()/decodePolygon() from echarts 4.9.0,
// src/coord/geo/parseGeoJson.js (Apache License 2.0,
// Copyright The Apache Software Foundation; see
// data/geo/LICENSE-echarts.txt). The encoding, per ring:
//   - the ring is a string; every 2 UTF-16 code units are one (x, y) point;
//   - each code unit minus 64 is a ZigZag-encoded integer delta;
//   - deltas are summed from geometry.encodeOffsets (one [x0, y0] per ring);
//   - the running integers divided by UTF8Scale (default 1024) are lon/lat.
// The only change from ECharts: rings are closed (last point = first) when
// the source leaves them open, as GeoJSON requires, and the ECharts-only
// keys (encodeOffsets, UTF8Encoding, UTF8Scale) are dropped from the output.

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function decodePolygon(coordinate, encodeOffsets, encodeScale) {
  const result = [];
  let prevX = encodeOffsets[0];
  let prevY = encodeOffsets[1];

  for (let i = 0; i < coordinate.length; i += 2) {
    let x = coordinate.charCodeAt(i) - 64;
    let y = coordinate.charCodeAt(i + 1) - 64;
    // ZigZag decoding
    x = (x >> 1) ^ (-(x & 1));
    y = (y >> 1) ^ (-(y & 1));
    // Delta decoding
    x += prevX;
    y += prevY;

    prevX = x;
    prevY = y;
    // Dequantize
    result.push([x / encodeScale, y / encodeScale]);
  }
  return result;
}

function closeRing(ring) {
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (ring.length > 0 && (a[0] !== b[0] || a[1] !== b[1])) ring.push([a[0], a[1]]);
  return ring;
}

export function decode(json) {
  if (!json.UTF8Encoding) return json;
  const encodeScale = json.UTF8Scale == null ? 1024 : json.UTF8Scale;

  for (const feature of json.features) {
    const geometry = feature.geometry;
    const coordinates = geometry.coordinates;
    const encodeOffsets = geometry.encodeOffsets;

    for (let c = 0; c < coordinates.length; c++) {
      const coordinate = coordinates[c];
      if (geometry.type === 'Polygon') {
        coordinates[c] = closeRing(decodePolygon(coordinate, encodeOffsets[c], encodeScale));
      } else if (geometry.type === 'MultiPolygon') {
        for (let c2 = 0; c2 < coordinate.length; c2++) {
          coordinate[c2] = closeRing(decodePolygon(coordinate[c2], encodeOffsets[c][c2], encodeScale));
        }
      }
    }
    delete geometry.encodeOffsets;
  }
  delete json.UTF8Encoding;
  delete json.UTF8Scale;
  return json;
}

// CLI
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [inPath, outPath] = process.argv.slice(2);
  if (!inPath) {
    console.error('usage: node decode.mjs <in.json> [out.geojson]');
    process.exit(2);
  }
  const out = JSON.stringify(decode(JSON.parse(readFileSync(inPath, 'utf8'))));
  if (outPath) writeFileSync(outPath, out);
  else process.stdout.write(out);
}
