// interactive.js — the ECharts bundle, loaded only when a reader interacts
// with a chart (by loader.js) or on an embed page (by embed.js), both with
// import() of the URL in <meta name="chart-bundle">. It swaps a figure's
// build-time SVG for the live chart, in the same pixel box, and makes it
// look the same: the chart is laid out at its design size (the size the SVG
// was drawn at, its viewBox) and scaled to the box with a CSS transform, as
// the SVG is scaled to the column by its viewBox.
//
// Each chart has a wide and a narrow layout (data-option, data-option-narrow);
// the live chart takes the one the site's CSS picks for the column's width
// (the custom property --chart-layout), and lays out again when the width
// crosses over. It takes the page's colour scheme the same way: the chart
// file's "roles" name its colours, swapped for the CSS --chart-<role>.
//
// Only what the site's charts use is imported, with the SVG renderer only.
// ECharts' core registers its ZH and EN locales itself (lib/core/locale.js),
// so figure.dataset.locale ('ZH' or 'EN') works as is.
import { use, init, registerMap, setPlatformAPI } from 'echarts/core';
import { MapChart, BarChart, HeatmapChart } from 'echarts/charts';
import {
  TooltipComponent,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
  GridComponent,
  LegendComponent,
  AriaComponent,
  TitleComponent,
} from 'echarts/components';
// The build draws with the full 'echarts', which lays out a grid's
// containLabel the ECharts 5 way (LegacyGridContainLabel): the same here.
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
// zrender (ECharts' renderer, installed with it) estimates text widths from
// this table where it has no canvas; see measureText.
import { DEFAULT_FONT, DEFAULT_FONT_SIZE, DEFAULT_TEXT_WIDTH_MAP } from 'zrender/lib/core/platform.js';

use([
  MapChart, BarChart, HeatmapChart,
  TooltipComponent, VisualMapContinuousComponent, VisualMapPiecewiseComponent,
  GridComponent, LegendComponent, AriaComponent, TitleComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

// Text widths. The build draws in Node, with no canvas to measure text on:
// zrender then estimates widths from a table of character widths, and the
// layout (the room a grid makes for its labels, label placement, line
// heights) follows from them. Here, the fonts a chart is drawn with (in
// setOption, which renders at once) are estimated the same way, then and
// later, so that the live chart is laid out as the build-time SVG to the
// pixel. Other fonts, those of the tooltips (ECharts' default sans-serif,
// not the charts' font family), are measured on a canvas, as ECharts does
// in a browser. The choice is made per font as zrender caches widths per
// font.
let estimating = false;
const estimated = new Set(); // fonts the charts are drawn with
let measureCtx = null;
function measureText(text, font) {
  text = text || '';
  font = font || DEFAULT_FONT;
  if (estimating) estimated.add(font);
  else if (!estimated.has(font)) {
    if (!measureCtx) measureCtx = document.createElement('canvas').getContext('2d');
    if (measureCtx) {
      measureCtx.font = font;
      return measureCtx.measureText(text);
    }
  }
  // zrender's estimate (zrender/lib/core/platform.js), as in Node.
  const m = /((?:\d+)?\.?\d*)px/.exec(font);
  const size = (m && +m[1]) || DEFAULT_FONT_SIZE;
  if (font.indexOf('mono') >= 0) return { width: size * text.length };
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const w = DEFAULT_TEXT_WIDTH_MAP[text[i]];
    width += w == null ? size : w * size;
  }
  return { width };
}
setPlatformAPI({ measureText });

const MAP_NAME = 'hunan'; // the name the charts' map series use
const mounts = new WeakMap(); // figure -> Promise<chart>
const live = new Map(); // box (div.chart-live) -> view {box, stage, width, height, k}
const maps = new Map(); // url -> Promise (registered)

async function getJSON(url) {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

function loadMap(name, url) {
  if (!maps.has(url)) {
    const p = getJSON(url).then((geo) => { registerMap(name, geo); });
    p.catch(() => maps.delete(url));
    maps.set(url, p);
  }
  return maps.get(url);
}

// The live chart is laid out at the chart's design size, as the build-time
// SVG was, and scaled to the box with a CSS transform; so its tooltip,
// drawn inside the chart, is scaled too. placeTooltip undoes that scale on
// the tooltip, which keeps the size it has on an unscaled chart at any
// column width (unless it would then be wider than the chart), and places
// it as ECharts would: 20 px right of and below the pointer, on the other
// side where there is no room, inside the chart. (It confines the tooltip
// itself: ECharts would confine the unscaled size.)
function placeTooltip(view) {
  return (point, params, el, rect, size) => {
    const [vw, vh] = size.viewSize;
    let [w, h] = size.contentSize;
    let s = 1;
    let inset = [0, 0];
    // The rich-text tooltip is a zrender Text that ECharts puts at the
    // returned point plus its border and shadow; it is scaled about its
    // origin, so those insets shrink or grow with it.
    if (el && typeof el.markRedraw === 'function' && el.style && view.k > 0) {
      // Smaller only if it would not fit in the chart otherwise.
      s = Math.min(1 / view.k, vw / w, vh / h);
      el.scaleX = s;
      el.scaleY = s;
      el.markRedraw();
      const st = el.style;
      const pos = (v) => Math.max(0, +v || 0);
      const bw = pos(st.borderWidth);
      const blur = pos(st.shadowBlur);
      inset = [bw + pos(blur - pos(st.shadowOffsetX)), bw + pos(blur - pos(st.shadowOffsetY))];
      w *= s;
      h *= s;
    }
    const gap = 20 * s;
    let x = point[0] + gap + w + 2 > vw ? point[0] - gap - w : point[0] + gap;
    let y = point[1] + gap + h > vh ? point[1] - gap - h : point[1] + gap;
    x = Math.max(0, Math.min(x, vw - w));
    y = Math.max(0, Math.min(y, vh - h));
    return [x - inset[0] * (1 - s), y - inset[1] * (1 - s)];
  };
}

// The page's CSP (style-src 'self') blocks the inline style="" attributes
// of ECharts' HTML tooltip; its rich-text tooltip is drawn in the chart's
// SVG instead. Rich text has no <br>: line breaks are \n.
function tooltipRichText(t, place) {
  if (!t || typeof t !== 'object') return t;
  const out = { ...t, renderMode: 'richText' };
  if (out.position === undefined) {
    out.position = place;
    out.confine = false; // place confines it
  } else if (out.confine === undefined) {
    out.confine = true;
  }
  if (typeof out.formatter === 'string') out.formatter = out.formatter.replace(/<br\s*\/?>/gi, '\n');
  return out;
}

// recolour swaps every role colour of the option (roles: {"#222222":
// "text", …}) for the CSS custom property --chart-<role> of el, so that
// the live chart has the colours the static one has in this scheme.
function recolour(option, roles, el) {
  if (!roles || typeof roles !== 'object') return option;
  const css = getComputedStyle(el);
  const to = {};
  for (const [colour, role] of Object.entries(roles)) {
    const v = css.getPropertyValue(`--chart-${role}`).trim();
    if (v) to[colour] = v;
  }
  const walk = (v) => {
    if (typeof v === 'string') return Object.hasOwn(to, v) ? to[v] : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out = {};
      for (const k of Object.keys(v)) out[k] = walk(v[k]);
      return out;
    }
    return v;
  };
  return walk(option);
}

function prepare(option, view) {
  const o = { ...option, animation: false }; // the same picture as the SVG: nothing grows in
  const place = placeTooltip(view);
  if (Array.isArray(o.tooltip)) o.tooltip = o.tooltip.map((t) => tooltipRichText(t, place));
  else if (o.tooltip) o.tooltip = tooltipRichText(o.tooltip, place);
  if (o.series) {
    const series = Array.isArray(o.series) ? o.series : [o.series];
    o.series = series.map((s) => (s && s.tooltip ? { ...s, tooltip: tooltipRichText(s.tooltip, place) } : s));
  }
  return o;
}

// designSize is the size the chart is drawn at: the chart file's, else the
// viewBox of the build-time SVG.
function designSize(file, svg) {
  let w = Number(file.width);
  let h = Number(file.height);
  if (!(w > 0 && h > 0) && svg) {
    const vb = svg.viewBox && svg.viewBox.baseVal;
    w = vb ? vb.width : 0;
    h = vb ? vb.height : 0;
  }
  if (!(w > 0 && h > 0)) throw new Error('chart without a design size');
  return { w, h };
}

const aspectRatio = typeof CSS !== 'undefined' && CSS.supports && CSS.supports('aspect-ratio', '1 / 1');

// setScale fits the chart to a box width: only the CSS scale changes, the
// chart is not laid out again. The box is as wide as its column, like the
// SVG was (width:100%); its height follows from aspect-ratio, the SVG's
// own ratio (height:auto), or where that is not supported, from here.
function setScale(view, boxWidth) {
  if (!(boxWidth > 0)) return; // hidden: wait until it is laid out
  const k = boxWidth / view.width;
  if (k === view.k) return;
  view.k = k;
  view.stage.style.transform = `scale(${k})`;
  if (!aspectRatio) view.box.style.height = `${view.height * k}px`;
}

// layoutOf is the layout the site's CSS picks for an element of the
// chart's canvas (a static SVG or the live box), by the column's width.
function layoutOf(el) {
  return getComputedStyle(el).getPropertyValue('--chart-layout').trim() === 'narrow' ? 'narrow' : 'wide';
}

function optionURL(figure, layout) {
  return layout === 'narrow' && figure.dataset.optionNarrow ? figure.dataset.optionNarrow : figure.dataset.option;
}

// draw sets the chart file's option on the live chart, at its design size.
function draw(view, file) {
  const { w, h } = designSize(file, null);
  view.width = w;
  view.height = h;
  view.file = file;
  view.stage.style.width = `${w}px`;
  view.stage.style.height = `${h}px`;
  if (aspectRatio) view.box.style.aspectRatio = `${w} / ${h}`;
  view.k = 0;
  setScale(view, view.box.getBoundingClientRect().width || w);
  estimating = true;
  try {
    view.chart.setOption(prepare(recolour(file.option, file.roles, view.figure), view), true);
    view.chart.resize({ width: w, height: h });
  } finally {
    estimating = false;
  }
}

// relayout takes the layout the width now asks for, and the colours of
// the scheme now in force; once at a time per chart.
function relayout(view, force) {
  const want = layoutOf(view.box);
  if (view.busy || (!force && want === view.layout)) return;
  if (want === view.layout && view.file) { // the scheme changed: no new file
    draw(view, view.file);
    return;
  }
  view.busy = true;
  view.layout = want;
  getJSON(optionURL(view.figure, want))
    .then((file) => { if (view.layout === want) draw(view, file); })
    .catch(() => {})
    .then(() => {
      view.busy = false;
      if (layoutOf(view.box) !== view.layout) relayout(view);
    });
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
if (darkQuery && darkQuery.addEventListener) {
  darkQuery.addEventListener('change', () => {
    for (const view of live.values()) if (view.box.isConnected) relayout(view, true);
  });
}

let observer = null;
let resizeFrame = 0;
function onResize() {
  if (resizeFrame) return;
  resizeFrame = requestAnimationFrame(() => {
    resizeFrame = 0;
    for (const view of live.values()) {
      if (!view.box.isConnected) { live.delete(view.box); continue; }
      setScale(view, view.box.getBoundingClientRect().width);
      relayout(view);
    }
  });
}

function watch(view) {
  live.set(view.box, view);
  if (typeof ResizeObserver === 'function') {
    if (!observer) {
      observer = new ResizeObserver((entries) => {
        for (const e of entries) {
          const v = live.get(e.target);
          if (!v) continue;
          if (!e.target.isConnected) {
            observer.unobserve(e.target);
            live.delete(e.target);
            continue;
          }
          setScale(v, e.contentRect.width);
          relayout(v);
        }
      });
    }
    observer.observe(view.box);
  } else if (live.size === 1) {
    window.addEventListener('resize', onResize, { passive: true });
  }
}

// Pointer positions. zrender takes a mouse event's position in the chart
// from the browser's offsetX/offsetY: Chromium maps them through the
// transform but gives whole CSS pixels, up to 1/k chart units off (2.7 on
// a phone-wide bar chart), and engines need not agree on offsetX for an
// element inside a transformed SVG. The position is set here instead,
// before zrender sees the event (it keeps a zrX that is already there):
// the pointer's place in the stage's transformed box, in chart units, from
// clientX/clientY and getBoundingClientRect, for mouse and touch alike.
const POINTER_EVENTS = [
  'mousemove', 'mousedown', 'mouseup', 'mouseout', 'click', 'dblclick', 'contextmenu',
  'pointermove', 'pointerdown', 'pointerup', 'pointerout',
  'touchstart', 'touchmove', 'touchend',
];
function mapPointer(view) {
  return (e) => {
    if (e.zrX != null) return;
    const p = e.type.startsWith('touch')
      ? (e.type === 'touchend' ? e.changedTouches : e.targetTouches)[0]
      : e;
    if (!p || typeof p.clientX !== 'number') return;
    const r = view.stage.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return;
    e.zrX = (p.clientX - r.left) * (view.width / r.width);
    e.zrY = (p.clientY - r.top) * (view.height / r.height);
  };
}

async function doMount(figure, at) {
  const canvas = figure.querySelector('.chart-canvas');
  const statics = canvas ? [...canvas.querySelectorAll(':scope > svg')] : [];
  // The drawing on show: the one for the column's width.
  const svg = statics.find((s) => s.getBoundingClientRect().width > 0) || statics[0];
  if (!canvas || !svg || !figure.dataset.option) throw new Error('not a chart figure');
  const layout = layoutOf(svg);

  const [file] = await Promise.all([
    getJSON(optionURL(figure, layout)),
    figure.dataset.map ? loadMap(MAP_NAME, figure.dataset.map) : null,
  ]);
  if (file.map && !figure.dataset.map) throw new Error(`${figure.dataset.chart}: map chart without data-map`);

  // The box takes the SVG's place with the same size: the column's width
  // and the design's ratio. Inside it, the stage is the chart at its design
  // size, scaled to the box from its top left corner.
  const { w: width, h: height } = designSize(file, svg);
  const measured = svg.getBoundingClientRect();
  const box = document.createElement('div');
  box.className = 'chart-live';
  box.style.position = 'relative';
  box.style.overflow = 'hidden';
  box.style.width = '100%';
  if (aspectRatio) box.style.aspectRatio = `${width} / ${height}`;
  else box.style.height = `${measured.height || height}px`;
  const stage = document.createElement('div');
  stage.className = 'chart-stage';
  stage.style.position = 'absolute';
  stage.style.left = '0';
  stage.style.top = '0';
  stage.style.width = `${width}px`;
  stage.style.height = `${height}px`;
  stage.style.transformOrigin = '0 0';
  box.appendChild(stage);
  const view = { box, stage, width, height, k: 0, figure, layout, file, chart: null, busy: false };
  setScale(view, measured.width > 0 ? measured.width : width);

  // Drawn before it is attached (explicit size), so the swap is one step.
  const chart = init(stage, null, { renderer: 'svg', locale: figure.dataset.locale || 'EN', width, height });
  estimating = true;
  try {
    chart.setOption(prepare(recolour(file.option, file.roles, figure), view));
  } catch (err) {
    chart.dispose();
    throw err;
  } finally {
    estimating = false;
  }
  const onPointer = mapPointer(view);
  for (const type of POINTER_EVENTS) box.addEventListener(type, onPointer, { capture: true, passive: true });
  view.chart = chart;
  if (svg.isConnected) svg.replaceWith(box);
  else canvas.prepend(box);
  for (const s of statics) s.remove();
  figure.classList.add('chart-is-live');
  watch(view);

  // The pointer or tap that loaded the chart shows its tooltip, as if the
  // mouse had just moved there. (A mousemove, which ECharts listens to in
  // every browser, rather than the showTip action: showTip {x, y} is hidden
  // again at once on charts without axes. After the first frame, since
  // ECharts paints, and so can hit-test, on a frame; after a touch, once
  // ECharts stops ignoring mouse events, 700 ms after the touch.)
  if (at) {
    requestAnimationFrame(() => setTimeout(() => {
      const r = box.getBoundingClientRect();
      if (at.x < r.left || at.x >= r.right || at.y < r.top || at.y >= r.bottom) return;
      (stage.firstElementChild || stage).dispatchEvent(new MouseEvent('mousemove', {
        clientX: at.x, clientY: at.y, bubbles: true, cancelable: true,
      }));
    }, at.touch ? Math.max(0, 750 - (performance.now() - at.time)) : 0));
  }
  return chart;
}

// mount makes one figure.chart interactive, once; at is where the pointer
// or touch that asked for it was, if any: {x, y} in client coordinates,
// touch (boolean) and time (performance.now() of the event).
export function mount(figure, at) {
  let p = mounts.get(figure);
  if (!p) {
    p = doMount(figure, at);
    mounts.set(figure, p);
    p.catch(() => mounts.delete(figure)); // may be tried again
  }
  return p;
}

// mountNow mounts every chart of the page at once (embed pages).
export function mountNow(root = document) {
  return Promise.all([...root.querySelectorAll('figure.chart')].map((f) => mount(f)));
}
