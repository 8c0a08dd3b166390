/* Hunan plan charts: sizes embedded chart iframes to their content.
   <iframe src=".../embed/<id>/" data-hunan-plan-embed="<id>"></iframe>
   <script src=".../embed/host.js" async></script> */
(function () {
  'use strict';
  if (!window.addEventListener) return;
  window.addEventListener('message', function (e) {
    var d = e.data, f, i, h;
    if (!d || d.type !== 'hunan-plan-embed' || typeof d.id !== 'string' || typeof d.height !== 'number') return;
    h = Math.ceil(d.height);
    if (!(h > 0 && h < 10000)) return;
    f = document.getElementsByTagName('iframe');
    for (i = 0; i < f.length; i++) {
      if (f[i].contentWindow === e.source && f[i].getAttribute('data-hunan-plan-embed') === d.id) {
        f[i].style.height = h + 'px';
      }
    }
  }, false);
})();
