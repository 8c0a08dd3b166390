#!/usr/bin/env node
// render-charts.mjs — draw every chart of the site as a static SVG at build
// time, with ECharts' server-side renderer, in one batch.
//
// Usage: node scripts/render-charts.mjs <manifest.json>
//
// The manifest (see manifest.mjs) is
//   {"geo": "data/geo/hunan.json",
//    "jobs": [{"in": "…/zh/overview.json", "out": "…/overview.svg"}, …]}
// Each job's in is a chart written by the Go generator — {"id", "lang",
// "width", "height", "map", "option", "layout", "roles"}, lang zh or en,
// named <id>.json, or <id>.narrow.json for a chart's phone layout (layout
// "narrow") — and out the SVG to write; geo is the map geometry, needed
// once a map chart comes. Both layouts go into the page; CSS shows the one
// that fits. The page shows that SVG inline at once; JavaScript only makes
// it interactive later.
//
// The SVG that ECharts writes is parsed (saxes, a strict XML parser) and
// rebuilt here, element by element, so that it can be inlined into pages
// served with a strict Content-Security-Policy (style-src 'self'):
//   - the <style> block (CSS hover rules) is dropped, and so are the classes
//     that only it used;
//   - style="font-size:…;font-family:…" on texts becomes presentation
//     attributes (font-size="…" font-family="…"), which CSP allows;
//   - the ecmeta_* attributes (for ECharts' SSR client, not used) are dropped;
//   - ids (clip paths, gradients) get a prefix made from the chart id instead
//     of ECharts' per-process counter, so that the output does not depend on
//     the order of the batch and never collides with the ids of a live chart;
//   - it gets a viewBox (CSS scales it: width:100%;height:auto), role="img"
//     and aria-label (the option's aria.label.description, else its title),
//     and data-layout ("wide" or "narrow"), which the site's CSS shows by width;
//   - a path made only of M, L and Z is rewritten with relative lines
//     (l), the same points exactly (compactPath), and the font and
//     anchor that the labels share are said once, on <svg>, where texts
//     inherit them in every engine (hoistTextAttrs; the baseline stays on
//     each text): the map outlines and the labels' attributes were four
//     fifths of the site's inline SVG bytes;
//   - an element filled or stroked with one of the chart's role colours
//     ("roles": {"#222222": "text", …}) gets the class f-<role> or s-<role>,
//     which the site's CSS recolours in dark mode (the attribute stays, for
//     the light default and the downloaded file).
// Rebuilding is also the safety check: only an allow-list of SVG elements
// passes, every attribute is re-quoted and escaped, an on* attribute or a
// link other than a same-document #ref is an error, and text is XML-escaped.
//
// One summary line goes to stderr: "rendered N charts in T ms". On an error
// it says which file failed and why and exits 1.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import * as echarts from 'echarts';
// ECharts' own table of Latin character widths (its estimate when no canvas
// measures text, as here); zrender is ECharts' renderer, installed with it.
import { DEFAULT_TEXT_WIDTH_MAP } from 'zrender/lib/core/platform.js';
import { SaxesParser } from 'saxes';
import { readManifest, runJobs, check, main } from './manifest.mjs';

export const MAP_NAME = 'hunan';

// ECharts registers its ZH and EN UI strings by default; the names are its
// locale keys.
const LOCALES = { zh: 'ZH', en: 'EN' };

// SVG elements that ECharts' SVG renderer may write. Anything else is a bug
// (or an injection) and fails the build.
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'rect', 'path', 'circle', 'ellipse', 'line', 'polyline',
  'polygon', 'text', 'tspan', 'title', 'clipPath', 'linearGradient',
  'radialGradient', 'stop', 'pattern', 'image', 'filter', 'feDropShadow',
]);
const TEXT_PARENTS = new Set(['text', 'tspan', 'title']);

// Declarations allowed in ECharts' style="" (fonts only), written back as
// presentation attributes.
const FONT_PROPS = new Set(['font-size', 'font-family', 'font-style', 'font-weight']);

export class RenderError extends Error {}

// LATIN_WIDER: ECharts wraps, truncates and makes room for labels by its
// estimate of each character's width, made for a narrow sans (Helvetica).
// Browsers draw the site's font stack wider (DejaVu Sans, Linux's, by up
// to a fifth), so long names ran past charts' edges, at 390 px and at
// 1280. The estimate here is a fifth wider for the characters in ECharts'
// table; the others (Chinese) keep its one em, which is what they are.
const LATIN_WIDER = 1.2;
echarts.setPlatformAPI({
  measureText(text, font) {
    const size = Number(/(\d*\.?\d+)px/.exec(font ?? '')?.[1]) || 12;
    let width = 0;
    for (const ch of String(text ?? '')) {
      const k = DEFAULT_TEXT_WIDTH_MAP[ch];
      width += k == null ? size : k * size * LATIN_WIDER;
    }
    return { width };
  },
});

// escapeAttr and escapeText write back what the parser decoded. Text is
// escaped as ECharts escapes it (& < > " '), so that its text comes out
// as it went in.
function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const TEXT_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeText(s) {
  return String(s).replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]);
}

// parseFontShorthand turns "italic bold 12px sans-serif" (CSS font) into
// longhands; ECharts writes it when a text has no separate font fields.
function parseFontShorthand(v) {
  const m = /^\s*((?:(?:normal|italic|oblique|bold|bolder|lighter|[1-9]00|small-caps)\s+)*)([0-9.]+(?:px|pt|em|rem|%))(?:\s*\/\s*\S+)?\s+(.+?)\s*$/.exec(v);
  if (!m) throw new RenderError(`cannot read font shorthand ${JSON.stringify(v)}`);
  const out = { 'font-size': m[2], 'font-family': m[3] };
  for (const w of m[1].trim().split(/\s+/).filter(Boolean)) {
    if (w === 'italic' || w === 'oblique') out['font-style'] = w;
    else if (w === 'small-caps' || w === 'normal') continue;
    else out['font-weight'] = w;
  }
  return out;
}

function styleToAttrs(style) {
  const out = {};
  for (const decl of style.split(';')) {
    if (!decl.trim()) continue;
    const i = decl.indexOf(':');
    if (i < 0) throw new RenderError(`unexpected style declaration ${JSON.stringify(decl)}`);
    const prop = decl.slice(0, i).trim().toLowerCase();
    const val = decl.slice(i + 1).trim();
    if (prop === 'font') Object.assign(out, parseFontShorthand(val));
    else if (FONT_PROPS.has(prop)) out[prop] = val;
    else throw new RenderError(`unexpected style property ${JSON.stringify(prop)} (CSP forbids style attributes; add it to styleToAttrs)`);
  }
  return out;
}

// sanitizeSVG rebuilds ECharts' SVG string as described at the top of the
// file. prefix replaces ECharts' "zrN-" id prefix. The string is read by
// saxes, a strict XML parser: anything that is not well-formed XML (an
// unclosed or mismatched tag, a bare & or <, a duplicate attribute) fails.
export function sanitizeSVG(svg, { prefix, width, height, label, layout = 'wide', roles = {} }) {
  const out = [];
  const stack = [];
  let skipDepth = 0; // inside a dropped <style>
  let root = false;
  const fixRef = (v) => v.replace(/#zr\d+-/g, `#${prefix}`);
  const parser = new SaxesParser({ position: true });
  parser.on('error', (err) => { throw new RenderError(`malformed SVG at ${err.message}`); });
  for (const what of ['xmldecl', 'doctype', 'processinginstruction']) {
    parser.on(what, () => { throw new RenderError(`unexpected ${what} in the SVG`); });
  }
  const notInStyle = () => {
    if (!skipDepth) throw new RenderError('unexpected CDATA or comment outside <style>');
  };
  parser.on('cdata', notInStyle);
  parser.on('comment', notInStyle);
  parser.on('opentag', (tag) => {
    const { name, isSelfClosing: selfClosing } = tag;
    if (skipDepth || name === 'style') {
      if (!selfClosing) { stack.push(name); skipDepth++; }
      return;
    }
    if (!ELEMENTS.has(name)) throw new RenderError(`unexpected element <${name}>`);
    if (name === 'svg') {
      if (root) throw new RenderError('nested <svg>');
      root = true;
    } else if (!root) {
      throw new RenderError(`<${name}> before <svg>`);
    }
    const attrs = new Map();
    const classes = [];
    for (const [key, val] of Object.entries(tag.attributes)) {
      const lower = key.toLowerCase();
      if (!/^[A-Za-z_:][\w:.-]*$/.test(key)) throw new RenderError(`bad attribute name ${JSON.stringify(key)} on <${name}>`);
      if (lower.startsWith('on')) throw new RenderError(`event handler attribute ${key} on <${name}>`);
      if (lower.startsWith('ecmeta_') || lower === 'class') continue;
      if ((lower === 'fill' || lower === 'stroke') && Object.hasOwn(roles, val)) {
        const role = roles[val];
        if (!/^[a-z]+$/.test(role)) throw new RenderError(`bad colour role ${JSON.stringify(role)}`);
        classes.push(`${lower[0]}-${role}`);
      }
      if (lower === 'style') {
        for (const [k, v] of Object.entries(styleToAttrs(val))) attrs.set(k, v);
        continue;
      }
      if (lower === 'href' || lower === 'xlink:href') {
        if (!/^#zr\d+-[\w-]+$/.test(val) && !/^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(val)) {
          throw new RenderError(`unexpected link ${JSON.stringify(val.slice(0, 60))} on <${name}>`);
        }
        attrs.set(key, fixRef(val));
        continue;
      }
      if (name === 'path' && lower === 'd') {
        attrs.set(key, compactPath(val));
        continue;
      }
      if (lower === 'id') {
        attrs.set(key, val.replace(/^zr\d+-/, prefix));
        continue;
      }
      if (/url\(/i.test(val)) {
        if (!/^url\(#zr\d+-[\w-]+\)$/.test(val)) throw new RenderError(`unexpected url() ${JSON.stringify(val)} in ${key} on <${name}>`);
        attrs.set(key, fixRef(val));
        continue;
      }
      attrs.set(key, val);
    }
    if (name === 'svg') {
      if (!attrs.has('viewBox')) attrs.set('viewBox', `0 0 ${width} ${height}`);
      attrs.set('width', String(width));
      attrs.set('height', String(height));
      attrs.delete('baseProfile');
      attrs.delete('version');
      attrs.set('role', 'img');
      if (label) attrs.set('aria-label', label);
      attrs.set('data-layout', layout);
    }
    if (classes.length) attrs.set('class', classes.join(' '));
    let s = `<${name}`;
    for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
    s += selfClosing ? '/>' : '>';
    out.push(s);
    if (!selfClosing) stack.push(name);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return; // written whole when it opened
    stack.pop();
    if (skipDepth) { skipDepth--; return; }
    out.push(`</${tag.name}>`);
  });
  parser.on('text', (text) => {
    if (skipDepth) return;
    const parent = stack[stack.length - 1];
    if (!TEXT_PARENTS.has(parent)) {
      if (text.trim()) throw new RenderError(`unexpected text in <${parent}>: ${JSON.stringify(text.slice(0, 40))}`);
      return; // whitespace between elements
    }
    out.push(escapeText(text));
  });
  parser.write(svg).close();
  if (!root) throw new RenderError('no <svg> element');
  return hoistTextAttrs(out.join(''));
}

const PATH_TOKEN = /[MLZ]|-?(?:\d+\.?\d*|\.\d+)/g;

// compactPath writes a path of M, L and Z commands (what ECharts draws map
// outlines and bars with) with every line relative to the point before:
// "M379.7 271.2L382 274.2L384.3 269.7" becomes "M379.7 271.2l2.3 3 2.3-4.5".
// The arithmetic is on integers (tenths, or whatever the most decimals
// are), so the points are exactly the ones ECharts wrote. Any other path,
// or one that long jumps would make longer, is returned as it is.
export function compactPath(d) {
  if (!/^[MLZ0-9.\s,-]*$/.test(d)) return d;
  const toks = d.match(PATH_TOKEN) ?? [];
  let places = 0;
  for (const t of toks) {
    const i = t.indexOf('.');
    if (i >= 0) places = Math.max(places, t.length - i - 1);
  }
  if (places > 4) return d;
  const toInt = (t) => {
    const neg = t.startsWith('-');
    const [ip, fp = ''] = t.replace('-', '').split('.');
    const v = Number((ip || '0') + fp.padEnd(places, '0'));
    return neg ? -v : v;
  };
  const fmt = (v) => {
    let s = String(Math.abs(v)).padStart(places + 1, '0');
    if (places) {
      const frac = s.slice(-places).replace(/0+$/, '');
      s = s.slice(0, -places) + (frac ? '.' + frac : '');
      if (s.startsWith('0.')) s = s.slice(1);
    }
    return (v < 0 ? '-' : '') + s;
  };
  let out = '';
  let last = ''; // the number written last, '' after a command letter
  const num = (v) => {
    const s = fmt(v);
    if (last && !s.startsWith('-') && !(s.startsWith('.') && last.includes('.'))) out += ' ';
    out += s;
    last = s;
  };
  let cmd = '', x = 0, y = 0, sx = 0, sy = 0, inLine = false;
  for (let i = 0; i < toks.length;) {
    if (/[MLZ]/.test(toks[i])) cmd = toks[i++];
    if (cmd === 'Z') {
      out += 'Z'; last = ''; inLine = false; x = sx; y = sy; cmd = '';
      continue;
    }
    if (!cmd || i + 1 >= toks.length || /[MLZ]/.test(toks[i]) || /[MLZ]/.test(toks[i + 1])) return d;
    const nx = toInt(toks[i]), ny = toInt(toks[i + 1]);
    i += 2;
    if (cmd === 'M') {
      out += 'M'; last = ''; num(nx); num(ny);
      sx = nx; sy = ny; inLine = false;
      cmd = 'L'; // numbers after a moveto are linetos
    } else {
      if (!inLine) { out += 'l'; last = ''; inLine = true; }
      num(nx - x); num(ny - y);
    }
    x = nx; y = ny;
  }
  return out.length < d.length ? out : d;
}

// TEXT_INHERITED are the text properties hoisted: every engine passes
// them on to texts and tspans (resvg, Chromium, Firefox and WebKit alike),
// and no other element ECharts draws reads them. Whatever nests a chart
// must keep its root's (cards/svg.go does); the check is that every PNG
// drawn from the SVGs keeps its bytes. dominant-baseline is not one of
// them: SVG 1.1 does not inherit it and WebKit (every browser on iOS)
// follows SVG 1.1, so each text says its own, or WebKit draws it on the
// alphabetic baseline, 4-6 px above where it belongs.
const TEXT_INHERITED = ['font-family', 'font-size', 'text-anchor'];

// hoistTextAttrs says each of TEXT_INHERITED once, on <svg>, when every
// <text> has it: the most common value goes up, and the texts with that
// value drop theirs (the others keep their own, which wins over an
// inherited one). A property some text lacks stays as it is, so that no
// text takes a value it did not have.
export function hoistTextAttrs(svg) {
  const texts = svg.match(/<text\b[^>]*>/g) ?? [];
  if (texts.length < 2) return svg;
  const hoisted = [];
  for (const name of TEXT_INHERITED) {
    const re = new RegExp(` ${name}="([^"]*)"`);
    const vals = texts.map((t) => re.exec(t)?.[1]);
    if (vals.includes(undefined)) continue;
    if (new RegExp(`<(?!text\\b)[a-zA-Z]+\\b[^>]* ${name}="`).test(svg)) continue;
    const counts = new Map();
    for (const v of vals) counts.set(v, (counts.get(v) ?? 0) + 1);
    const [top] = [...counts].sort((a, b) => b[1] - a[1])[0];
    hoisted.push(` ${name}="${top}"`);
  }
  if (!hoisted.length) return svg;
  return svg
    .replace(/<text\b[^>]*>/g, (t) => hoisted.reduce((tag, attr) => tag.replace(attr, ''), t))
    .replace(/^<svg\b/, `<svg${hoisted.join('')}`);
}

// chartLabel is the accessible name of the SVG: aria.label.description,
// else the first title's text.
function chartLabel(option) {
  const d = option?.aria?.label?.description;
  if (typeof d === 'string' && d.trim()) return d.trim();
  const t = Array.isArray(option?.title) ? option.title[0] : option?.title;
  if (t && typeof t.text === 'string' && t.text.trim()) return t.text.trim();
  return '';
}

// idPrefix makes an id prefix from the chart id: letters, digits and dashes.
function idPrefix(id) {
  return `c-${String(id).replace(/[^A-Za-z0-9-]/g, '_')}-`;
}

// renderChart renders one chart file's content to the sanitized SVG string.
export function renderChart(chart) {
  const { id, lang, width, height, option } = chart;
  const layout = chart.layout ?? 'wide';
  if (layout !== 'wide' && layout !== 'narrow') throw new RenderError(`bad layout ${JSON.stringify(layout)}`);
  const roles = chart.roles ?? {};
  if (typeof roles !== 'object' || Array.isArray(roles)) throw new RenderError('roles is not an object');
  if (typeof id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) throw new RenderError(`bad id ${JSON.stringify(id)}`);
  for (const [k, v] of [['width', width], ['height', height]]) {
    if (!Number.isInteger(v) || v <= 0 || v > 10000) throw new RenderError(`bad ${k} ${JSON.stringify(v)}`);
  }
  if (!option || typeof option !== 'object' || Array.isArray(option)) throw new RenderError('option is not an object');
  if (chart.map && chart.map !== MAP_NAME) throw new RenderError(`unknown map ${JSON.stringify(chart.map)}`);
  const locale = LOCALES[lang];
  if (!locale) throw new RenderError(`unknown language ${JSON.stringify(lang)}`);

  // ECharts reports a bad option (unknown series type or component, a map
  // that is not registered, a deprecated setting) on the console and goes
  // on; here that fails the chart.
  const complaints = [];
  const { warn, error } = console;
  console.warn = console.error = (...args) => complaints.push(args.map(String).join(' '));
  let ec;
  try {
    ec = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale });
    ec.setOption({ ...option, animation: false });
    const raw = ec.renderToSVGString();
    if (complaints.length) throw new RenderError(`ECharts: ${complaints.join('; ')}`);
    // Both layouts are in one page: their ids must differ.
    const prefix = idPrefix(layout === 'wide' ? id : `${id}-${layout}`);
    return sanitizeSVG(raw, { prefix, width, height, label: chartLabel(option), layout, roles });
  } catch (err) {
    if (complaints.length && !(err instanceof RenderError)) err.message = `${err.message} (ECharts: ${complaints.join('; ')})`;
    throw err;
  } finally {
    console.warn = warn;
    console.error = error;
    ec?.dispose();
  }
}

let registeredGeo = null;

// registerGeo registers the map geometry once per process.
export function registerGeo(geojsonFile) {
  if (registeredGeo === geojsonFile) return;
  let geo;
  try {
    geo = JSON.parse(readFileSync(geojsonFile, 'utf8'));
  } catch (err) {
    throw new RenderError(`map geometry ${geojsonFile}: ${err.message}`);
  }
  if (geo?.type !== 'FeatureCollection' || !Array.isArray(geo.features)) {
    throw new RenderError(`map geometry ${geojsonFile}: not a GeoJSON FeatureCollection`);
  }
  echarts.registerMap(MAP_NAME, { geoJSON: geo });
  registeredGeo = geojsonFile;
}

// renderAll runs a manifest; returns the number of charts. ECharts draws
// on the main thread: one chart at a time (the build runs two processes).
export async function renderAll(manifestFile) {
  const m = readManifest(manifestFile, { settings: { geo: check.optionalFile }, outSuffix: '.svg' });
  let geoLoaded = false;
  return runJobs(m.jobs, async ({ in: file, out }) => {
    const chart = JSON.parse(readFileSync(file, 'utf8'));
    const name = chart.layout === 'narrow' ? `${chart.id}.narrow` : chart.id;
    if (name !== basename(file, '.json')) throw new RenderError(`id ${JSON.stringify(chart.id)} (layout ${JSON.stringify(chart.layout)}) does not match the file name`);
    if (chart.map && !geoLoaded) {
      if (!m.geo || !existsSync(m.geo)) throw new RenderError(`map chart but no map geometry at ${m.geo}`);
      registerGeo(m.geo);
      geoLoaded = true;
    }
    writeFileSync(out, renderChart(chart));
  }, { parallel: 1 });
}

await main(import.meta, 'render-charts', renderAll, (n, ms) => `rendered ${n} charts in ${ms} ms`, [RenderError]);
