// tools.js — the PNG and "copy embed code" buttons of every figure.chart.
// Bundled into loader.js (normal pages) and embed.js (embed pages); never
// loads ECharts.
//
// The buttons are in the markup with the hidden attribute, so that a reader
// without JavaScript does not see buttons that cannot work; initTools shows
// them. PNG draws the chart's SVG (the one drawn at build time, kept by
// interactive.js when it swaps in the live chart) at twice its viewBox size.

// chartSVG is the build-time SVG of a figure, also after the swap.
export function chartSVG(figure) {
  return figure.chartSVG || figure.querySelector('.chart-canvas > svg');
}

function download(url, name) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function exportPNG(figure) {
  const svg = chartSVG(figure);
  if (!svg) return;
  const vb = svg.viewBox && svg.viewBox.baseVal;
  const w = (vb && vb.width) || svg.width.baseVal.value;
  const h = (vb && vb.height) || svg.height.baseVal.value;
  const scale = 2;
  const copy = svg.cloneNode(true);
  copy.setAttribute('width', w * scale);
  copy.setAttribute('height', h * scale);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const img = new Image();
  img.width = w * scale;
  img.height = h * scale;
  // data: is allowed by img-src; blob: is not. (onload, not decode(): some
  // Safari versions reject decode() for SVG images.)
  await new Promise((resolve, reject) => {
    img.onload = resolve;
    img.onerror = reject;
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(copy));
  });
  const canvas = document.createElement('canvas');
  canvas.width = w * scale;
  canvas.height = h * scale;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
  const url = URL.createObjectURL(blob);
  download(url, (figure.dataset.chart || 'chart') + '.png');
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function copyFallback(text, button) {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.setAttribute('aria-hidden', 'true');
  ta.tabIndex = -1;
  const s = ta.style; // CSSOM: allowed by style-src 'self'
  s.position = 'fixed';
  s.top = '0';
  s.left = '0';
  s.width = '1px';
  s.height = '1px';
  s.opacity = '0';
  button.after(ta);
  ta.select();
  ta.setSelectionRange(0, text.length);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (e) {
    ok = false;
  }
  ta.remove();
  button.focus();
  return ok;
}

async function copy(button, status) {
  const text = button.dataset.copy || '';
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch (e) {
    ok = copyFallback(text, button);
  }
  if (!ok) return;
  status.textContent = button.dataset.copied || 'Copied';
  clearTimeout(status.timer);
  status.timer = setTimeout(() => { status.textContent = ''; }, 4000);
}

// initTools shows and wires the buttons of every chart on the page.
export function initTools(root = document) {
  const canPNG = !!(window.HTMLCanvasElement && HTMLCanvasElement.prototype.toBlob && window.XMLSerializer && window.URL && URL.createObjectURL);
  for (const figure of root.querySelectorAll('figure.chart')) {
    const png = figure.querySelector('.chart-png');
    if (png && canPNG && chartSVG(figure)) {
      png.hidden = false;
      png.addEventListener('click', () => {
        png.disabled = true;
        exportPNG(figure).catch(() => {}).finally(() => { png.disabled = false; });
      });
    }
    const btn = figure.querySelector('.chart-copy');
    if (btn) wireCopy(btn);
  }
}

// wireCopy shows a copy button and makes it copy its data-copy text,
// confirming in a live region made before it is filled, so that screen
// readers announce the confirmation.
export function wireCopy(btn) {
  if (!btn.dataset.copy || btn.dataset.wired) return;
  btn.dataset.wired = '1';
  const status = document.createElement('span');
  status.className = 'chart-status';
  status.setAttribute('role', 'status');
  btn.after(status);
  btn.hidden = false;
  btn.addEventListener('click', () => { copy(btn, status); });
}
