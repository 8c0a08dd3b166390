// Tests of render-social.mjs: node --test scripts/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readMetrics, atoms, wrap, layoutTitle, cardSVG, nestChart, FONT_FILES } from './render-social.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'render-social.mjs');
const regular = readMetrics(readFileSync(FONT_FILES.regular));
const bold = readMetrics(readFileSync(FONT_FILES.bold));

const CHART = '<svg width="400" height="300" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 400 300" role="img" aria-label="x">'
  + '<rect width="400" height="300" fill="#0b5cab"/><text x="10" y="20" font-size="12px" font-family="sans-serif">长沙 ★★★</text></svg>';
const CARD = {
  lang: 'zh', title: '工程机械', subtitle: '传统产业', footer: '湖南省现代化产业体系建设实施方案\n湘政办发〔2023〕54号', chartSVG: CHART,
};

function pngSize(buf) {
  assert.equal(buf.toString('latin1', 1, 4), 'PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('the font files map the characters the cards need', () => {
  for (const f of [regular, bold]) {
    for (const ch of '湖南省工程机械〔〕★…AZaz09·') assert.ok(f.has(ch.codePointAt(0)), `font lacks ${ch}`);
    assert.ok(!f.has(0x9fa0), 'a subset should not have every Han character');
    assert.ok(f.width('长沙') > 1.9 && f.width('长沙') <= 2.01, 'Han characters are about 1 em wide');
    assert.ok(f.ascent > 0.8 && f.ascent < 1.2);
  }
});

test('line breaks: not inside a number and its measure word, not before closing punctuation', () => {
  const parts = atoms('产业布局表：16个产业 × 14个市州').map((a) => a.s);
  assert.ok(parts.includes('表：'), parts.join('|'));
  assert.ok(parts.includes('16个'), parts.join('|'));
  assert.ok(atoms('湘政办发〔2023〕54号').some((a) => a.s === '〔2023〕54号'));
  assert.deepEqual(atoms('Light industry  and\ntextiles').filter((a) => !a.space).map((a) => a.s), ['Light', 'industry', 'and', 'textiles']);
  for (let width = 60; width < 500; width += 7) {
    for (const line of wrap('附件1对每个产业在每个市州的布局评级：★★★为核心产业，★★为重点产业，空白为未布局。', regular, 27, width).lines) {
      assert.ok(!/^[，。、：；）〕”]/.test(line), `line starts with punctuation at width ${width}: ${line}`);
      assert.ok(regular.width(line) * 27 <= width + 0.01 || [...line].length === 1, `line too wide at ${width}: ${line}`);
    }
  }
});

test('a title takes the largest size that fits in three lines (four when small), with even lines', () => {
  assert.equal(layoutTitle('工程机械', bold).size, 64);
  const long = layoutTitle('Xiangxi Tujia and Miao Autonomous Prefecture in Hunan', bold);
  assert.ok(long.lines.length <= 3 && long.size < 64, JSON.stringify(long));
  const plan = layoutTitle('Hunan Province Modern Industrial System Construction Implementation Plan', bold);
  assert.ok(plan.lines.length === 4 && plan.size > 34 && !plan.lines.at(-1).endsWith('…'), JSON.stringify(plan));
  const m = layoutTitle('产业布局表：16个产业 × 14个市州', bold);
  assert.ok(m.lines.every((l) => [...l].length > 1), `a lone character on a line: ${JSON.stringify(m.lines)}`);
  const huge = layoutTitle('很长的标题'.repeat(40), bold);
  assert.ok(huge.lines.length <= 4 && huge.lines.at(-1).endsWith('…'), JSON.stringify(huge));
});

test('the card escapes its texts and nests the chart', () => {
  const svg = cardSVG({ ...CARD, title: '<script>&"', subtitle: 'a < b' });
  assert.ok(svg.includes('&lt;script&gt;&amp;&quot;'));
  assert.ok(!svg.includes('<script>'));
  assert.match(svg, /<svg x="\d+" y="\d+" width="\d+" height="\d+" viewBox="0 0 400 300" preserveAspectRatio="xMidYMid meet"><rect/);
  assert.throws(() => nestChart('<div/>', { x: 0, y: 0, width: 1, height: 1 }), /not an <svg>/);
});

test('renders a batch to 1200 × 630 PNGs, the same bytes twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'social-test-'));
  try {
    const items = [
      { ...CARD, out: join(dir, 'zh', 'a.png') },
      { ...CARD, lang: 'en', title: 'Construction machinery', subtitle: 'Traditional industries', footer: 'Plan\nXiang Zheng Ban Fa [2023] No. 54', out: join(dir, 'en', 'b.png') },
    ];
    writeFileSync(join(dir, 'm.json'), JSON.stringify(items));
    const run = () => spawnSync(process.execPath, [script, join(dir, 'm.json')], { encoding: 'utf8' });
    let r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /rendered 2 social images/);
    const first = readFileSync(items[0].out);
    assert.deepEqual(pngSize(first), [1200, 630]);
    assert.deepEqual(pngSize(readFileSync(items[1].out)), [1200, 630]);
    r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.ok(first.equals(readFileSync(items[0].out)), 'the same card gives the same PNG');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad card fails the batch and is named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'social-test-'));
  try {
    const items = [
      { ...CARD, out: join(dir, 'ok.png') },
      { ...CARD, chartSVG: '', out: join(dir, 'bad.png') },
    ];
    writeFileSync(join(dir, 'm.json'), JSON.stringify(items));
    const r = spawnSync(process.execPath, [script, join(dir, 'm.json')], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /card 1 \(.*bad\.png\): no chartSVG/);
    assert.ok(!existsSync(join(dir, 'bad.png')));

    writeFileSync(join(dir, 'm.json'), '{"not": "an array"}');
    const r2 = spawnSync(process.execPath, [script, join(dir, 'm.json')], { encoding: 'utf8' });
    assert.equal(r2.status, 1);
    assert.match(r2.stderr, /not a JSON array/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
