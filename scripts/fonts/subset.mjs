#!/usr/bin/env node
// subset.mjs — keep only the given characters of a font.
//
// Usage: node subset.mjs <font.ttf> <chars.txt> <out.ttf>
//
// Reads any TTF/OTF/WOFF/WOFF2, writes an sfnt (TrueType) font with the
// characters of chars.txt (UTF-8; line breaks ignored) and the glyphs their
// layout needs, with HarfBuzz's hb-subset (npm package subset-font, which
// scripts/fonts/build.sh installs into its temp folder). Prints the size
// and the character count; build.sh then checks the result with the Go
// test of generator/socialfont.
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';

const [src, charsFile, out] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: node subset.mjs <font.ttf> <chars.txt> <out.ttf>\n');
  process.exit(2);
}
const chars = [...new Set([...readFileSync(charsFile, 'utf8')].filter((c) => c !== '\n' && c !== '\r'))].join('');
const font = await subsetFont(readFileSync(src), chars, { targetFormat: 'sfnt' });
writeFileSync(out, font);
process.stdout.write(`${out}: ${font.length} bytes, ${[...chars].length} characters\n`);
