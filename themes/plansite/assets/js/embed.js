// embed.js — the script of an embed page (/embed/<id>/), shown in other
// sites' iframes. The chart turns interactive when a reader points at it,
// as on every page (loader.js). This adds what a host needs:
//
// - ?theme=dark: the site's dark palette (<html data-theme="dark">, styled
//   by _partials/embed-css.html); without it the page follows the reader's
//   prefers-color-scheme.
// - the page's height, posted to the host page on load and whenever it
//   changes, in each protocol hosts already listen to:
//   · the site's own, {type: 'hunan-plan-embed', id, height}, which
//     /embed/host.js (the embed code's second line) reads;
//   · WordPress's, for a frame whose URL ends in #?secret=<secret>
//     (wp-embed.js adds it to the sandboxed iframe it makes of an oEmbed
//     response): {secret, message: 'height', value}, sent again on its
//     {secret, message: 'ready'}; links ask it to navigate the top window
//     with {secret, message: 'link', value: url}, as a sandboxed frame
//     cannot open a tab itself;
//   · pym.js's, for a frame whose URL has ?childId=<id> (pym's Parent adds
//     it): 'pymxPYMx<id>xPYMxheightxPYMx<height>', sent again on each
//     'pymxPYMx<id>xPYMxwidthxPYMx<width>' from the parent.
import './loader.js';

const params = new URLSearchParams(location.search);
if (params.get('theme') === 'dark') document.documentElement.dataset.theme = 'dark';

const figure = document.querySelector('figure.chart');
const framed = window.parent !== window;
// WordPress's secret: letters and digits only (wp-embed.js refuses others).
const secret = (/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash) || [])[1];
const pymID = params.get('childId');
const PYM = 'xPYMx';
let last = -1;

function height() {
  // The height of <html>'s box, not scrollHeight: scrollHeight never goes
  // below the iframe's own height, so the frame could grow but never shrink.
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

function post(force) {
  if (!figure || !framed) return;
  const h = height();
  if (h === last && force !== true) return;
  last = h;
  const parent = window.parent;
  parent.postMessage({ type: 'hunan-plan-embed', id: figure.dataset.chart, height: h }, '*');
  if (secret) parent.postMessage({ secret, message: 'height', value: h }, '*');
  if (pymID) parent.postMessage(['pym', pymID, 'height', h].join(PYM), '*');
}

if (framed) {
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent) return;
    const d = e.data;
    if (secret && d && d.message === 'ready' && d.secret === secret) post(true);
    else if (pymID && typeof d === 'string' && d.startsWith(['pym', pymID, 'width', ''].join(PYM))) post(true);
  });
  if (secret) {
    document.addEventListener('click', (e) => {
      const a = e.target instanceof Element && e.target.closest('a[href]');
      if (!a || !/^https?:$/.test(a.protocol)) return;
      e.preventDefault();
      window.parent.postMessage({ secret, message: 'link', value: a.href }, '*');
    });
  }
}

post();
window.addEventListener('load', () => post());
if (window.ResizeObserver) new ResizeObserver(() => post()).observe(document.documentElement);
else window.addEventListener('resize', () => post());
