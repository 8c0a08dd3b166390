#!/usr/bin/env node
// check.mjs — validate data/geo/hunan.json (no dependencies).
//
// Usage: node check.mjs [path/to/hunan.json]   (exit 1 on any failure)
//
// Checks: 14 features with exactly the expected names, properties only
// `name` and `cp` (cp rounded to 3 decimals); every geometry a Polygon or
// MultiPolygon whose rings are closed, have >= 4 positions and a non-zero
// area, with RFC 7946 winding (exterior CCW, holes CW); coordinates on the
// 0.001° grid and inside Hunan's bounding box; no two segments anywhere in
// the layer cross or partly overlap (so no self-intersections and no
// overlapping neighbours); and shared borders meet: every edge is used by
// one ring (province outline) or two (a border), and the edges used once
// close into loops that only go round the outside (no gaps inside).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAMES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市',
  '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西土家族苗族自治州'];
const BBOX = [108.7, 24.6, 114.3, 30.2]; // lon/lat, generous box around Hunan
const SCALE = 1000; // coordinates are rounded to 0.001°

const file = process.argv[2] ||
  fileURLToPath(new URL('../../data/geo/hunan.json', import.meta.url));
const gj = JSON.parse(readFileSync(file, 'utf8'));
const errors = [];
const fail = (msg) => errors.push(msg);

if (gj.type !== 'FeatureCollection') fail('not a FeatureCollection');
const feats = gj.features || [];
const names = feats.map((f) => f.properties && f.properties.name);
if (JSON.stringify(names) !== JSON.stringify(NAMES)) fail(`names differ: ${names.join(' ')}`);

const onGrid = (v) => Math.abs(v * SCALE - Math.round(v * SCALE)) < 1e-6;
const segs = []; // [ax, ay, bx, by, featureIndex] in integer units
const edgeUse = new Map(); // undirected edge -> count
const directed = []; // edges in ring direction, for the outline loops
let npts = 0;

feats.forEach((f, fi) => {
  const p = f.properties || {};
  const keys = Object.keys(p).filter((k) => k !== 'name' && k !== 'cp');
  if (keys.length) fail(`${p.name}: extra properties ${keys}`);
  if (p.cp !== undefined && !(Array.isArray(p.cp) && p.cp.length === 2 && p.cp.every(onGrid)))
    fail(`${p.name}: bad cp ${JSON.stringify(p.cp)}`);
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) { fail(`${p.name}: geometry ${g && g.type}`); return; }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!polys.length) fail(`${p.name}: empty geometry`);
  for (const poly of polys) poly.forEach((ring, ri) => {
    if (ring.length < 4) fail(`${p.name}: ring with ${ring.length} positions`);
    const a = ring[0], z = ring[ring.length - 1];
    if (a[0] !== z[0] || a[1] !== z[1]) fail(`${p.name}: ring not closed`);
    let area2 = 0;
    for (let i = 0; i < ring.length; i++) {
      const [x, y] = ring[i];
      npts++;
      if (!(x >= BBOX[0] && x <= BBOX[2] && y >= BBOX[1] && y <= BBOX[3])) fail(`${p.name}: [${x},${y}] outside bbox`);
      if (!onGrid(x) || !onGrid(y)) fail(`${p.name}: [${x},${y}] not on the 0.001 grid`);
      if (i === ring.length - 1) break;
      const [x2, y2] = ring[i + 1];
      area2 += x * y2 - x2 * y;
      const s = [x, y, x2, y2].map((v) => Math.round(v * SCALE));
      if (s[0] === s[2] && s[1] === s[3]) { fail(`${p.name}: repeated point [${x},${y}]`); continue; }
      segs.push([...s, fi]);
      const k1 = `${s[0]},${s[1]}`, k2 = `${s[2]},${s[3]}`;
      const key = k1 < k2 ? `${k1}|${k2}` : `${k2}|${k1}`;
      edgeUse.set(key, (edgeUse.get(key) || 0) + 1);
      directed.push([k1, k2, key]);
    }
    if (area2 === 0) fail(`${p.name}: zero-area ring`);
    else if ((area2 > 0) !== (ri === 0)) fail(`${p.name}: ring ${ri} has non-RFC 7946 winding`);
  });
});

// Segment intersections, exact on integers. Allowed: identical segments
// (a shared border) and segments that only touch at a common endpoint.
const orient = (ax, ay, bx, by, cx, cy) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
const onSeg = (ax, ay, bx, by, cx, cy) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
let bad = 0;
segs.sort((s, t) => Math.min(s[0], s[2]) - Math.min(t[0], t[2]));
for (let i = 0; i < segs.length; i++) {
  const [ax, ay, bx, by, fa] = segs[i];
  const maxX = Math.max(ax, bx);
  for (let j = i + 1; j < segs.length && Math.min(segs[j][0], segs[j][2]) <= maxX; j++) {
    const [cx, cy, dx, dy, fb] = segs[j];
    if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) continue;
    const same = (ax === cx && ay === cy && bx === dx && by === dy) || (ax === dx && ay === dy && bx === cx && by === cy);
    if (same) continue;
    const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy);
    const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by);
    const shared = (ax === cx && ay === cy) || (ax === dx && ay === dy) || (bx === cx && by === cy) || (bx === dx && by === dy);
    let hit;
    if (o1 === 0 && o2 === 0) {
      // collinear: overlap beyond a single shared endpoint is a problem
      hit = (onSeg(ax, ay, bx, by, cx, cy) && !(cx === ax && cy === ay) && !(cx === bx && cy === by)) ||
        (onSeg(ax, ay, bx, by, dx, dy) && !(dx === ax && dy === ay) && !(dx === bx && dy === by)) ||
        (onSeg(cx, cy, dx, dy, ax, ay) && !(ax === cx && ay === cy) && !(ax === dx && ay === dy)) ||
        (onSeg(cx, cy, dx, dy, bx, by) && !(bx === cx && by === cy) && !(bx === dx && by === dy));
    } else if (shared) {
      hit = false;
    } else {
      hit = o1 !== o2 && o3 !== o4; // proper crossing, or a vertex touching another segment
    }
    if (hit && bad++ < 10) fail(`segments cross: ${NAMES[fa]} [${ax},${ay}]-[${bx},${by}] / ${NAMES[fb]} [${cx},${cy}]-[${dx},${dy}] (×0.001°)`);
  }
}

// Borders meet: edges used once form the outline; walk them into loops.
// With RFC 7946 winding the outline loops run CCW (positive area); a gap
// between neighbours would show up as a CW loop (and so would a hole in a
// feature: this data has none, so any CW loop fails).
let once = 0, twice = 0;
for (const [key, n] of edgeUse) { if (n === 1) once++; else if (n === 2) twice++; else fail(`edge ${key} used ${n} times`); }
const next = new Map();
for (const [a, b, key] of directed) if (edgeUse.get(key) === 1) {
  if (!next.has(a)) next.set(a, []);
  next.get(a).push(b);
}
const loops = [];
for (const start of [...next.keys()]) {
  while (next.get(start).length) {
    let cur = start, area2 = 0, n = 0;
    do {
      const nb = next.get(cur).pop();
      const [x1, y1] = cur.split(',').map(Number), [x2, y2] = nb.split(',').map(Number);
      area2 += x1 * y2 - x2 * y1;
      cur = nb; n++;
      if (!next.has(cur) || (!next.get(cur).length && cur !== start)) { fail('outline does not close'); break; }
    } while (cur !== start);
    loops.push({ n, area: area2 / 2 / SCALE / SCALE });
  }
}
for (const l of loops) if (l.area <= 0) fail(`gap between features: CW loop of ${l.n} edges, ${(-l.area).toExponential(2)} deg²`);

const size = readFileSync(file).length;
console.log(`${file}: ${feats.length} features, ${npts} positions, ${size} bytes; ` +
  `${twice} shared border edges, ${once} outline edges in ${loops.length} loop(s)`);
if (errors.length) {
  for (const e of errors) console.error('FAIL', e);
  if (bad > 10) console.error(`… ${bad} segment problems in all`);
  process.exit(1);
}
console.log('OK');
