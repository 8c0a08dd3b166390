// tools.js — the "copy embed code" button of every figure.chart (and the
// copy buttons page.js wires). Bundled into loader.js (normal pages) and
// embed.js (embed pages); never loads ECharts. The downloads (PNG, SVG,
// CSV) are plain links to files the build drew: no script.
//
// The buttons are in the markup with the hidden attribute, so that a reader
// without JavaScript does not see buttons that cannot work; initTools shows
// them.

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
  for (const figure of root.querySelectorAll('figure.chart')) {
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
