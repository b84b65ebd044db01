import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { table } from './lib/stats.js';

/**
 * Seconds from `npm start` until the portal answers, and until the API behind it is ready, for a cold and for warm
 * starts. Cold is the first start after `npm ci`: no elements bundle, a new data directory, no cached compilation.
 * Warm is every start after it. Prints figures; asserts nothing about them.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'packages/elements/dist/bundle/berichtsheft-elements.js');
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 3);
const GIVE_UP_MS = 120_000;
const POLL_MS = 25;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, 'localhost', () => probe.close(() => resolve(true)));
  });
}

/** A port for the portal whose next port, the API's, is free as well. */
async function freePortPair(): Promise<number> {
  for (let port = 18_100; port < 19_000; port += 2) {
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
  throw new Error('no two free neighbouring ports between 18100 and 19000');
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function secondsUntil(url: string, since: number, child: ChildProcess): Promise<number> {
  while (!(await answers(url))) {
    if (child.exitCode !== null) throw new Error(`npm start ended with ${child.exitCode}`);
    if (performance.now() - since > GIVE_UP_MS) throw new Error(`${url} did not answer in time`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return (performance.now() - since) / 1000;
}

interface Start {
  portal: number;
  api: number;
}

async function measureStart(env: Record<string, string>, port: number): Promise<Start> {
  const since = performance.now();
  // A process group of its own, so that stopping it stops npm, the start script and the portal together.
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const portal = await secondsUntil(`http://localhost:${port}/`, since, child);
    const api = await secondsUntil(`http://localhost:${port + 1}/readyz`, since, child);
    return { portal, api };
  } finally {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'bh-bench-start-'));
  // A temporary directory of its own empties tsx's compilation cache; the data directory starts empty.
  const env = { BH_DATA_DIR: join(scratch, 'data'), TMPDIR: join(scratch, 'tmp') };
  await rm(BUNDLE, { force: true });
  await rm(`${BUNDLE}.map`, { force: true });
  const port = await freePortPair();
  try {
    await mkdir(env.TMPDIR, { recursive: true });
    const rows: string[][] = [];
    const cold = await measureStart(env, port);
    rows.push(['cold', cold.portal.toFixed(2), cold.api.toFixed(2)]);
    for (let run = 1; run <= WARM_RUNS; run += 1) {
      const warm = await measureStart(env, port);
      rows.push([`warm ${run}`, warm.portal.toFixed(2), warm.api.toFixed(2)]);
    }
    console.log(
      '\n`npm start`: seconds until the portal answers GET / with 200, and until the API answers /readyz with 200\n',
    );
    console.log(table(['start', 'portal answers (s)', 'API ready (s)'], rows));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
