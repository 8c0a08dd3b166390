// check-citations.mjs — reads citation files as a reference manager does,
// with Citation.js (BibTeX, RIS and CSL-JSON), and compares what it reads
// with what each file should say. Run by the Go tests
// (generator/cite, generator/pipeline):
//
//   node scripts/check-citations.mjs < checks.json
//
// checks.json is a list of {file, want: {type, title, issuer, number, date,
// url, language}}: a report names its issuer as author or publisher and
// carries its number; any other work names the issuer and the number in
// its note (what it is based on). Prints the mismatches, one a line, and
// exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const formats = { '.bib': '@biblatex/text', '.ris': '@ris/file', '.json': '@csl/list+object' };

function names(list) {
  return (list || []).map((n) => n.literal || [n.family, n.given].filter(Boolean).join(', '));
}

function dateOf(item) {
  const parts = item.issued && item.issued['date-parts'] && item.issued['date-parts'][0];
  if (!parts) return '';
  return parts.map((p, i) => (i ? String(p).padStart(2, '0') : String(p))).join('-');
}

function check(file, want) {
  const ext = file.slice(file.lastIndexOf('.'));
  const text = readFileSync(file, 'utf8');
  let items;
  try {
    const input = ext === '.json' ? JSON.parse(text) : text;
    items = new Cite(input, { forceType: formats[ext] }).data;
  } catch (e) {
    return [`does not parse: ${e.message}`];
  }
  if (items.length !== 1) return [`${items.length} items, want 1`];
  const it = items[0];
  const bad = [];
  const eq = (what, got, exp) => { if (got !== exp) bad.push(`${what} is ${JSON.stringify(got)}, want ${JSON.stringify(exp)}`); };
  eq('title', it.title, want.title);
  eq('date', dateOf(it), want.date);
  eq('URL', it.URL, want.url);
  eq('language', it.language, want.language);
  const note = it.note || '';
  if (want.type === 'report') {
    // BibTeX's @report is CSL's report; a reference manager files it so.
    eq('type', it.type, 'report');
    if (!names(it.author).includes(want.issuer) && it.publisher !== want.issuer) bad.push(`issuer ${JSON.stringify(want.issuer)} is neither author nor publisher (${JSON.stringify(names(it.author))}, ${JSON.stringify(it.publisher)})`);
    eq('number', it.number, want.number);
  } else {
    if (it.type === 'report') bad.push('a work of the edition typed as a report');
    if (!note.includes(want.issuer)) bad.push(`the note does not name the issuer ${JSON.stringify(want.issuer)}: ${JSON.stringify(note)}`);
    if (!note.includes(want.number)) bad.push(`the note does not give the number ${JSON.stringify(want.number)}: ${JSON.stringify(note)}`);
  }
  return bad;
}

const checks = JSON.parse(readFileSync(0, 'utf8'));
let failed = 0;
for (const { file, want } of checks) {
  for (const msg of check(file, want)) {
    failed++;
    console.log(`${file}: ${msg}`);
  }
}
console.error(`${checks.length} citation files read, ${failed} mismatches`);
process.exit(failed ? 1 : 0);
