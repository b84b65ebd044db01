import { openDatabase } from '@berichtsheft/server';
import { createScratchDatabase } from '../packages/server/src/testing/scratch-database.js';
import { canonicalJson } from './lib/canonical.js';
import { type CpuSample, type CpuSpent, cpuBetween, sampleCpu } from './lib/cpu.js';
import { createHandWrittenServer } from './lib/hand-written-server.js';
import { type BenchIssuer, startIssuer } from './lib/issuer.js';
import { LoadGenerator, type Measurement } from './lib/load.js';
import type { LoadStep } from './lib/load-protocol.js';
import { type PageLoadSeed, seedPageLoads } from './lib/page-load-seed.js';
import { type HandWrittenAnswer, type PageLoad, pageLoads } from './lib/page-loads.js';
import {
  close,
  createApplicationServer,
  createBareServer,
  LOAD_FROM_ENVIRONMENT,
  listen,
} from './lib/servers.js';
import { milliseconds, ratio, table } from './lib/stats.js';
import { batchRequest, sendBatch } from './lib/trpc-http-batch.js';

/**
 * Page loads per second and CPU per page load of each element, as the client sends them to the real server on
 * PostgreSQL, next to a bare `node:http` server answering the same data with hand-written SQL (the floor the
 * application is measured against) and a bare `node:http` constant JSON answer (the ceiling), all in one run.
 * Token verification is included in the hand-written server and the application alike.
 */

const load = LOAD_FROM_ENVIRONMENT;
const otherCompanies = Number(process.env.BENCH_OTHER_COMPANIES ?? 0);

interface Row {
  element: string;
  server: string;
  result: Measurement;
  cpu: CpuSpent;
}

/** Measures the steps with the CPU counters read exactly when the load generator's measured window opens and closes. */
async function measure(
  generator: LoadGenerator,
  steps: LoadStep[],
  databaseName: string | null,
): Promise<{ result: Measurement; cpu: CpuSpent }> {
  let opened: CpuSample | undefined;
  let closed: CpuSample | undefined;
  const result = await generator.measureSequence(steps, load, {
    open: () => {
      opened = sampleCpu(databaseName);
    },
    close: () => {
      closed = sampleCpu(databaseName);
    },
  });
  if (opened === undefined || closed === undefined)
    throw new Error('the measured window was not reported');
  return { result, cpu: cpuBetween(opened, closed) };
}

function applicationSteps(baseUrl: string, page: PageLoad, token: string): LoadStep[] {
  return page.roundTrips.map((calls) => batchRequest(baseUrl, calls, token));
}

/** The application and the hand-written server must answer the same data, or comparing their speed means nothing. */
async function checkSameAnswers(
  page: PageLoad,
  application: LoadStep[],
  handWritten: LoadStep,
): Promise<void> {
  const floor = (await (
    await fetch(handWritten.url, { headers: handWritten.headers })
  ).json()) as HandWrittenAnswer;
  for (const [index, step] of application.entries()) {
    const data = await sendBatch(step);
    for (const [position, call] of (page.roundTrips[index] ?? []).entries()) {
      const ours = canonicalJson(data[position]);
      const theirs = canonicalJson(call.answers(floor));
      if (ours !== theirs) {
        throw new Error(
          `${page.element}: ${call.path} and the hand-written server disagree:\n${ours}\n${theirs}`,
        );
      }
    }
  }
}

function tokenFor(page: PageLoad, seed: PageLoadSeed): string {
  return page.caller === 'trainer' ? seed.seeded.trainerToken : seed.seeded.apprenticeToken;
}

function describe(page: PageLoad): string {
  const calls = page.roundTrips.flat().map((call) => call.path);
  return `${page.roundTrips.length} round trip(s): ${page.roundTrips
    .map((batch) => batch.map((call) => call.path).join('+'))
    .join(' → ')} (${calls.length} calls)`;
}

function perLoad(ms: number | null, result: Measurement): string {
  return ms === null || result.completed === 0 ? 'n/a' : (ms / result.completed).toFixed(2);
}

function print(rows: readonly Row[], ceiling: Measurement): void {
  const floorOf = (element: string) =>
    rows.find((row) => row.element === element && row.server.startsWith('hand-written SQL'))
      ?.result;
  console.log(
    table(
      [
        'page load',
        'loads/s',
        'p50 ms',
        'p99 ms',
        'node ms/load',
        'pg ms/load',
        'x hand-written',
        'x bare',
        'errors',
      ],
      rows.map(({ element, server, result, cpu }) => [
        element === '' ? server : `${element} ${server}`,
        Math.round(result.requestsPerSecond).toString(),
        milliseconds(result.p50Ms),
        milliseconds(result.p99Ms),
        perLoad(cpu.processMs, result),
        perLoad(cpu.postgresMs, result),
        ratio(result.requestsPerSecond, floorOf(element)?.requestsPerSecond ?? Number.NaN),
        ratio(result.requestsPerSecond, ceiling.requestsPerSecond),
        result.errors.toString(),
      ]),
    ),
  );
  for (const { element, server, result } of rows) {
    if (result.errors > 0) {
      console.error(`${element} ${server}: ${result.errors} failed, first: ${result.firstError}`);
      process.exitCode = 1;
    }
  }
}

async function run(adminUrl: string, issuer: BenchIssuer, generator: LoadGenerator): Promise<void> {
  const scratch = await createScratchDatabase(adminUrl, 'bh_bench');
  const databaseName = new URL(scratch.url).pathname.slice(1);
  const database = await openDatabase({ url: scratch.url });
  const unexpected: unknown[] = [];
  const onError = (error: unknown) => unexpected.push(error);
  // One person loading pages as fast as the machine allows is not a person: no rate limits here.
  const application = createApplicationServer(database, issuer, onError, null);
  const handWritten = createHandWrittenServer(scratch.url, database.pool.size, issuer, onError);
  const bare = createBareServer();
  try {
    const applicationUrl = await listen(application);
    const handWrittenUrl = await listen(handWritten.server);
    const bareUrl = await listen(bare);
    const seed = await seedPageLoads(applicationUrl, database, issuer, otherCompanies);
    const pages = pageLoads(seed);
    console.log(
      `seed: 1 company measured (a trainer with ${seed.seeded.queueLength} weeks waiting, the apprentice's ` +
        `editor opening a draft with content) + ${otherCompanies} other companies; pool of ${database.pool.size}`,
    );
    for (const page of pages) console.log(`${page.element}: ${describe(page)}`);
    console.log('');

    const ceiling = await measure(
      generator,
      [{ method: 'GET', url: `${bareUrl}/`, headers: {} }],
      null,
    );
    const rows: Row[] = [{ element: '', server: 'bare node:http JSON (ceiling)', ...ceiling }];
    for (const page of pages) {
      const token = tokenFor(page, seed);
      const appSteps = applicationSteps(applicationUrl, page, token);
      const floorStep: LoadStep = {
        method: 'GET',
        url: `${handWrittenUrl}${page.handWrittenPath}`,
        headers: { authorization: `Bearer ${token}` },
      };
      await checkSameAnswers(page, appSteps, floorStep);
      rows.push({
        element: page.element,
        server: 'hand-written SQL, 1 req',
        ...(await measure(generator, [floorStep], databaseName)),
      });
      rows.push({
        element: page.element,
        server: `application, ${appSteps.length} req`,
        ...(await measure(generator, appSteps, databaseName)),
      });
    }
    print(rows, ceiling.result);
    if (unexpected.length > 0) {
      console.error(`the servers reported ${unexpected.length} unexpected errors; the first:`);
      console.error(unexpected[0]);
      process.exitCode = 1;
    }
  } finally {
    await close(bare);
    await close(handWritten.server);
    await handWritten.close();
    await close(application);
    await database.close();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error(
      'page-load needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL or DATABASE_URL).',
    );
    process.exitCode = 2;
    return;
  }
  console.log(
    `page-load: ${load.connections} keep-alive connections, ${load.durationMs / 1000} s per row after ` +
      `${load.warmupMs / 1000} s warm-up; token verification included in both servers; Node ${process.version}`,
  );
  const issuer = await startIssuer('RS256');
  const generator = await LoadGenerator.start();
  try {
    await run(adminUrl, issuer, generator);
  } finally {
    await generator.stop();
    await issuer.close();
  }
}

await main();
