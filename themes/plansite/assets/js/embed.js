// embed.js — the script of an embed page (/embed/<id>/), shown in other
// sites' iframes. Bundled with interactive.js: the chart is made live at
// once, and the page's height is posted to the host page (which sizes the
// iframe with /embed/host.js) on load and whenever it changes.
import { mountNow } from './interactive.js';
import { initTools, chartSVG } from './tools.js';

const MESSAGE = 'hunan-plan-embed';
const figure = document.querySelector('figure.chart');
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
mountNow().catch(() => {}).then(post); // on failure the SVG stays: still a chart
post();
window.addEventListener('load', post);
if (window.ResizeObserver) new ResizeObserver(post).observe(document.documentElement);
else window.addEventListener('resize', post);
