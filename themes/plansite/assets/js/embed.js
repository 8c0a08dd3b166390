// embed.js — the script of an embed page (/embed/<id>/), shown in other
// sites' iframes. The chart turns interactive when a reader points at it,
// as on every page (loader.js). This adds what a host needs:
//
// - the host decides the palette: light, unless ?theme=dark (the site's
//   dark palette) or ?theme=auto (the reader's prefers-color-scheme), set as
//   <html data-theme> and styled by _partials/embed-css.html.
// - the page's height, posted to the host page on load and whenever it
//   changes, in each protocol hosts already listen to:
//   · the site's own, {type: 'hunan-plan-embed', id, height}, which
//     /embed/host.js (the embed code's second line) reads;
//   · WordPress's, for a frame whose URL ends in #?secret=<secret>
//     (wp-embed.js adds it to the sandboxed iframe it makes of an oEmbed
//     response): {secret, message: 'height', value}, sent again on its
//     {secret, message: 'ready'}; a link opens its tab as anywhere, except
//     in the sandbox WordPress puts the frame in, which refuses that:
//     there it asks the host to go there, {secret, message: 'link', value: url};
//   · pym.js's, for a frame whose URL has ?childId=<id> (pym's Parent adds
//     it): 'pymxPYMx<id>xPYMxheightxPYMx<height>', sent again on each
//     'pymxPYMx<id>xPYMxwidthxPYMx<width>' from the parent.
import './loader.js';

const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'dark' || theme === 'auto') document.documentElement.dataset.theme = theme;

const figure = document.querySelector('figure.chart');
const framed = window.parent !== window;
// WordPress's secret: letters and digits only (wp-embed.js refuses others).
const secret = (/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash) || [])[1];
const pymID = params.get('childId');
const PYM = 'xPYMx';
let last = -1;
let ready = false; // WordPress's host said 'ready'

function height() {
  // The height of <html>'s box, not scrollHeight: scrollHeight never goes
  // below the iframe's own height, so the frame could grow but never shrink.
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

function post(force) {
  if (!figure || !framed) return;
  // A frame not laid out yet (WordPress's hidden frame, at first) has no
  // width, and its page a height that means nothing: wait for a width.
  if (document.documentElement.clientWidth < 100) return;
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
    if (secret && d && d.message === 'ready' && d.secret === secret) {
      ready = true;
      post(true);
    }
    else if (pymID && typeof d === 'string' && d.startsWith(['pym', pymID, 'width', ''].join(PYM))) post(true);
  });
  if (secret) {
    document.addEventListener('click', (e) => {
      const a = e.target instanceof Element && e.target.closest('a[href]');
      if (!a || !/^https?:$/.test(a.protocol)) return;
      // Only a sandboxed frame (an opaque origin) may not open the link's
      // tab: there it asks the host, as WordPress's listener expects.
      if (self.origin !== 'null') return;
      e.preventDefault();
      window.parent.postMessage({ secret, message: 'link', value: a.href }, '*');
    });
  }
}

post();
window.addEventListener('load', () => post(true));
// WordPress's listener (wp-embed.js, at the end of the host page) may come
// after this page's first message, and its 'ready' before this page
// listens: say the height again a few times, until it answers.
if (framed && secret) {
  for (const ms of [300, 1000, 2500, 5000]) setTimeout(() => { if (!ready) post(true); }, ms);
}
if (window.ResizeObserver) new ResizeObserver(() => post()).observe(document.documentElement);
else window.addEventListener('resize', () => post());
