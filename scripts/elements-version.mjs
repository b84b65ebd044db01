#!/usr/bin/env node
/**
 * Writes packages/elements/src/generated/version.ts from the version in packages/elements/package.json, so every
 * build of the elements (rollup, the test runner's esbuild, Storybook's vite, tsc) carries the package's version
 * without each bundler needing its own define. With `--check` nothing is written: the script fails when the
 * committed module names another version than package.json, which `npm test` runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageJsonPath = `${root}packages/elements/package.json`;
const modulePath = `${root}packages/elements/src/generated/version.ts`;

const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
if (typeof version !== 'string' || version === '') {
  throw new Error(`${packageJsonPath} has no version`);
}

const expected = `// Written by scripts/elements-version.mjs from packages/elements/package.json: run \`npm run elements:version\`.

/** The version of @berichtsheft/elements; tells two copies of the elements on one page apart. */
export const ELEMENTS_VERSION = ${JSON.stringify(version).replaceAll('"', "'")};
`;

let current = null;
try {
  current = readFileSync(modulePath, 'utf8');
} catch {
  // A missing module is as stale as a wrong one.
}

if (process.argv.includes('--check')) {
  if (current !== expected) {
    console.error(
      `packages/elements/src/generated/version.ts does not say version ${version} of packages/elements/package.json. ` +
        'Run `npm run elements:version` and commit the result.',
    );
    process.exit(1);
  }
  console.log(`Elements version ${version} matches package.json.`);
} else if (current !== expected) {
  writeFileSync(modulePath, expected);
  console.log(`Wrote ${version} to packages/elements/src/generated/version.ts.`);
}
