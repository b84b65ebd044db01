import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { openDatabase } from '@berichtsheft/server';
import { createScratchDatabase } from '../packages/server/src/testing/scratch-database.js';
import {
  APPRENTICES_PER_COMPANY,
  apprenticeSubject,
  seedChamber,
  TRAINERS_PER_COMPANY,
  trainerOf,
  trainerSubject,
} from './lib/chamber-seed.js';
import { type CpuSample, cpuBetween, sampleCpu } from './lib/cpu.js';
import { startIssuer } from './lib/issuer.js';
import {
  PEAK_OPERATIONS,
  type PeakFigures,
  type PeakJob,
  type PeakOperation,
  type PeakOperationKind,
  type PeakResult,
  type PeakWindowMark,
} from './lib/peak-protocol.js';
import { close, createApplicationServer, createBareServer, listen } from './lib/servers.js';
import { milliseconds, table } from './lib/stats.js';

/**
 * A chamber's Friday peak: 50,000 apprentices' record (1 M weeks) in PostgreSQL, and the operations the elements
 * send, arriving at random (Poisson) at a multiple of the weekly average rate, against the real server on this
 * machine, next to the same arrivals answered by a bare node:http server. Goal at ten times the average: p99 below
 * 100 ms for every operation, with no errors.
 */

const env = process.env;
const apprentices = Number(env.BENCH_APPRENTICES ?? 50_000);
const weeksPerApprentice = Number(env.BENCH_WEEKS_PER_APPRENTICE ?? 20);
const factors = (env.BENCH_PEAK_FACTORS ?? '10,20').split(',').map(Number);
const seconds = Number(env.BENCH_PEAK_SECONDS ?? 60);
const WARMUP_MS = 5000;
const GOAL_FACTOR = 10;
const GOAL_P99_MS = 100;

/** A week's work as the elements send it, per apprentice; the trainers read their queue besides. */
const WEEKLY_PER_APPRENTICE: Record<Exclude<PeakOperationKind, 'queue read'>, number> = {
  'editor page load': 3,
  save: 5,
  submit: 1,
  approve: 1,
};
const WEEKLY_QUEUE_READS_PER_TRAINER = 5;
/** Five working days of eight hours: the average is taken over the hours in which apprentices write. */
const WORKING_SECONDS_PER_WEEK = 5 * 8 * 3600;

const trainers = Math.ceil(apprentices / APPRENTICES_PER_COMPANY) * TRAINERS_PER_COMPANY;

function averageRate(kind: PeakOperationKind): number {
  const weekly =
    kind === 'queue read'
      ? trainers * WEEKLY_QUEUE_READS_PER_TRAINER
      : apprentices * WEEKLY_PER_APPRENTICE[kind];
  return weekly / WORKING_SECONDS_PER_WEEK;
}

/** A small seeded generator (mulberry32), so that every run sends the same schedule. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The arrivals of one stage. Each stage writes to apprentices of its own (every `stages`-th one), so that what an
 * earlier stage saved, submitted or approved never meets a later stage's expectations.
 */
function schedule(factor: number, stage: number, stages: number): PeakOperation[] {
  const next = random(4711 + stage);
  const total = WARMUP_MS + seconds * 1000;
  const operations: PeakOperation[] = [];
  for (const kind of PEAK_OPERATIONS) {
    const perMs = (averageRate(kind) * factor) / 1000;
    for (let at = -Math.log(1 - next()) / perMs; at < total; at += -Math.log(1 - next()) / perMs) {
      const apprentice =
        stage + stages * Math.floor(next() * Math.floor((apprentices - stage - 1) / stages + 1));
      operations.push({ at, kind, apprentice, trainer: Math.floor(next() * trainers) });
    }
  }
  return operations.sort((a, b) => a.at - b.at);
}

function subjectsOf(operations: readonly PeakOperation[]): Set<string> {
  const subjects = new Set<string>();
  for (const operation of operations) {
    if (operation.kind === 'queue read') subjects.add(trainerSubject(operation.trainer));
    else if (operation.kind === 'approve')
      subjects.add(trainerSubject(trainerOf(operation.apprentice)));
    else subjects.add(apprenticeSubject(operation.apprentice));
  }
  return subjects;
}

async function runJob(
  child: ChildProcess,
  job: PeakJob,
  window: { open(): void; close(): void },
): Promise<PeakResult> {
  return new Promise((resolve) => {
    const onMessage = (message: PeakResult | PeakWindowMark) => {
      if (message.type === 'window') {
        if (message.edge === 'open') window.open();
        else window.close();
        return;
      }
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send(job);
  });
}

const format = (value: number) => (Number.isFinite(value) ? milliseconds(value) : '–');

async function main(): Promise<number> {
  const adminUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL;
  if (!adminUrl) {
    console.error(
      'bench:peak needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL or DATABASE_URL), e.g. ' +
        'BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:peak',
    );
    return 2;
  }
  const issuer = await startIssuer();
  const scratch = await createScratchDatabase(adminUrl, 'bh_peak');
  const databaseName = new URL(scratch.url).pathname.slice(1);
  const database = await openDatabase({ url: scratch.url });
  const unexpected: unknown[] = [];
  const app = createApplicationServer(database, issuer, (error) => unexpected.push(error));
  const bare = createBareServer();
  const child = fork(new URL('./lib/peak-client.ts', import.meta.url), { stdio: 'inherit' });
  let goalMet = true;
  try {
    const seeding = performance.now();
    await seedChamber(scratch.url, issuer.issuer, { apprentices, weeksPerApprentice });
    console.log(
      `Seeded ${apprentices.toLocaleString('en')} apprentices, ${trainers.toLocaleString('en')} trainers, ` +
        `${(apprentices * weeksPerApprentice).toLocaleString('en')} weeks (3 days, 3 entries each) in ` +
        `${((performance.now() - seeding) / 1000).toFixed(0)} s.`,
    );
    const [appUrl, bareUrl] = [await listen(app), await listen(bare)];
    for (const [stage, factor] of factors.entries()) {
      const operations = schedule(factor, stage, factors.length);
      const tokens: Record<string, string> = {};
      for (const subject of subjectsOf(operations))
        tokens[subject] = await issuer.sign({ sub: subject });
      const job = (baseUrl: string): PeakJob => ({
        type: 'run',
        baseUrl,
        warmupMs: WARMUP_MS,
        durationMs: seconds * 1000,
        operations,
        tokens,
      });
      const ignore = { open: () => {}, close: () => {} };
      const bareResult = await runJob(child, job(bareUrl), ignore);
      let opened: CpuSample | undefined;
      let closed: CpuSample | undefined;
      const appResult = await runJob(child, job(appUrl), {
        open: () => {
          opened = sampleCpu(databaseName);
        },
        close: () => {
          closed = sampleCpu(databaseName);
        },
      });
      const rate = PEAK_OPERATIONS.reduce((sum, kind) => sum + averageRate(kind) * factor, 0);
      console.log(
        `\n×${factor} the weekly average: ${rate.toFixed(1)} requests/s for ${seconds} s (after ${WARMUP_MS / 1000} s not counted)\n`,
      );
      const rows = PEAK_OPERATIONS.map((kind) => {
        const figures: PeakFigures = appResult.figures[kind];
        const baseline: PeakFigures = bareResult.figures[kind];
        return [
          kind,
          (averageRate(kind) * factor).toFixed(2),
          String(figures.sent),
          format(figures.p50Ms),
          format(figures.p99Ms),
          String(figures.errors),
          String(figures.skipped),
          format(baseline.p50Ms),
          format(baseline.p99Ms),
        ];
      });
      console.log(
        table(
          [
            'operation',
            'rate/s',
            'sent',
            'p50 ms',
            'p99 ms',
            'errors',
            'skipped',
            'bare p50',
            'bare p99',
          ],
          rows,
        ),
      );
      for (const kind of PEAK_OPERATIONS) {
        const error = appResult.figures[kind].firstError;
        if (error !== null) console.log(`first error of ${kind}: ${error}`);
      }
      if (opened && closed) {
        const spent = cpuBetween(opened, closed);
        const share = (ms: number | null) =>
          ms === null ? 'n/a' : `${(ms / (seconds * 10)) | 0} %`;
        console.log(
          `CPU of one core in the measured window: server process ${share(spent.processMs)}, PostgreSQL ${share(spent.postgresMs)}`,
        );
      }
      if (factor === GOAL_FACTOR) {
        const worst = Math.max(...PEAK_OPERATIONS.map((kind) => appResult.figures[kind].p99Ms));
        const errors = PEAK_OPERATIONS.reduce(
          (sum, kind) => sum + appResult.figures[kind].errors,
          0,
        );
        goalMet = worst < GOAL_P99_MS && errors === 0;
        console.log(
          `goal at ×${GOAL_FACTOR}: p99 < ${GOAL_P99_MS} ms with no errors: ${goalMet ? 'met' : 'missed'} ` +
            `(worst p99 ${milliseconds(worst)} ms, ${errors} errors)`,
        );
      }
    }
  } finally {
    child.kill();
    await once(child, 'exit');
    for (const server of [app, bare]) if (server.listening) await close(server);
    await database.close();
    await scratch.drop();
    await issuer.close();
  }
  if (unexpected.length > 0) {
    console.error(`the server reported ${unexpected.length} unexpected errors`);
    return 1;
  }
  return goalMet ? 0 : 1;
}

process.exitCode = await main();
