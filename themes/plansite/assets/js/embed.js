// embed.js — the script of an embed page (/embed/<id>/), shown in other
// sites' iframes. It loads the same ECharts bundle as the rest of the site
// (named by <meta name="chart-bundle">, so a reader's cache holds one copy),
// makes the chart live at once, and posts the page's height to the host
// page (which sizes the iframe with /embed/host.js) on load and whenever
// it changes.
import { initTools, chartSVG } from './tools.js';
import { initPage } from './page.js';

const MESSAGE = 'hunan-plan-embed';
const figure = document.querySelector('figure.chart');
const meta = document.querySelector('meta[name="chart-bundle"]');
let last = -1;

function post() {
  if (!figure || window.parent === window) return;
  // The height of <html>'s box, not scrollHeight: scrollHeight never goes
  // below the iframe's own height, so the frame could grow but never shrink.
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  window.parent.postMessage({ type: MESSAGE, id: figure.dataset.chart, height }, '*');
}

for (const f of document.querySelectorAll('figure.chart')) f.chartSVG = chartSVG(f);
initTools();
initPage();
post();
if (figure && meta && meta.content) {
  // On failure (offline) the build-time SVG stays: still a chart.
  import(meta.content).then((m) => m.mountNow()).catch(() => {}).then(post);
}
window.addEventListener('load', post);
if (window.ResizeObserver) new ResizeObserver(post).observe(document.documentElement);
else window.addEventListener('resize', post);
