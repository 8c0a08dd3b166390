// Tests of render-charts.mjs: node --test scripts/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sanitizeSVG, compactPath, hoistTextAttrs } from './render-charts.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'render-charts.mjs');
const HOSTILE = '<script>alert(1)</script>" onload="x';
const HOSTILE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x';

const rect = (x0, y0, x1, y1) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
const GEO = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '长沙市' }, geometry: { type: 'Polygon', coordinates: rect(112, 28, 114, 29) } },
    { type: 'Feature', properties: { name: '株洲市' }, geometry: { type: 'Polygon', coordinates: rect(112.5, 26, 114, 28) } },
    { type: 'Feature', properties: { name: HOSTILE }, geometry: { type: 'Polygon', coordinates: rect(111, 26, 112.5, 28) } },
  ],
};

const BAR = {
  id: 'bar-test', lang: 'zh', width: 400, height: 300, map: '',
  option: {
    aria: { enabled: true, label: { description: `柱状图 ${HOSTILE}` } },
    tooltip: {}, legend: {},
    xAxis: { type: 'category', data: [HOSTILE, '株洲市'] },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: HOSTILE, data: [{ name: HOSTILE, value: 3 }, 5], label: { show: true, formatter: '{b}: {c}' } }],
  },
};

const MAP = {
  id: 'map-test', lang: 'en', width: 360, height: 400, map: 'hunan',
  option: {
    title: { text: HOSTILE },
    legend: {},
    visualMap: { type: 'piecewise', pieces: [{ min: 0, max: 2, label: 'few' }, { min: 2, label: 'many' }] },
    series: [{
      type: 'map', map: 'hunan', name: HOSTILE, label: { show: true },
      data: [{ name: '长沙市', value: 3 }, { name: '株洲市', value: 1 }, { name: HOSTILE, value: 2 }],
    }],
  },
};

function fileName(c) {
  return c.layout === 'narrow' ? `${c.id}.narrow.json` : `${c.id}.json`;
}

// setup writes the charts and a manifest for them, as the Go build does.
function setup(charts, { geo = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'render-charts-'));
  const geoFile = join(dir, 'hunan.json');
  if (geo) writeFileSync(geoFile, JSON.stringify(GEO));
  const chartsDir = join(dir, 'charts');
  const jobs = [];
  for (const c of charts) {
    mkdirSync(join(chartsDir, c.lang), { recursive: true });
    const file = join(chartsDir, c.lang, fileName(c));
    writeFileSync(file, JSON.stringify(c));
    jobs.push({ in: file, out: file.replace(/\.json$/, '.svg') });
  }
  const manifest = join(dir, 'charts.json');
  writeFileSync(manifest, JSON.stringify({ geo: geoFile, jobs }));
  return { dir, manifest, chartsDir };
}

function run(manifest) {
  return spawnSync(process.execPath, [script, manifest], { encoding: 'utf8', timeout: 60_000 });
}

function assertSafe(svg) {
  assert.doesNotMatch(svg, /<script/i, 'no <script');
  // Attribute names of every tag, values left out.
  const names = [...svg.matchAll(/<[A-Za-z][^>]*>/g)]
    .flatMap((m) => [...m[0].replace(/"[^"]*"/g, '""').matchAll(/\s([^\s=>]+)=/g)].map((a) => a[1].toLowerCase()));
  assert.ok(names.length > 10);
  assert.ok(!names.some((n) => n.startsWith('on')), 'no on* attribute');
  assert.ok(!names.includes('style'), 'no style attribute (CSP)');
  assert.ok(svg.split(HOSTILE_ESCAPED).every((part) => !part.includes('onload')), 'onload only inside escaped text');
  assert.doesNotMatch(svg, /<style/i, 'no <style> element (CSP)');
}

test('renders a bar chart and a map chart to safe, scalable SVG', () => {
  const { dir, manifest, chartsDir } = setup([BAR, MAP]);
  try {
    const r = run(manifest);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^rendered 2 charts in \d+ ms\n$/);

    const bar = readFileSync(join(chartsDir, 'zh', 'bar-test.svg'), 'utf8');
    assert.match(bar, /^<svg [^>]*viewBox="0 0 400 300"/);
    assert.match(bar, /^<svg [^>]*role="img"/);
    assert.ok(bar.includes(`aria-label="柱状图 ${HOSTILE_ESCAPED}"`), 'aria-label from aria.label.description, escaped');
    assert.ok(bar.includes(`>${HOSTILE_ESCAPED}</text>`), 'hostile axis label and series name (legend) appear escaped, as text');
    assert.ok(bar.includes(`>${HOSTILE_ESCAPED}: 3</text>`), 'hostile data name appears escaped, as text');
    assertSafe(bar);

    const map = readFileSync(join(chartsDir, 'en', 'map-test.svg'), 'utf8');
    assert.match(map, /^<svg [^>]*viewBox="0 0 360 400"/);
    assert.ok(map.includes('>长沙市</text>'), 'region label drawn');
    assert.ok(map.includes(`>${HOSTILE_ESCAPED}</text>`), 'hostile title, series and region names appear escaped, as text');
    assert.equal(map.split(`>${HOSTILE_ESCAPED}</text>`).length - 1, 3, 'title, legend and region label');
    assertSafe(map);
    // ids are prefixed per chart, not by ECharts' process counter.
    assert.doesNotMatch(map + bar, /id="zr\d/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a narrow layout is drawn beside the wide one, with its own ids, and role colours get classes', () => {
  const roles = { '#222222': 'text', '#FFFFFF': 'ground' };
  const wide = { ...MAP, roles, option: {
    ...MAP.option, backgroundColor: '#FFFFFF',
    series: [{ ...MAP.option.series[0], label: { show: true, color: '#222222' } }],
  } };
  const narrow = { ...wide, layout: 'narrow', width: 200, height: 300 };
  const wrongName = { ...narrow, id: 'other' };
  // A continuous legend draws a gradient, which has an id.
  const barOption = { ...BAR.option, visualMap: { type: 'continuous', min: 0, max: 5 } };
  const bar = { ...BAR, option: barOption };
  const barNarrow = { ...bar, layout: 'narrow', width: 200 };
  const { dir, manifest, chartsDir } = setup([wide, narrow, bar, barNarrow]);
  try {
    const r = run(manifest);
    assert.equal(r.status, 0, r.stderr);
    const w = readFileSync(join(chartsDir, 'en', 'map-test.svg'), 'utf8');
    const n = readFileSync(join(chartsDir, 'en', 'map-test.narrow.svg'), 'utf8');
    assert.match(w, /^<svg [^>]*data-layout="wide"/);
    assert.match(n, /^<svg [^>]*viewBox="0 0 200 300"[^>]*data-layout="narrow"/);
    assert.match(n, /<rect [^>]*fill="#FFFFFF"[^>]*class="f-ground"/, 'the ground is classed, its fill kept');
    assert.match(n, /<text [^>]*fill="#222222"[^>]*class="f-text"/, 'text in the text colour is classed');
    const ids = (s) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const bw = readFileSync(join(chartsDir, 'zh', 'bar-test.svg'), 'utf8');
    const bn = readFileSync(join(chartsDir, 'zh', 'bar-test.narrow.svg'), 'utf8');
    assert.ok(ids(bn).length > 0, 'the bar chart has ids (clip paths)');
    assert.ok(ids(bn).every((id) => !ids(bw).includes(id)), 'no id of the narrow drawing is one of the wide one');
    assertSafe(n);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bad = setup([]);
  try {
    const file = join(bad.dir, 'map-test.narrow.json');
    writeFileSync(file, JSON.stringify(wrongName));
    writeFileSync(bad.manifest, JSON.stringify({ geo: join(bad.dir, 'hunan.json'), jobs: [{ in: file, out: join(bad.dir, 'x.svg') }] }));
    const r = run(bad.manifest);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /does not match the file name/);
  } finally {
    rmSync(bad.dir, { recursive: true, force: true });
  }
});

test('output does not depend on the order of the batch', () => {
  const a = setup([BAR, MAP]);
  const b = setup([MAP]);
  try {
    assert.equal(run(a.manifest).status, 0);
    assert.equal(run(b.manifest).status, 0);
    const p = (d) => readFileSync(join(d, 'en', 'map-test.svg'), 'utf8');
    assert.equal(p(a.chartsDir), p(b.chartsDir));
  } finally {
    rmSync(a.dir, { recursive: true, force: true });
    rmSync(b.dir, { recursive: true, force: true });
  }
});

test('a broken chart fails the batch and names the file', () => {
  const bad = { ...BAR, id: 'bad-chart', option: { series: [{ type: 'nosuchseries', data: [1] }] } };
  const { dir, manifest, chartsDir } = setup([bad]);
  try {
    const r = run(manifest);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad-chart\.json/);
    assert.ok(!existsSync(join(chartsDir, 'zh', 'bad-chart.svg')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a map chart without geometry fails', () => {
  const { dir, manifest } = setup([MAP], { geo: false });
  try {
    const r = run(manifest);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /map-test\.json.*: map chart but no map geometry/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sanitizeSVG rejects what ECharts must never write', () => {
  const opts = { prefix: 'c-x-', width: 10, height: 10, label: '' };
  assert.throws(() => sanitizeSVG('<svg><script>x</script></svg>', opts), /unexpected element <script>/);
  assert.throws(() => sanitizeSVG('<svg><text font-family="a" onload="b">t</text></svg>', opts), /event handler/);
  assert.throws(() => sanitizeSVG('<svg><image href="https://example.com/x.png"></image></svg>', opts), /unexpected link/);
  assert.throws(() => sanitizeSVG('<svg><rect fill="url(https://example.com/#x)"></rect></svg>', opts), /unexpected url/);
  // Not well-formed XML: the parser's verdict, with its position.
  assert.throws(() => sanitizeSVG('<svg><g></svg>', opts), /malformed SVG at 1:\d+: unexpected close tag/);
  assert.throws(() => sanitizeSVG('<svg><g>', opts), /malformed SVG .*unclosed tag: g/);
  assert.throws(() => sanitizeSVG('<svg><text fill="a&b">t</text></svg>', opts), /malformed SVG/);
  assert.throws(() => sanitizeSVG('<svg><rect fill="a" fill="b"/></svg>', opts), /duplicate attribute: fill/);
  assert.throws(() => sanitizeSVG('<svg><text>a < b</text></svg>', opts), /malformed SVG/);
  assert.throws(() => sanitizeSVG('<svg></svg><svg></svg>', opts), /malformed SVG/);
  assert.throws(() => sanitizeSVG('<!DOCTYPE svg><svg></svg>', opts), /unexpected doctype/);
  assert.throws(() => sanitizeSVG('<svg><!-- x --></svg>', opts), /comment outside <style>/);
  assert.equal(
    sanitizeSVG('<svg width="10" height="10"><text style="font: bold 12px serif">a &amp; b</text><style>.x{}</style></svg>', opts),
    '<svg width="10" height="10" viewBox="0 0 10 10" role="img" data-layout="wide"><text font-size="12px" font-family="serif" font-weight="bold">a &amp; b</text></svg>',
  );
  // Text comes out escaped as ECharts escapes it; attributes are re-quoted.
  assert.equal(
    sanitizeSVG(`<svg><text font-family="'A', sans-serif" fill='#000'>&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; &#x41;</text><rect/></svg>`, opts),
    `<svg viewBox="0 0 10 10" width="10" height="10" role="img" data-layout="wide"><text font-family="'A', sans-serif" fill="#000">&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; A</text><rect/></svg>`,
  );
});

test('a manifest that is not the protocol fails and says why', () => {
  const { dir, manifest } = setup([BAR]);
  try {
    for (const [body, want] of [
      ['[]', /not a JSON object with "jobs"/],
      ['{"jobs": {}}', /"jobs" is not a list/],
      ['{"jobs": [{"in": "x.json"}]}', /job 0: no out file/],
      ['{"jobs": [{"in": "x.json", "out": "x.png"}]}', /job 0: out x\.png is not a \.svg file/],
      ['{"jobs": [], "gao": "x"}', /unknown setting "gao"/],
      ['{"jobs": [{"in": "x.json", "out": "x.svg", "width": 3}]}', /job 0: unknown field "width"/],
    ]) {
      writeFileSync(manifest, body);
      const r = run(manifest);
      assert.equal(r.status, 1, body);
      assert.match(r.stderr, want, body);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// points reads a path of M, L, l and Z back into absolute points, in
// integer thousandths, so that equal means exactly equal.
function points(d) {
  const toks = d.match(/[MLlZ]|-?(?:\d+\.?\d*|\.\d+)/g);
  const n = (t) => Math.round(Number(t) * 1000);
  const out = [];
  let cmd = '', x = 0, y = 0, sx = 0, sy = 0;
  for (let i = 0; i < toks.length;) {
    if (/[MLlZ]/.test(toks[i])) cmd = toks[i++];
    if (cmd === 'Z') { out.push('Z'); x = sx; y = sy; cmd = ''; continue; }
    const a = n(toks[i]), b = n(toks[i + 1]);
    i += 2;
    if (cmd === 'l') { x += a; y += b; } else { x = a; y = b; }
    if (cmd === 'M') { sx = x; sy = y; cmd = 'L'; }
    out.push(`${x},${y}`);
  }
  return out;
}

test('compactPath keeps every point exactly, and leaves other paths alone', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const coord = (places) => (rnd() * 1200 - 100).toFixed(places).replace(/\.?0+$/, '') || '0';
  for (let k = 0; k < 300; k++) {
    const places = k % 4;
    let d = '';
    for (let r = 0; r <= k % 3; r++) {
      d += `M${coord(places)} ${coord(places)}`;
      for (let j = 0; j < 1 + (k % 40); j++) d += `L${coord(places)} ${coord(places)}`;
      if (rnd() < 0.7) d += 'Z';
    }
    const c = compactPath(d);
    assert.deepEqual(points(c), points(d), `${d} -> ${c}`);
    assert.ok(c.length <= d.length, `${d} -> ${c} is longer`);
  }
  assert.equal(compactPath('M379.7 271.2L382 274.2L384.3 269.7Z'), 'M379.7 271.2l2.3 3 2.3-4.5Z');
  for (const d of ['M0 0C1 2 3 4 5 6', 'M1 2A3 3 0 0 1 4 5', 'M1e-7 2L3 4', 'M1.23456 2L3 4', '']) {
    assert.equal(compactPath(d), d);
  }
});

test('hoistTextAttrs says shared text properties once, only what every text has and every engine inherits', () => {
  const t = (attrs) => `<text${attrs} x="1">a</text>`;
  const A = ' font-family="A, B" text-anchor="middle"';
  // every text has both: the common values go up, an odd one stays
  assert.equal(
    hoistTextAttrs(`<svg width="1">${t(A)}${t(A)}${t(' font-family="A, B" text-anchor="end"')}</svg>`),
    `<svg font-family="A, B" text-anchor="middle" width="1">${t('')}${t('')}${t(' text-anchor="end"')}</svg>`);
  // the baseline stays on every text: WebKit does not inherit it
  const B = ' font-size="12px" dominant-baseline="central"';
  assert.equal(
    hoistTextAttrs(`<svg>${t(B)}${t(B)}</svg>`),
    `<svg font-size="12px">${t(' dominant-baseline="central"')}${t(' dominant-baseline="central"')}</svg>`);
  // a text without a property, or another element with it: that one stays
  for (const body of [t(' font-family="A"') + t(''), t(' font-family="A"') + t(' font-family="A"') + '<g font-family="C"></g>']) {
    assert.equal(hoistTextAttrs(`<svg>${body}</svg>`), `<svg>${body}</svg>`);
  }
});
