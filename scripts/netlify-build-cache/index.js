// build-cache — a local Netlify Build plugin that keeps the generator's
// caches between Netlify builds: the folders named in netlify.toml
// (inputs.paths: the render caches under generated/, see
// generator/pipeline/rendercache.go; a test checks that the list names
// every cache the pipeline opens). A Netlify build starts from a fresh
// checkout, where generated/ is empty, and keeps between builds only its
// own npm and Go caches and what a plugin saves with utils.cache.
//
// Entries are named by the hash of everything that made them and a build
// drops those it did not use, so a restored cache is never stale: at
// worst it is of no use and the build draws again.
//
// It uses only utils.cache (@netlify/cache-utils), which Netlify gives
// every plugin: no package to install. It does what netlify-plugin-cache
// does, without a third-party package in the build.
export const onPreBuild = async function ({ inputs, utils }) {
  for (const p of inputs.paths) {
    console.log(`build-cache: ${p} ${(await utils.cache.restore(p)) ? 'restored' : 'not cached yet'}`);
  }
};

// onPostBuild runs only when the build command succeeded.
export const onPostBuild = async function ({ inputs, utils }) {
  for (const p of inputs.paths) {
    console.log(`build-cache: ${p} ${(await utils.cache.save(p)) ? 'saved' : 'missing, not saved'}`);
  }
};
