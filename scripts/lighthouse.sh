#!/usr/bin/env bash
# lighthouse.sh — run Lighthouse (mobile, its default) over every kind of
# page in both languages and print the four category scores per page.
#
# Usage: scripts/lighthouse.sh [-reuse DIR] [-port N] [-pages "/ /en/plan/ …"]
#
# It builds the site into .cache/lighthouse/public with the base URL
# http://127.0.0.1:PORT/ (so that canonical and hreflang URLs resolve), or
# with -reuse serves a site already built that way; serves it with the
# project's preview server (netlify.toml's headers, loopback only: go run
# ./generator serve -no-watch / -no-build); installs lighthouse@12.2.3 into
# .cache/lighthouse on first use (not a project dependency); runs it
# against Debian's Chromium kept off the network; and prints a table.
# The JSON reports stay in .cache/lighthouse/reports/.
#
# Goals: performance ≥ 98; accessibility, best practices and SEO 100. The
# exit status is 1 when a page misses one (the table says which audits).
# Performance is measured on this machine's CPU: a busy machine scores lower.
set -euo pipefail
cd "$(dirname "$0")/.."

LH_VERSION=12.2.3
CACHE=.cache/lighthouse
PORT=18181
REUSE=""
# Default: one page of every kind in both languages, from the generator's
# list of page kinds (go run ./generator kinds), read once it is built.
PAGES=""

while (($#)); do
  case "$1" in
    -reuse) REUSE="$2"; shift 2 ;;
    -port) PORT="$2"; shift 2 ;;
    -pages) PAGES="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown argument $1 (see -h)" >&2; exit 2 ;;
  esac
done

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (apt-get install chromium fonts-noto-cjk)" >&2; exit 1; }

# Lighthouse, pinned, in a folder of its own (not package.json).
LH="$CACHE/node_modules/.bin/lighthouse"
if ! [ -x "$LH" ] || ! grep -q "\"version\": \"$LH_VERSION\"" "$CACHE/node_modules/lighthouse/package.json" 2>/dev/null; then
  echo "installing lighthouse@$LH_VERSION into $CACHE" >&2
  mkdir -p "$CACHE"
  npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >&2
fi

mkdir -p "$CACHE"
go build -o "$CACHE/generator" ./generator
[ -n "$PAGES" ] || PAGES=$("$CACHE/generator" kinds)

if [ -n "$REUSE" ]; then
  SITE="$REUSE"
  # Serve on the port the site was built for, if it says.
  canon=$(grep -o '<link rel="canonical" href="[^"]*"' "$SITE/index.html" | head -1 | sed 's/.*href="//; s/"$//')
  case "$canon" in
    http://127.0.0.1:*/) PORT="${canon#http://127.0.0.1:}"; PORT="${PORT%/}" ;;
    *) echo "warning: $SITE was built for $canon, not http://127.0.0.1:PORT/: canonical and hreflang audits may fail" >&2 ;;
  esac
  SERVE=(serve -no-build -out "$SITE" -addr "127.0.0.1:$PORT")
else
  SITE="$CACHE/public"
  SERVE=(serve -no-watch -out "$SITE" -addr "127.0.0.1:$PORT")
fi
BASE="http://127.0.0.1:$PORT"

"$CACHE/generator" "${SERVE[@]}" 2>"$CACHE/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
echo "building and serving $SITE on $BASE/ …" >&2
for _ in $(seq 1 600); do
  if curl -fs -o /dev/null "$BASE/"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$CACHE/serve.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/" || { echo "the server did not answer" >&2; cat "$CACHE/serve.log" >&2; exit 1; }

FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --proxy-server=http://127.0.0.1:9 --proxy-bypass-list=127.0.0.1;localhost;[::1]"
REPORTS="$CACHE/reports"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
n=0
for p in $PAGES; do
  url="$BASE$p"
  n=$((n + 1))
  name=$(printf '%02d-%s' "$n" "$(echo "$p" | sed 's#^/##; s#/$##; s#[/.]#-#g')")
  # A run that could not record the page (Lighthouse's runtimeError,
  # e.g. NO_NAVSTART on a busy machine) is tried again, twice at most.
  for try in 1 2 3; do
    echo "lighthouse $url" >&2
    if ! "$LH" "$url" --quiet --output=json --output-path="$REPORTS/$name.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="$FLAGS" 2>"$REPORTS/$name.log"; then
      echo "lighthouse failed on $url:" >&2
      tail -n 5 "$REPORTS/$name.log" >&2
    fi
    err=$(node -e 'try { const r = require(process.argv[1]); console.log(r.runtimeError ? r.runtimeError.code : ""); } catch (e) { console.log("no report"); }' "$PWD/$REPORTS/$name.json")
    [ -z "$err" ] && break
    echo "  $err (try $try)" >&2
  done
done

# The table, and the audits that cost points on each page below its goal.
node - "$REPORTS" <<'EOF'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const goals = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const cats = Object.keys(goals);
let missed = 0;
const rows = [];
const notes = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const page = new URL(r.finalDisplayedUrl || r.requestedUrl).pathname;
  if (r.runtimeError) {
    missed++;
    rows.push([page, 'error', '', '', '', r.runtimeError.code, '', '']);
    notes.push(`${page}: Lighthouse could not measure it: ${r.runtimeError.message}`);
    continue;
  }
  const scores = cats.map((c) => (r.categories[c] && r.categories[c].score !== null ? Math.round(r.categories[c].score * 100) : NaN));
  const m = r.audits['largest-contentful-paint'], t = r.audits['total-blocking-time'], cls = r.audits['cumulative-layout-shift'];
  rows.push([page, ...scores.map((s, i) => (s >= goals[cats[i]] ? String(s) : `${s}!`)), m ? m.displayValue : '', t ? t.displayValue : '', cls ? cls.displayValue : '']);
  cats.forEach((c, i) => {
    if (!(scores[i] >= goals[c])) {
      missed++;
      const bad = (r.categories[c]?.auditRefs || [])
        .filter((a) => a.weight > 0 && r.audits[a.id] && r.audits[a.id].score !== null && r.audits[a.id].score < 1)
        .map((a) => `${a.id}${r.audits[a.id].displayValue ? ` (${r.audits[a.id].displayValue})` : ''}`);
      notes.push(`${page} ${c} ${scores[i]}: ${bad.join(', ') || 'see the report'}`);
    }
  });
}
const head = ['page', 'perf', 'a11y', 'best-pr', 'seo', 'LCP', 'TBT', 'CLS'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
const bench = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).environment?.benchmarkIndex).filter(Boolean);
console.log(`\ngoals: performance ≥ ${goals.performance}, accessibility, best practices and SEO 100 (! marks a miss)`);
if (bench.length) console.log(`Lighthouse's CPU benchmark index: ${Math.min(...bench)} to ${Math.max(...bench)} (a busy or slow machine scores low and inflates TBT)`);
if (notes.length) console.log('\nwhat cost points:\n' + notes.map((n) => '  ' + n).join('\n'));
process.exitCode = missed ? 1 : 0;
EOF
