import { type Database } from '@berichtsheft/server';
import { type BenchDatabase, benchDatabases } from './lib/databases.js';
import { type BenchIssuer, startIssuer } from './lib/issuer.js';
import { LoadGenerator, type Measurement } from './lib/load.js';
import { seedCompany } from './lib/seed.js';
import {
  close,
  createApplicationServer,
  createBareServer,
  LOAD_FROM_ENVIRONMENT,
  listen,
} from './lib/servers.js';
import { megabytes, milliseconds, ratio, table } from './lib/stats.js';
import { queryUrl } from './lib/trpc-http.js';

/**
 * Requests per second and latency of the real server (fetch handler behind `node:http`) for a few read paths, each
 * as a ratio to a bare `node:http` JSON answer measured in the same run. Load comes from a child process over
 * keep-alive connections; server and load generator share the machine's cores, as on a small host.
 */

const load = LOAD_FROM_ENVIRONMENT;

interface Row {
  scenario: string;
  result: Measurement;
  rss: number;
}

async function measureBaseline(generator: LoadGenerator): Promise<Row> {
  const server = createBareServer();
  const url = await listen(server);
  const result = await generator.measure(`${url}/`, {}, load);
  await close(server);
  return { scenario: 'bare node:http JSON (baseline)', result, rss: process.memoryUsage().rss };
}

async function measureApplication(
  generator: LoadGenerator,
  target: BenchDatabase,
  issuer: BenchIssuer,
): Promise<Row[]> {
  const database: Database = await target.open();
  const unexpected: unknown[] = [];
  // A handful of people sending as fast as the machine allows: no rate limits here.
  const server = createApplicationServer(database, issuer, (error) => unexpected.push(error), null);
  const url = await listen(server);
  try {
    const seeded = await seedCompany(url, database, issuer);
    const trainer = { authorization: `Bearer ${seeded.trainerToken}` };
    const apprentice = { authorization: `Bearer ${seeded.apprenticeToken}` };
    const scenarios: [string, string, Record<string, string>][] = [
      ['GET /healthz', `${url}/healthz`, {}],
      ['/trpc/me', queryUrl(url, 'me'), trainer],
      [
        `/trpc/review.queue (${seeded.queueLength} weeks)`,
        queryUrl(url, 'review.queue', { companyId: seeded.companyId }),
        trainer,
      ],
      [
        '/trpc/weeks.get',
        queryUrl(url, 'weeks.get', { companyId: seeded.companyId, weekId: seeded.weekId }),
        apprentice,
      ],
    ];
    const rows: Row[] = [];
    for (const [scenario, address, headers] of scenarios) {
      const result = await generator.measure(address, headers, load);
      rows.push({ scenario, result, rss: process.memoryUsage().rss });
    }
    if (unexpected.length > 0) {
      console.error(`${target.name}: the server reported ${unexpected.length} unexpected errors`);
      console.error(unexpected[0]);
      process.exitCode = 1;
    }
    return rows;
  } finally {
    await close(server);
    await target.dispose();
  }
}

function print(title: string, rows: readonly Row[], baseline: Measurement): void {
  console.log(`\n${title}`);
  console.log(
    table(
      ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'x baseline', 'errors', 'RSS'],
      rows.map(({ scenario, result, rss }) => [
        scenario,
        Math.round(result.requestsPerSecond).toString(),
        milliseconds(result.p50Ms),
        milliseconds(result.p99Ms),
        ratio(result.requestsPerSecond, baseline.requestsPerSecond),
        result.errors.toString(),
        megabytes(rss),
      ]),
    ),
  );
  for (const { scenario, result } of rows) {
    if (result.errors > 0) {
      console.error(`${scenario}: ${result.errors} failed requests, first: ${result.firstError}`);
      process.exitCode = 1;
    }
  }
}

async function main(): Promise<void> {
  console.log(
    `api-throughput: ${load.connections} keep-alive connections, ${load.durationMs / 1000} s per scenario ` +
      `after ${load.warmupMs / 1000} s warm-up; Node ${process.version}`,
  );
  const issuer = await startIssuer('RS256');
  const generator = await LoadGenerator.start();
  try {
    const baseline = await measureBaseline(generator);
    print('baseline', [baseline], baseline.result);
    for (const target of benchDatabases()) {
      const rows = await measureApplication(generator, target, issuer);
      print(`application on ${target.name}`, rows, baseline.result);
    }
    const peak = process.resourceUsage().maxRSS * 1024;
    console.log(`\npeak RSS of the server process: ${megabytes(peak)}`);
  } finally {
    await generator.stop();
    await issuer.close();
  }
}

await main();
