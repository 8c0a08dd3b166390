// interactive.js — the ECharts bundle, loaded only when a reader interacts
// with a chart (by loader.js) or on an embed page (by embed.js), both with
// import() of the URL in <meta name="chart-bundle">. It swaps a figure's
// build-time SVG for the live chart, in the same pixel box.
//
// Only what the site's charts use is imported, with the SVG renderer only.
// ECharts' core registers its ZH and EN locales itself (lib/core/locale.js),
// so figure.dataset.locale ('ZH' or 'EN') works as is.
import { use, init, registerMap } from 'echarts/core';
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
import { SVGRenderer } from 'echarts/renderers';

use([
  MapChart, BarChart, HeatmapChart,
  TooltipComponent, VisualMapContinuousComponent, VisualMapPiecewiseComponent,
  GridComponent, LegendComponent, AriaComponent, TitleComponent,
  SVGRenderer,
]);

const MAP_NAME = 'hunan'; // the name the charts' map series use
const mounts = new WeakMap(); // figure -> Promise<chart>
const live = new Set(); // {chart, div, canvas, ratio, width, fill}
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

// The page's CSP (style-src 'self') blocks the inline style="" attributes
// of ECharts' HTML tooltip; its rich-text tooltip is drawn in the chart's
// SVG instead. Rich text has no <br>: line breaks are \n.
function tooltipRichText(t) {
  if (!t || typeof t !== 'object') return t;
  const out = { ...t, renderMode: 'richText' };
  if (out.confine === undefined) out.confine = true;
  if (typeof out.formatter === 'string') out.formatter = out.formatter.replace(/<br\s*\/?>/gi, '\n');
  return out;
}

function prepare(option) {
  const o = { ...option, animation: false }; // the same picture as the SVG: nothing grows in
  if (Array.isArray(o.tooltip)) o.tooltip = o.tooltip.map(tooltipRichText);
  else if (o.tooltip) o.tooltip = tooltipRichText(o.tooltip);
  if (o.series) {
    const series = Array.isArray(o.series) ? o.series : [o.series];
    o.series = series.map((s) => (s && s.tooltip ? { ...s, tooltip: tooltipRichText(s.tooltip) } : s));
  }
  return o;
}

// contentWidth is the width available to the chart inside .chart-canvas.
function contentWidth(canvas) {
  const cs = getComputedStyle(canvas);
  return canvas.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
}

function setBox(div, w, h) {
  div.style.width = w + 'px';
  div.style.height = h + 'px';
}

let resizeTimer = 0;
function onResize() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const m of live) {
      if (!m.div.isConnected) { live.delete(m); continue; }
      const avail = contentWidth(m.canvas);
      if (!(avail > 0)) continue;
      // Follow the container as the SVG did (width:100%), or keep the
      // SVG's width if it was narrower than its container.
      const w = m.fill ? avail : Math.min(m.width, avail);
      const h = w * m.ratio;
      if (Math.abs(w - m.div.offsetWidth) < 0.5 && Math.abs(h - m.div.offsetHeight) < 0.5) continue;
      setBox(m.div, w, h);
      m.chart.resize({ width: w, height: h });
    }
  }, 150);
}

async function doMount(figure, at) {
  const canvas = figure.querySelector('.chart-canvas');
  const svg = figure.chartSVG || (canvas && canvas.querySelector(':scope > svg'));
  if (!canvas || !svg || !figure.dataset.option) throw new Error('not a chart figure');
  figure.chartSVG = svg; // tools.js exports the PNG from it after the swap

  const [file] = await Promise.all([
    getJSON(figure.dataset.option),
    figure.dataset.map ? loadMap(MAP_NAME, figure.dataset.map) : null,
  ]);
  if (file.map && !figure.dataset.map) throw new Error(`${figure.dataset.chart}: map chart without data-map`);

  // The exact pixel box of the SVG, so that the swap moves nothing.
  const box = svg.getBoundingClientRect();
  const ratio = file.height / file.width;
  let w = box.width;
  let h = box.height;
  if (!(w > 0 && h > 0)) { // not laid out (hidden): its natural size
    w = file.width;
    h = file.height;
  }
  const div = document.createElement('div');
  div.className = 'chart-live';
  div.style.maxWidth = '100%'; // until the debounced resize catches up
  setBox(div, w, h);
  // Drawn before it is attached (explicit size), so the swap is one step.
  const chart = init(div, null, { renderer: 'svg', locale: figure.dataset.locale || 'EN', width: w, height: h });
  try {
    chart.setOption(prepare(file.option));
  } catch (err) {
    chart.dispose();
    throw err;
  }
  if (svg.isConnected) svg.replaceWith(div);
  else canvas.prepend(div);
  figure.classList.add('chart-is-live');

  const avail = contentWidth(canvas);
  live.add({ chart, div, canvas, ratio, width: w, fill: !(avail > w + 1) });
  if (live.size === 1) window.addEventListener('resize', onResize, { passive: true });

  // The pointer or tap that loaded the chart shows its tooltip, as if the
  // mouse had just moved there. (A mousemove, which ECharts listens to in
  // every browser, rather than the showTip action: showTip {x, y} is hidden
  // again at once on charts without axes. After the first frame, since
  // ECharts paints, and so can hit-test, on a frame; after a touch, once
  // ECharts stops ignoring mouse events, 700 ms after the touch.)
  if (at) {
    requestAnimationFrame(() => setTimeout(() => {
      const r = div.getBoundingClientRect();
      if (at.x < r.left || at.x >= r.right || at.y < r.top || at.y >= r.bottom) return;
      (div.firstElementChild || div).dispatchEvent(new MouseEvent('mousemove', {
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
