// The search page: queries the Pagefind index of the page's language
// (Pagefind picks it from <html lang>) and lists the pages, and the
// sections within them, that match. The query comes from ?q=, so the
// header's plain form works without this script on other pages.

const form = document.querySelector('form.search-page');
const input = form.querySelector('input[name=q]');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');

let pagefind;
async function engine() {
  if (!pagefind) {
    // Built next to the site by the build, so it is not bundled here.
    const bundle = '/pagefind/pagefind.js';
    pagefind = await import(bundle);
    await pagefind.options({ excerptLength: 40 });
    pagefind.init();
  }
  return pagefind;
}

function say(key, n) {
  if (key === 'count' && n === 1) key = 'countOne'; // "1 page found", not "1 pages"
  status.textContent = (status.dataset[key] || '').replace('{n}', String(n ?? ''));
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  say('loading');
  try {
    const pf = await engine();
    const found = await pf.search(query);
    const pages = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    say(pages.length ? 'count' : 'none', found.results.length);
    for (const page of pages) {
      const li = document.createElement('li');
      const h = document.createElement('h2');
      h.append(link(page.url, page.meta.title || page.url));
      li.append(h);
      const p = document.createElement('p');
      // Pagefind's excerpt is the page's own text, escaped, with <mark>.
      p.innerHTML = page.excerpt;
      li.append(p);
      const sections = (page.sub_results || []).filter((s) => s.url !== page.url).slice(0, 3);
      if (sections.length) {
        const ul = document.createElement('ul');
        for (const s of sections) {
          const sli = document.createElement('li');
          sli.append(link(s.url, s.title));
          ul.append(sli);
        }
        li.append(ul);
      }
      list.append(li);
    }
  } catch (e) {
    say('failed');
    console.warn('search failed', e);
  }
}

const q = new URLSearchParams(location.search).get('q') || '';
input.value = q;
if (q) run(q);

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const query = input.value;
  history.replaceState(null, '', '?q=' + encodeURIComponent(query));
  run(query);
});
