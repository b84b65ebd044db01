#!/usr/bin/env node
/**
 * `npm start`: the example portal with the API, ready in seconds on a fresh clone and at once on a later start.
 *
 * - The portal and the server run from their TypeScript sources through tsx (tsconfig.source.json maps the workspace
 *   packages to their `src`), so nothing is compiled first: type-checking is `npm test`'s job, not the demo's.
 * - The elements' script-tag bundle, which the browser loads, is built with rollup only when it is missing or older
 *   than one of its inputs.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'packages/elements/dist/bundle/berichtsheft-elements.js');

/** Everything the bundle is made from: the sources it includes, its build configuration and the pinned dependencies. */
const BUNDLE_INPUTS = [
  'packages/elements/src',
  'packages/client/src',
  'packages/core/src',
  'packages/elements/tsconfig.json',
  'packages/elements/package.json',
  'rollup.config.mjs',
  'package-lock.json',
].map((path) => join(root, path));

function modifiedAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The latest modification below `path` (a file or a folder), or 0 when it does not exist. */
function newestBelow(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestBelow(join(path, entry)));
  return newest;
}

function bundleIsStale() {
  const built = modifiedAt(BUNDLE);
  return built === undefined || BUNDLE_INPUTS.some((input) => newestBelow(input) > built);
}

/** Builds only the script-tag bundle of rollup.config.mjs; the npm modules are `npm run build`'s. */
async function buildBundle() {
  const { rollup } = await import('rollup');
  const { default: configs } = await import(pathToFileURL(join(root, 'rollup.config.mjs')).href);
  const config = configs.find((candidate) =>
    candidate.output?.file?.endsWith(BUNDLE.slice(root.length)),
  );
  if (config === undefined)
    throw new Error('rollup.config.mjs has no build for the script-tag bundle');
  const build = await rollup(config);
  try {
    await build.write(config.output);
  } finally {
    await build.close();
  }
}

function runPortal() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'examples/host-portal/src/start.ts')],
    {
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.source.json') },
      stdio: 'inherit',
    },
  );
  // Ctrl+C reaches the portal too (same process group); a signal sent to this process alone is passed on. Either way
  // this process ends when the portal has shut down.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

// rollup.config.mjs names its files relative to the repository, and the demo keeps its data in ./.data there.
process.chdir(root);
if (bundleIsStale()) {
  console.log('Building the elements bundle …');
  await buildBundle();
}
runPortal();
