#!/usr/bin/env node
// rasterise.mjs — draw SVG documents to PNG files with resvg, in one batch.
// It lays nothing out: the Go build composes every picture as a whole SVG
// (generator/cards: the social preview cards, the chart downloads) and
// this only draws it, with the fonts it is given and no other.
//
// Usage: node scripts/rasterise.mjs <manifest.json>
//
// The manifest (see manifest.mjs) is
//   {"fonts": ["data/fonts/NotoSansSC-Regular.subset.ttf", …],
//    "family": "Noto Sans SC",
//    "jobs": [{"in": "….svg", "out": "….png", "width": 1200, "height": 630}, …]}
// fonts are the only font files resvg may use (never a system font, so that
// the same input gives the same PNG on every machine); family stands in for
// every generic family (sans-serif, system-ui, …). Each SVG is drawn on
// white, scaled to width pixels; the picture must come out width × height,
// or the job fails. Several jobs are drawn at once (resvg draws on libuv's
// thread pool).
//
// A job whose out is "-" goes to stdout instead of a file, as its pixels,
// for the build to encode (it makes palette PNGs): a frame of "RGBA", the
// job's index, the width and the height (each a 32-bit big-endian number),
// then width × height × 4 bytes, red green blue alpha, row by row. Frames
// come in the order the jobs finish.
//
// One summary line goes to stderr: "rasterised N images in T ms".

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { readManifest, runJobs, check, main } from './manifest.mjs';

export class RasterError extends Error {}

export function resvgOptions({ fonts, family }) {
  return {
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: fonts.map((f) => resolve(f)),
      defaultFontFamily: family,
      sansSerifFamily: family,
      serifFamily: family,
      monospaceFamily: family,
      cursiveFamily: family,
      fantasyFamily: family,
    },
  };
}

// rasterise draws one SVG string to a picture of width × height (resvg's
// RenderedImage: asPng(), pixels).
export async function rasterise(svg, { width, height }, options) {
  const img = await renderAsync(svg, { ...options, fitTo: { mode: 'width', value: width } });
  if (img.width !== width || img.height !== height) {
    throw new RasterError(`drawn ${img.width} × ${img.height}, want ${width} × ${height}`);
  }
  return img;
}

// frame is a picture's pixels as a stdout frame for job i.
export function frame(i, img) {
  const head = Buffer.alloc(16);
  head.write('RGBA', 0, 'latin1');
  head.writeUInt32BE(i, 4);
  head.writeUInt32BE(img.width, 8);
  head.writeUInt32BE(img.height, 12);
  return Buffer.concat([head, img.pixels]);
}

// rasteriseAll runs a manifest; returns the number of images.
export async function rasteriseAll(manifestFile, { parallel } = {}) {
  const m = readManifest(manifestFile, {
    settings: { fonts: check.files, family: check.text },
    fields: { width: check.size, height: check.size },
  });
  m.jobs.forEach((j, i) => {
    if (j.out !== '-' && !j.out.endsWith('.png')) throw new RasterError(`${manifestFile}: job ${i}: out ${j.out} is neither a .png file nor - (stdout)`);
  });
  for (const f of m.fonts) {
    try {
      readFileSync(f);
    } catch (err) {
      throw new RasterError(`${manifestFile}: font ${f}: ${err.message}`);
    }
  }
  const options = resvgOptions(m);
  return runJobs(m.jobs, async (job, i) => {
    const svg = readFileSync(job.in, 'utf8');
    if (!/^\s*<svg[\s>]/.test(svg)) throw new RasterError('not an SVG document');
    const img = await rasterise(svg, job, options);
    if (job.out === '-') {
      // Wait while the build, which reads as fast as it encodes, catches up.
      if (!process.stdout.write(frame(i, img))) await once(process.stdout, 'drain');
      return;
    }
    mkdirSync(dirname(resolve(job.out)), { recursive: true });
    writeFileSync(job.out, img.asPng());
  }, { parallel });
}

await main(import.meta, 'rasterise', rasteriseAll, (n, ms) => `rasterised ${n} images in ${ms} ms`, [RasterError]);
