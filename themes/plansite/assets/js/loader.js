// loader.js — the only script of a normal page: citations and sharing
// (page.js) on every page, and on pages with charts the following. Charts are already on the
// page as SVG drawn at build time; this makes them interactive on demand:
// the first time a reader points at, touches, focuses or clicks a chart, it
// loads the ECharts bundle named by <meta name="chart-bundle"> (once per
// page) and mounts that chart. It also shows the copy buttons.
import { initTools } from './tools.js';
import { initPage } from './page.js';

const meta = document.querySelector('meta[name="chart-bundle"]');
let bundle = null;
const started = new WeakSet();

function load() {
  if (!bundle) {
    bundle = import(meta.content);
    bundle.catch(() => { bundle = null; }); // offline: try again next time
  }
  return bundle;
}

function onInteract(e) {
  const t = e.target;
  if (!(t instanceof Element)) return;
  const figure = t.closest('figure.chart');
  // The tool buttons work without ECharts: using them loads nothing.
  if (!figure || started.has(figure) || t.closest('.chart-tools')) return;
  started.add(figure);
  // Where the pointer is: the live chart shows the tooltip there at once.
  const p = (e.touches && e.touches[0]) || (e.clientX !== undefined && !(e.type === 'click' && !e.detail) ? e : null);
  const at = p && { x: p.clientX, y: p.clientY, touch: !!e.touches || e.pointerType === 'touch', time: performance.now() };
  load()
    .then((m) => m.mount(figure, at))
    .catch(() => { started.delete(figure); });
}

if (meta && meta.content && document.querySelector('figure.chart')) {
  for (const type of ['pointerover', 'touchstart', 'focusin', 'click']) {
    document.addEventListener(type, onInteract, { capture: true, passive: true });
  }
}
initTools();
initPage();

// Readable offline after this visit (generator/offline writes /sw.js):
// registered once the page has loaded, so the worker's downloads never
// compete with the page's own.
// Not inside an embed: a sandboxed frame throws on the very mention of
// navigator.serviceWorker, and an embed is not kept offline anyway.
if (!document.body.classList.contains('embed')) {
  try {
    if ('serviceWorker' in navigator) {
      addEventListener('load', () => { navigator.serviceWorker.register('/sw.js').catch(() => {}); });
    }
  } catch (e) { /* no worker where the browser forbids one */ }
}
