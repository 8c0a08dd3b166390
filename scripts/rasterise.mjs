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
// white, scaled to width pixels; the PNG must come out width × height, or
// the job fails. Several jobs are drawn at once (resvg draws on libuv's
// thread pool).
//
// One summary line goes to stderr: "rasterised N images in T ms".

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
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

// rasterise draws one SVG string to PNG bytes of width × height.
export async function rasterise(svg, { width, height }, options) {
  const png = await renderAsync(svg, { ...options, fitTo: { mode: 'width', value: width } });
  if (png.width !== width || png.height !== height) {
    throw new RasterError(`drawn ${png.width} × ${png.height}, want ${width} × ${height}`);
  }
  return png.asPng();
}

// rasteriseAll runs a manifest; returns the number of images.
export async function rasteriseAll(manifestFile, { parallel } = {}) {
  const m = readManifest(manifestFile, {
    settings: { fonts: check.files, family: check.text },
    fields: { width: check.size, height: check.size },
    outSuffix: '.png',
  });
  for (const f of m.fonts) {
    try {
      readFileSync(f);
    } catch (err) {
      throw new RasterError(`${manifestFile}: font ${f}: ${err.message}`);
    }
  }
  const options = resvgOptions(m);
  return runJobs(m.jobs, async (job) => {
    const svg = readFileSync(job.in, 'utf8');
    if (!/^\s*<svg[\s>]/.test(svg)) throw new RasterError('not an SVG document');
    const png = await rasterise(svg, job, options);
    mkdirSync(dirname(resolve(job.out)), { recursive: true });
    writeFileSync(job.out, png);
  }, { parallel });
}

await main(import.meta, 'rasterise', rasteriseAll, (n, ms) => `rasterised ${n} images in ${ms} ms`, [RasterError]);
