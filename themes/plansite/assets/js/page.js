// page.js — what every page offers beyond reading: citations with today's
// date and a copy button, and sharing (the system share sheet where the
// browser has one, else copy link). No third-party widget, no tracking.
import { wireCopy } from './tools.js';

// today is the access date as each language's citation style writes it:
// GB/T 7714 2024-03-05, English 5 March 2024.
function today(lang) {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  if (lang.startsWith('zh')) return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

// openForPrint opens the citations for paper (CSS cannot open a
// <details>) and closes again afterwards those the reader had closed.
function openForPrint() {
  let opened = [];
  addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('details.cite:not([open])')];
    for (const d of opened) d.open = true;
  });
  addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

export function initPage() {
  openForPrint();
  const date = today(document.documentElement.lang || 'en');
  // Without this script the citation simply has no access date.
  for (const el of document.querySelectorAll('.access-date')) el.textContent = (el.dataset.pattern || '').replace('{date}', date);
  for (const btn of document.querySelectorAll('button.copy-button')) {
    if (btn.dataset.copy) btn.dataset.copy = btn.dataset.copy.replace('{date}', date);
    wireCopy(btn);
  }
  for (const btn of document.querySelectorAll('button.share-button')) {
    if (!navigator.share) continue; // the copy-link button serves instead
    btn.hidden = false;
    btn.addEventListener('click', () => {
      navigator.share({ title: btn.dataset.title || document.title, url: btn.dataset.url || location.href }).catch(() => {});
    });
  }
}
