#!/usr/bin/env node
// The command's entry point is committed rather than built, because npm links a workspace's command at install time
// and only when its file exists then: on a fresh clone `npm ci` runs before any build. It runs the built CLI.
import { existsSync } from 'node:fs';

const builtCli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(builtCli)) {
  await import(builtCli.href);
} else {
  console.error(
    'berichtsheft-server is not built yet: run `npm run build` in the repository first (dist/cli.js is missing).',
  );
  process.exitCode = 1;
}
