// page.js — what every page offers beyond reading: citations with today's
// date and a copy button, and sharing (the system share sheet where the
// browser has one, else copy link). No third-party widget, no tracking.
import { wireCopy } from './tools.js';

function today(lang) {
  const d = new Date();
  if (lang.startsWith('zh')) return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function initPage() {
  const date = today(document.documentElement.lang || 'en');
  for (const el of document.querySelectorAll('.access-date')) el.textContent = date;
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
