// Tests of rasterise.mjs: node --test scripts/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, 'rasterise.mjs');
// The build hands the rasteriser the font list (generator/socialfont.Files);
// the test names the same committed files.
const FONTS = ['NotoSansSC-Regular.subset.ttf', 'NotoSansSC-Bold.subset.ttf'].map((f) => join(here, '..', 'data', 'fonts', f));

const CARD = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="63" viewBox="0 0 120 63">'
  + '<rect width="120" height="8" fill="#0b5cab"/><text x="4" y="40" font-size="20" font-family="Noto Sans SC" font-weight="700">工程机械</text>'
  + '<text x="4" y="58" font-size="12" font-family="system-ui, sans-serif">Aa 湘政办发〔2023〕54号</text></svg>';

function pngSize(buf) {
  assert.equal(buf.toString('latin1', 1, 4), 'PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

function setup(jobs, settings = { fonts: FONTS, family: 'Noto Sans SC' }) {
  const dir = mkdtempSync(join(tmpdir(), 'rasterise-test-'));
  writeFileSync(join(dir, 'card.svg'), CARD);
  const manifest = join(dir, 'm.json');
  writeFileSync(manifest, JSON.stringify({ ...settings, jobs: jobs(dir) }));
  const run = () => spawnSync(process.execPath, [script, manifest], { encoding: 'utf8', timeout: 60_000 });
  return { dir, manifest, run };
}

test('draws a batch of SVGs to PNGs at the asked size, the same bytes twice', () => {
  const { dir, run } = setup((d) => [
    { in: join(d, 'card.svg'), out: join(d, 'zh', 'a.png'), width: 120, height: 63 },
    { in: join(d, 'card.svg'), out: join(d, 'en', 'b@2x.png'), width: 240, height: 126 },
  ]);
  try {
    let r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^rasterised 2 images in \d+ ms\n$/);
    const first = readFileSync(join(dir, 'zh', 'a.png'));
    assert.deepEqual(pngSize(first), [120, 63]);
    assert.deepEqual(pngSize(readFileSync(join(dir, 'en', 'b@2x.png'))), [240, 126]);
    r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.ok(first.equals(readFileSync(join(dir, 'zh', 'a.png'))), 'the same SVG gives the same PNG');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a job whose out is - goes to stdout as a frame of pixels', () => {
  const { dir, manifest } = setup((d) => [
    { in: join(d, 'card.svg'), out: '-', width: 120, height: 63 },
    { in: join(d, 'card.svg'), out: join(d, 'a.png'), width: 120, height: 63 },
    { in: join(d, 'card.svg'), out: '-', width: 240, height: 126 },
  ]);
  try {
    const r = spawnSync(process.execPath, [script, manifest], { timeout: 60_000, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, String(r.stderr));
    const out = r.stdout;
    const frames = {};
    for (let at = 0; at < out.length;) {
      assert.equal(out.toString('latin1', at, at + 4), 'RGBA');
      const [i, w, h] = [out.readUInt32BE(at + 4), out.readUInt32BE(at + 8), out.readUInt32BE(at + 12)];
      frames[i] = { w, h, pix: out.subarray(at + 16, at + 16 + w * h * 4) };
      at += 16 + w * h * 4;
    }
    assert.deepEqual(Object.keys(frames).sort(), ['0', '2'], 'one frame for each job to stdout, none for the file');
    assert.deepEqual([frames[0].w, frames[0].h, frames[2].w, frames[2].h], [120, 63, 240, 126]);
    // The top bar is the accent blue, the rest white, opaque.
    assert.deepEqual([...frames[0].pix.subarray(0, 4)], [0x0b, 0x5c, 0xab, 255]);
    assert.deepEqual([...frames[0].pix.subarray(120 * 4 * 20, 120 * 4 * 20 + 4)], [255, 255, 255, 255]);
    assert.deepEqual(pngSize(readFileSync(join(dir, 'a.png'))), [120, 63]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('draws text with the given fonts only', () => {
  // Without the font, the text is not drawn at all: the picture differs.
  const a = setup((d) => [{ in: join(d, 'card.svg'), out: join(d, 'a.png'), width: 120, height: 63 }]);
  const b = setup((d) => [{ in: join(d, 'card.svg'), out: join(d, 'a.png'), width: 120, height: 63 }],
    { fonts: [join(here, '..', 'data', 'fonts', 'OFL.txt')], family: 'Noto Sans SC' });
  try {
    assert.equal(a.run().status, 0);
    assert.equal(b.run().status, 0);
    assert.ok(!readFileSync(join(a.dir, 'a.png')).equals(readFileSync(join(b.dir, 'a.png'))));
  } finally {
    rmSync(a.dir, { recursive: true, force: true });
    rmSync(b.dir, { recursive: true, force: true });
  }
});

test('a bad job fails the batch and is named', () => {
  for (const [jobs, want, settings] of [
    [(d) => [{ in: join(d, 'card.svg'), out: join(d, 'x.png'), width: 120, height: 64 }], /job 0 \(.*card\.svg → .*x\.png\): drawn 120 × 63, want 120 × 64/],
    [(d) => [{ in: join(d, 'missing.svg'), out: join(d, 'x.png'), width: 1, height: 1 }], /job 0 \(.*missing\.svg.*ENOENT/],
    [(d) => [{ in: join(d, 'm.json'), out: join(d, 'x.png'), width: 1, height: 1 }], /not an SVG document/],
    [(d) => [{ in: join(d, 'card.svg'), out: join(d, 'x.jpg'), width: 1, height: 1 }], /out .*x\.jpg is neither a \.png file nor - \(stdout\)/],
    [(d) => [{ in: join(d, 'card.svg'), out: join(d, 'x.png'), width: 0, height: 1 }], /width 0 is not a size/],
    [(d) => [], /fonts is not a list of files/, { family: 'Noto Sans SC' }],
    [(d) => [], /font .*nofont\.ttf/, { fonts: ['nofont.ttf'], family: 'Noto Sans SC' }],
  ]) {
    const { dir, run } = setup(jobs, settings);
    try {
      const r = run();
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, want);
      assert.ok(!existsSync(join(dir, 'x.png')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
