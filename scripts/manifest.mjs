// manifest.mjs — the one protocol between the Go build and its Node
// scripts (render-charts.mjs, rasterise.mjs).
//
// The build writes a manifest, a JSON object: a list of jobs, each naming
// the file it reads and the file it writes, beside the settings the jobs
// share:
//
//   {"jobs": [{"in": "generated/…/x.json", "out": "generated/…/x.svg", …}, …],
//    …shared settings (a script names its own)}
//
// Paths are resolved against the current folder (the build runs the
// scripts in the project root). A script takes one argument, the
// manifest's path, runs every job (a few at once where the work allows),
// prints one summary line to stderr — "<verb> N <things> in T ms" — and
// exits 0; on the first error it names the job (its index and files) and
// exits 1, writing nothing more.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';

export class ManifestError extends Error {}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// readManifest reads and checks a manifest. settings maps each shared
// setting the script knows to a check (v) => error text or ''; fields does
// the same for a job's fields besides in and out. Unknown keys are errors,
// so that a typo in the Go writer fails at once.
export function readManifest(file, { settings = {}, fields = {}, outSuffix = '' } = {}) {
  let m;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ManifestError(`${file}: ${err.message}`);
  }
  if (!isObject(m)) throw new ManifestError(`${file}: not a JSON object with "jobs"`);
  if (!Array.isArray(m.jobs)) throw new ManifestError(`${file}: "jobs" is not a list`);
  for (const [k, v] of Object.entries(m)) {
    if (k === 'jobs') continue;
    if (!settings[k]) throw new ManifestError(`${file}: unknown setting ${JSON.stringify(k)}`);
    const e = settings[k](v);
    if (e) throw new ManifestError(`${file}: ${k} ${e}`);
  }
  for (const k of Object.keys(settings)) {
    if (m[k] === undefined) {
      const e = settings[k](undefined);
      if (e) throw new ManifestError(`${file}: ${k} ${e}`);
    }
  }
  m.jobs.forEach((j, i) => {
    const where = `${file}: job ${i}`;
    if (!isObject(j)) throw new ManifestError(`${where}: not an object`);
    for (const k of ['in', 'out']) {
      if (typeof j[k] !== 'string' || !j[k]) throw new ManifestError(`${where}: no ${k} file`);
    }
    if (outSuffix && !j.out.endsWith(outSuffix)) throw new ManifestError(`${where}: out ${j.out} is not a ${outSuffix} file`);
    for (const [k, v] of Object.entries(j)) {
      if (k === 'in' || k === 'out') continue;
      if (!fields[k]) throw new ManifestError(`${where}: unknown field ${JSON.stringify(k)}`);
    }
    for (const [k, check] of Object.entries(fields)) {
      const e = check(j[k]);
      if (e) throw new ManifestError(`${where} (${j.out}): ${k} ${e}`);
    }
  });
  return m;
}

// Checks for readManifest.
export const check = {
  files: (v) => (Array.isArray(v) && v.length && v.every((f) => typeof f === 'string' && f) ? '' : 'is not a list of files'),
  file: (v) => (typeof v === 'string' && v ? '' : 'is not a file'),
  optionalFile: (v) => (v === undefined || (typeof v === 'string' && v) ? '' : 'is not a file'),
  text: (v) => (typeof v === 'string' && v ? '' : 'is not a text'),
  size: (v) => (Number.isInteger(v) && v > 0 && v <= 20000 ? '' : `${JSON.stringify(v)} is not a size in pixels`),
};

// runJobs runs one(job, i) for every job, at most parallel at once; the
// first error stops the batch and names the job.
export async function runJobs(jobs, one, { parallel = availableParallelism() } = {}) {
  let next = 0;
  let failed = null;
  const worker = async () => {
    while (next < jobs.length && !failed) {
      const i = next++;
      try {
        await one(jobs[i], i);
      } catch (err) {
        if (!failed) {
          failed = new ManifestError(`job ${i} (${jobs[i].in} → ${jobs[i].out}): ${err.message}`);
          failed.cause = err;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
  if (failed) throw failed;
  return jobs.length;
}

// main runs a script's batch from the command line: run(manifestFile)
// returns how many jobs it did; summary(n, ms) words the line for stderr.
// known are the script's own error classes, whose stack is not printed.
export async function main(meta, name, run, summary, known = []) {
  if (import.meta.url === meta.url || meta.url !== pathToFileURL(process.argv[1] ?? '').href) return;
  const argv = process.argv.slice(2);
  if (argv.length !== 1) {
    process.stderr.write(`usage: node scripts/${name}.mjs <manifest.json>\n`);
    process.exitCode = 1;
    return;
  }
  const t0 = performance.now();
  try {
    const n = await run(argv[0]);
    process.stderr.write(`${summary(n, Math.round(performance.now() - t0))}\n`);
    process.exitCode = 0;
  } catch (err) {
    process.stderr.write(`${name}: ${err.message}\n`);
    // An error inside a library: its stack says where.
    const cause = err.cause;
    if (cause?.stack && ![ManifestError, SyntaxError, ...known].some((k) => cause instanceof k)) {
      process.stderr.write(`${cause.stack}\n`);
    }
    process.exitCode = 1;
  }
}
