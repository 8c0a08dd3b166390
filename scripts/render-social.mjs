#!/usr/bin/env node
// render-social.mjs — draw the site's social preview images (Open Graph,
// Twitter cards) as 1200 × 630 PNGs at build time, in one batch, with resvg.
//
// Usage: node scripts/render-social.mjs <manifest.json>
//
// The manifest, written by the Go build (generator/pipeline/social.go), is a
// JSON array of cards:
//   [{"out": "generated/assets/social/zh/industry-x.png", "lang": "zh",
//     "title": "…", "subtitle": "…", "footer": "line\nline", "chartSVG": "<svg …>…</svg>"}]
// `out` is resolved against the current folder. Each card is white: on the
// left the title (bold, as large as fits in three or four lines), the subtitle
// (shortened with … to the room left) and, at the bottom, the footer lines
// (the site's name and the document number); on the right the chart — the
// build-time SVG of the page's chart, inlined as a nested <svg> and scaled
// to fit.
//
// Text is laid out here, with the advance widths read from the font files,
// and drawn by resvg with those files only: the two subsets of Noto Sans SC
// in data/fonts/ (regular and bold), never a system font, so that the same
// input gives the same PNG on every machine.
//
// One summary line goes to stderr: "rendered N social images in T ms". On an
// error it names the card (its index and out) and exits 1.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { renderAsync } from '@resvg/resvg-js';

const here = dirname(fileURLToPath(import.meta.url));

export const WIDTH = 1200;
export const HEIGHT = 630;
export const FAMILY = 'Noto Sans SC';
// Keep in step with generator/socialfont.Files.
export const FONT_FILES = {
  regular: join(here, '..', 'data', 'fonts', 'NotoSansSC-Regular.subset.ttf'),
  bold: join(here, '..', 'data', 'fonts', 'NotoSansSC-Bold.subset.ttf'),
};

// The site's colours (themes/plansite/assets/css/site.css, light scheme).
const FG = '#1b1f24';
const MUTED = '#4f5863';
const LINE = '#d5dae0';
const ACCENT = '#0b5cab';

// The card's boxes, in pixels.
const PAD = 64;
const LEFT = { x: PAD, width: 492 }; // the text column
const DIVIDER_X = 588;
const CHART = { x: 608, y: 36, width: 560, height: HEIGHT - 72 };
const TITLE_SIZES = [64, 58, 52, 46, 42, 38, 34];
const TITLE_FOUR_LINES = 46; // from this size down, a title may take four lines
const SUBTITLE = { size: 27, lineHeight: 1.45, maxLines: 5 };
const FOOTER = { size: 20, lineHeight: 1.4 };

export class SocialError extends Error {}

// ---------------------------------------------------------------- fonts

// readMetrics reads what the layout needs of an sfnt font: its cmap
// (formats 4 and 12), the advance widths (hmtx) and units per em.
export function readMetrics(buf) {
  const u16 = (o) => buf.readUInt16BE(o);
  const i16 = (o) => buf.readInt16BE(o);
  const u32 = (o) => buf.readUInt32BE(o);
  const tables = {};
  const n = u16(4);
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    tables[buf.toString('latin1', rec, rec + 4)] = u32(rec + 8);
  }
  for (const t of ['cmap', 'head', 'hhea', 'hmtx']) {
    if (tables[t] === undefined) throw new SocialError(`font has no ${t} table`);
  }
  const unitsPerEm = u16(tables.head + 18);
  const numberOfHMetrics = u16(tables.hhea + 34);
  // The top of the em box above the baseline: OS/2's typographic ascender
  // (880 of 1000 in Noto Sans SC), else hhea's.
  const ascender = tables['OS/2'] !== undefined ? i16(tables['OS/2'] + 68) : i16(tables.hhea + 4);
  const advances = [];
  for (let i = 0; i < numberOfHMetrics; i++) advances.push(u16(tables.hmtx + 4 * i));

  const cmap = new Map();
  const c = tables.cmap;
  let best = null;
  for (let i = 0, count = u16(c + 2); i < count; i++) {
    const platform = u16(c + 4 + 8 * i);
    const encoding = u16(c + 6 + 8 * i);
    const sub = c + u32(c + 8 + 8 * i);
    const format = u16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) { best = { sub, format }; break; }
    if (format === 4 && !best) best = { sub, format };
  }
  if (!best) throw new SocialError('font has no Unicode cmap');
  const { sub, format } = best;
  if (format === 12) {
    for (let i = 0, groups = u32(sub + 12); i < groups; i++) {
      const g = sub + 16 + 12 * i;
      const start = u32(g);
      const end = u32(g + 4);
      const glyph = u32(g + 8);
      for (let cp = start; cp <= end; cp++) cmap.set(cp, glyph + cp - start);
    }
  } else {
    const segs = u16(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + 2 * segs + 2;
    const deltas = starts + 2 * segs;
    const offsets = deltas + 2 * segs;
    for (let i = 0; i < segs; i++) {
      const start = u16(starts + 2 * i);
      const end = u16(ends + 2 * i);
      const delta = i16(deltas + 2 * i);
      const ro = u16(offsets + 2 * i);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph;
        if (ro === 0) glyph = (cp + delta) & 0xffff;
        else {
          glyph = u16(offsets + 2 * i + ro + 2 * (cp - start));
          if (glyph) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph) cmap.set(cp, glyph);
      }
    }
  }
  const advance = (glyph) => advances[Math.min(glyph, advances.length - 1)];
  return {
    ascent: ascender / unitsPerEm,
    has: (cp) => cmap.has(cp),
    // width in em of a string; a character the font lacks counts as .notdef
    width(s) {
      let w = 0;
      for (const ch of s) w += advance(cmap.get(ch.codePointAt(0)) ?? 0);
      return w / unitsPerEm;
    },
  };
}

let fonts = null;
function loadFonts() {
  if (!fonts) {
    fonts = {};
    for (const [k, f] of Object.entries(FONT_FILES)) {
      try {
        fonts[k] = readMetrics(readFileSync(f));
      } catch (err) {
        throw new SocialError(`font ${f}: ${err.message} (remake it with bash scripts/fonts/build.sh)`);
      }
    }
  }
  return fonts;
}

// ---------------------------------------------------------------- line breaking

// Characters that may not start a line (closing punctuation), and that may
// not end one (opening punctuation).
const NO_START = new Set([...'，。、：；！？）》〕」』】”’…·%,.;:!?)]}'].concat(['\u2014']));
const NO_END = new Set([...'（《〔「『【“‘([{']);

// wide: a character that a line may break before or after (Han, kana,
// CJK punctuation, full-width forms).
function wide(ch) {
  const cp = ch.codePointAt(0);
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
    || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
}

// atoms splits text into the pieces a line can break between: a Latin
// word (with its punctuation), one wide character (with the punctuation
// that must stay with it), or a space.
export function atoms(text) {
  const out = [];
  let cur = '';
  let glue = false; // cur ends with an opening mark: the next character joins it
  const flush = () => {
    if (cur) out.push({ s: cur });
    cur = '';
    glue = false;
  };
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if (ch === ' ') {
      flush();
      out.push({ s: ' ', space: true });
    } else if (NO_START.has(ch)) {
      if (cur) cur += ch;
      else if (out.length && !out[out.length - 1].space) out[out.length - 1].s += ch;
      else cur = ch;
    } else if (NO_END.has(ch)) {
      if (!glue) flush();
      cur += ch;
      glue = true;
    } else if (wide(ch)) {
      // A number keeps the character after it (16个, 54号): no break inside.
      if (glue || /[0-9]$/.test(cur)) {
        cur += ch;
        flush();
      } else {
        flush();
        out.push({ s: ch });
      }
    } else {
      cur += ch;
      glue = false;
    }
  }
  flush();
  return out;
}

// wrap breaks text into lines no wider than width pixels at size pixels.
// broken says whether a word had to be cut to fit.
export function wrap(text, font, size, width) {
  const lines = [];
  let line = '';
  let lineW = 0;
  let space = false;
  let broken = false;
  const w = (s) => font.width(s) * size;
  const spaceW = w(' ');
  const push = () => {
    if (line) lines.push(line);
    line = '';
    lineW = 0;
    space = false;
  };
  for (const a of atoms(text)) {
    if (a.space) {
      if (line) space = true;
      continue;
    }
    const aw = w(a.s);
    const gap = space ? spaceW : 0;
    if (line && lineW + gap + aw <= width) {
      line += (space ? ' ' : '') + a.s;
      lineW += gap + aw;
      space = false;
      continue;
    }
    push();
    if (aw <= width) {
      line = a.s;
      lineW = aw;
      continue;
    }
    // A word wider than the line: cut it where it overflows.
    broken = true;
    for (const ch of a.s) {
      const cw = w(ch);
      if (line && lineW + cw > width) push();
      line += ch;
      lineW += cw;
    }
  }
  push();
  return { lines, broken };
}

// shorten keeps at most max lines, ending the last with … when text was cut.
export function shorten(lines, max, font, size, width) {
  if (lines.length <= max) return lines;
  const out = lines.slice(0, max);
  let last = out[max - 1];
  const fits = (s) => font.width(s + '…') * size <= width;
  while (last && !fits(last)) last = [...last].slice(0, -1).join('');
  out[max - 1] = last.replace(/[\s,，、;；:：·]+$/u, '') + '…';
  return out;
}

// balance narrows the measure as far as the text keeps its number of
// lines, so that the lines come out about even (no lone last character).
export function balance(text, font, size, width) {
  const want = wrap(text, font, size, width);
  if (want.lines.length < 2) return want;
  let lo = width / want.lines.length;
  let hi = width;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    const got = wrap(text, font, size, mid);
    if (got.lines.length <= want.lines.length && got.broken === want.broken) hi = mid;
    else lo = mid;
  }
  return wrap(text, font, size, hi);
}

// layoutTitle picks the largest title size at which the title fits
// without cutting a word, in three lines (four at the smaller sizes), with
// balanced lines; failing that, the smallest size, shortened to four lines.
export function layoutTitle(title, font) {
  const maxLines = (size) => (size <= TITLE_FOUR_LINES ? 4 : 3);
  for (const size of TITLE_SIZES) {
    const { lines, broken } = balance(title, font, size, LEFT.width);
    if (lines.length <= maxLines(size) && !broken) return { size, lines };
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1];
  return { size, lines: shorten(wrap(title, font, size, LEFT.width).lines, maxLines(size), font, size, LEFT.width) };
}

// ---------------------------------------------------------------- the card

function escapeXML(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ROOT = /^\s*<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/;
const ATTR = /([\w:-]+)\s*=\s*"([^"]*)"/g;

// nestChart turns the chart's SVG into a nested <svg> that fills box,
// keeping its aspect ratio (centred). It returns the element and the
// namespace declarations the root must carry.
export function nestChart(svg, box) {
  const m = ROOT.exec(svg);
  if (!m) throw new SocialError('chartSVG is not an <svg> element');
  const attrs = {};
  for (const a of m[1].matchAll(ATTR)) attrs[a[1]] = a[2];
  const w = parseFloat(attrs.width);
  const h = parseFloat(attrs.height);
  const viewBox = attrs.viewBox ?? (w > 0 && h > 0 ? `0 0 ${w} ${h}` : null);
  if (!viewBox) throw new SocialError('chartSVG has neither a viewBox nor a width and height');
  const ns = Object.entries(attrs).filter(([k]) => k.startsWith('xmlns:'));
  const el = `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" viewBox="${escapeXML(viewBox)}" preserveAspectRatio="xMidYMid meet">${m[2]}</svg>`;
  return { el, ns };
}

// cardSVG composes one card as an SVG document.
export function cardSVG(item) {
  const f = loadFonts();
  const parts = [];
  const text = (x, y, size, weight, fill, s) =>
    parts.push(`<text x="${x}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXML(s)}</text>`);

  // The footer, from the bottom up.
  const footerLines = [];
  for (const l of String(item.footer ?? '').split('\n')) {
    if (l.trim()) footerLines.push(...wrap(l, f.regular, FOOTER.size, LEFT.width).lines);
  }
  const footerStep = FOOTER.size * FOOTER.lineHeight;
  const footerTop = HEIGHT - PAD + 6 - footerLines.length * footerStep;

  // The title, from the top down.
  const title = layoutTitle(String(item.title ?? ''), f.bold);
  const titleStep = title.size * 1.22;
  let y = PAD - 8;
  for (const l of title.lines) {
    text(LEFT.x, y + title.size * f.bold.ascent, title.size, 700, FG, l);
    y += titleStep;
  }

  // The subtitle, in the room between the title and the footer.
  const sub = String(item.subtitle ?? '').trim();
  if (sub) {
    y += 14;
    const step = SUBTITLE.size * SUBTITLE.lineHeight;
    const room = Math.floor((footerTop - 28 - y) / step);
    const max = Math.min(SUBTITLE.maxLines, room);
    if (max > 0) {
      const lines = shorten(wrap(sub, f.regular, SUBTITLE.size, LEFT.width).lines, max, f.regular, SUBTITLE.size, LEFT.width);
      for (const l of lines) {
        text(LEFT.x, y + SUBTITLE.size * f.regular.ascent, SUBTITLE.size, 400, MUTED, l);
        y += step;
      }
    }
  }

  // A rule above the footer, then the footer.
  parts.push(`<rect x="${LEFT.x}" y="${(footerTop - 16).toFixed(1)}" width="48" height="4" fill="${ACCENT}"/>`);
  let fy = footerTop;
  for (const l of footerLines) {
    text(LEFT.x, fy + FOOTER.size * f.regular.ascent, FOOTER.size, 400, MUTED, l);
    fy += footerStep;
  }

  const chart = nestChart(String(item.chartSVG ?? ''), CHART);
  const ns = new Map([['xmlns:xlink', 'http://www.w3.org/1999/xlink'], ...chart.ns]);
  const nsAttrs = [...ns].map(([k, v]) => ` ${k}="${escapeXML(v)}"`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg"${nsAttrs} width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`
    + `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`
    + `<rect width="${WIDTH}" height="8" fill="${ACCENT}"/>`
    + `<line x1="${DIVIDER_X}" y1="${PAD}" x2="${DIVIDER_X}" y2="${HEIGHT - PAD}" stroke="${LINE}" stroke-width="2"/>`
    + `<g font-family="${FAMILY}" xml:lang="${escapeXML(item.lang)}">${parts.join('')}</g>`
    + chart.el
    + '</svg>';
}

const RESVG_OPTIONS = {
  fitTo: { mode: 'original' },
  background: '#ffffff',
  font: {
    loadSystemFonts: false,
    fontFiles: Object.values(FONT_FILES),
    defaultFontFamily: FAMILY,
    sansSerifFamily: FAMILY,
    serifFamily: FAMILY,
    monospaceFamily: FAMILY,
    cursiveFamily: FAMILY,
    fantasyFamily: FAMILY,
  },
};

// checkItem checks a card's fields before any drawing.
function checkItem(item) {
  for (const k of ['lang', 'title', 'chartSVG']) {
    if (typeof item?.[k] !== 'string' || !item[k]) throw new SocialError(`no ${k}`);
  }
  for (const k of ['subtitle', 'footer']) {
    if (item[k] !== undefined && typeof item[k] !== 'string') throw new SocialError(`${k} is not a string`);
  }
}

// renderCard draws one card to PNG bytes. resvg draws on libuv's thread
// pool, so that several cards are drawn at once.
export async function renderCard(item) {
  checkItem(item);
  const png = await renderAsync(cardSVG(item), RESVG_OPTIONS);
  if (png.width !== WIDTH || png.height !== HEIGHT) throw new SocialError(`rendered ${png.width} × ${png.height}, want ${WIDTH} × ${HEIGHT}`);
  return png.asPng();
}

// renderAll renders every card of the manifest; returns how many. The
// first error stops the batch.
export async function renderAll(manifestFile, { parallel = availableParallelism() } = {}) {
  let items;
  try {
    items = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    throw new SocialError(`${manifestFile}: ${err.message}`);
  }
  if (!Array.isArray(items)) throw new SocialError(`${manifestFile}: not a JSON array`);
  const one = async (item, i) => {
    try {
      if (typeof item?.out !== 'string' || !item.out.endsWith('.png')) throw new SocialError('out is not a .png path');
      const png = await renderCard(item);
      const out = resolve(item.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, png);
    } catch (err) {
      const e = new SocialError(`${manifestFile}: card ${i} (${item?.out ?? 'no out'}): ${err.message}`);
      e.cause = err;
      throw e;
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await one(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, items.length)) }, worker));
  return items.length;
}

async function main(argv) {
  if (argv.length !== 1) {
    process.stderr.write('usage: node scripts/render-social.mjs <manifest.json>\n');
    return 1;
  }
  const t0 = performance.now();
  try {
    const n = await renderAll(argv[0]);
    process.stderr.write(`rendered ${n} social images in ${Math.round(performance.now() - t0)} ms\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`render-social: ${err.message}\n`);
    const cause = err.cause;
    if (cause?.stack && !(cause instanceof SocialError)) process.stderr.write(`${cause.stack}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
