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

// followParagraph points the page's citation at the paragraph or heading
// a reader linked to (its ¶ or # anchor in the address), and back at the
// page when the address names none.
function followParagraph() {
  const work = document.querySelector('[data-cite-paragraphs]');
  if (!work) return;
  const tail = work.querySelector('.cite-tail');
  const note = work.querySelector('.cite-paragraph');
  const btn = work.querySelector('button.copy-button');
  const url = work.dataset.url || '';
  const page = tail.textContent;
  const update = () => {
    let id = '';
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ''; }
    const el = id ? document.getElementById(id) : null;
    const linked = el && [...el.children].some((a) => a.matches('a.anchor') && a.getAttribute('href') === '#' + id);
    tail.textContent = linked ? page.replace(url, url + '#' + encodeURIComponent(id)) : page;
    if (note) note.hidden = !linked;
    if (btn) btn.dataset.copy = work.querySelector('.citation').textContent;
  };
  update();
  addEventListener('hashchange', update);
}

export function initPage() {
  openForPrint();
  const date = today(document.documentElement.lang || 'en');
  // Without this script the citation simply has no access date.
  for (const el of document.querySelectorAll('.access-date')) el.textContent = (el.dataset.pattern || '').replace('{date}', date);
  // A citation's button copies the citation as its box shows it.
  for (const work of document.querySelectorAll('.cite-work')) {
    const btn = work.querySelector('button.copy-button');
    if (btn) btn.dataset.copy = work.querySelector('.citation').textContent;
  }
  followParagraph();
  for (const btn of document.querySelectorAll('button.copy-button')) wireCopy(btn);
  for (const btn of document.querySelectorAll('button.share-button')) {
    if (!navigator.share) continue; // the copy-link button serves instead
    btn.hidden = false;
    btn.addEventListener('click', () => {
      navigator.share({ title: btn.dataset.title || document.title, url: btn.dataset.url || location.href }).catch(() => {});
    });
  }
}
