import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type Database, openDatabase, queries } from '@berichtsheft/server';
import pg from 'pg';
import { liveClient } from '../packages/server/src/testing/live-client.js';
import { createScratchDatabase } from '../packages/server/src/testing/scratch-database.js';
import { type SubscribeJob, type SubscriberReport, wallClock } from './lib/dialogue-protocol.js';
import { type BenchIssuer, startIssuer } from './lib/issuer.js';
import { close, createApplicationServer, listen } from './lib/servers.js';
import { milliseconds, percentile, table } from './lib/stats.js';

/**
 * Delivery latency of the dialogue across two instances on one PostgreSQL database: 1,000 open subscriptions (an
 * apprentice and their trainer on each of 500 threads) on instance B, held by a process of their own as browsers
 * would be, and messages sent through instance A at a steady rate; the time from sending to arrival at every
 * subscriber of the thread. Next to it, in the same run, a bare LISTEN/NOTIFY round trip between two connections,
 * and the same with a row written and committed by the notifying transaction. Goal: p99 at most 50 ms.
 */
const env = process.env;
const threads = Number(env.BENCH_THREADS ?? 500);
const messages = Number(env.BENCH_MESSAGES ?? 400);
const perSecond = Number(env.BENCH_MESSAGES_PER_SECOND ?? 40);
const GOAL_P99_MS = 50;

const adminUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server.');
  process.exit(2);
}

/** One company, a trainer assigned to every apprenticeship, an apprentice per thread. */
async function seed(database: Database, issuer: BenchIssuer) {
  const { db } = database;
  const chamberId = await queries.ensureChamber(db, { name: 'IHK Bench', chamberNumber: '990' });
  const companyId = await queries.createCompany(db, {
    name: 'Dialogwerk GmbH',
    chamberId,
    registrationStatus: 'verified',
    reviewMode: 'single',
  });
  const person = async (subject: string) => {
    const { id } = await queries.ensurePerson(db, {
      issuer: issuer.issuer,
      subject,
      displayName: subject,
    });
    return { id, token: await issuer.sign({ sub: subject, name: subject }) };
  };
  const trainer = await person('trainer');
  await queries.addMembership(db, { personId: trainer.id, companyId, role: 'trainer' });
  const apprentices = [];
  for (let n = 0; n < threads; n += 1) {
    const apprentice = await person(`apprentice-${n}`);
    await queries.addMembership(db, { personId: apprentice.id, companyId, role: 'apprentice' });
    const apprenticeshipId = await queries.createApprenticeship(db, {
      companyId,
      apprenticeId: apprentice.id,
      occupation: 'Kaufmann/-frau für Büromanagement',
      startDate: '2025-08-01',
      endDate: '2028-07-31',
    });
    await queries.assignReviewer(db, { apprenticeshipId, personId: trainer.id, role: 'trainer' });
    apprentices.push({ ...apprentice, apprenticeshipId });
  }
  return { companyId, trainer, apprentices };
}

/**
 * The bare round trips: NOTIFY on one connection, heard on another that LISTENs; with `withWrite`, the NOTIFY is sent
 * by a transaction that also stores a row, whose commit (and its flush to disk) it waits for, as a message's does.
 */
async function bareRoundTrips(url: string, withWrite: boolean): Promise<number[]> {
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), sender.connect()]);
  await listener.query('LISTEN bench_bare');
  await sender.query(
    'create table if not exists bench_bare (id bigserial primary key, body text not null)',
  );
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  listener.on('notification', (message) => {
    const started = sentAt.get(message.payload ?? '');
    if (started !== undefined) latencies.push(performance.now() - started);
  });
  for (let n = 0; n < messages; n += 1) {
    const key = `${withWrite}-${n}`;
    sentAt.set(key, performance.now());
    if (withWrite) {
      await sender.query('begin');
      await sender.query('insert into bench_bare (body) values ($1)', [key]);
      await sender.query('select pg_notify($1, $2)', ['bench_bare', key]);
      await sender.query('commit');
    } else {
      await sender.query('select pg_notify($1, $2)', ['bench_bare', key]);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  await Promise.all([listener.end(), sender.end()]);
  return latencies;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(adminUrl ?? '', 'bh_bench_dialogue');
  const issuer = await startIssuer();
  // Two instances: each with its own pool and its own listening connection, as two processes would have.
  const databases = [
    await openDatabase({ url: scratch.url }),
    await openDatabase({ url: scratch.url }),
  ];
  const servers: Server[] = [];
  let subscribers: ChildProcess | undefined;
  const failures: unknown[] = [];
  try {
    const [writerDb, readerDb] = databases as [Database, Database];
    const world = await seed(writerDb, issuer);
    for (const database of [writerDb, readerDb]) {
      servers.push(
        createApplicationServer(database, issuer, (error) => failures.push(error), null),
      );
    }
    const [writerUrl, readerUrl] = await Promise.all(servers.map((server) => listen(server)));
    const writer = liveClient(writerUrl ?? '', world.trainer.token);

    // Every message's text is its key; the subscribers' process reports when each arrived.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const sendTimes: number[] = [];
    const subscriptions: SubscribeJob['subscriptions'] = world.apprentices.flatMap((apprentice) =>
      [apprentice.token, world.trainer.token].map((token) => ({
        token,
        input: {
          companyId: world.companyId,
          apprenticeshipId: apprentice.apprenticeshipId,
          lastEventId: '0',
        },
      })),
    );
    subscribers = fork(new URL('./lib/dialogue-subscribers.ts', import.meta.url), {
      stdio: 'inherit',
    });
    let open = false;
    let live = false;
    subscribers.on('message', (message: SubscriberReport) => {
      if (message.kind === 'open') open = true;
      if (message.kind === 'live') live = true;
      if (message.kind === 'failure') failures.push(new Error(message.message));
      if (message.kind === 'arrivals') {
        for (const { body, at } of message.arrivals) {
          const sent = sentAt.get(body);
          if (sent !== undefined) latencies.push(at - sent);
        }
      }
    });
    subscribers.send({ url: readerUrl ?? '', subscriptions } satisfies SubscribeJob);
    while (!open) {
      if (failures.length > 0) throw failures[0];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const expected = subscriptions.length;
    const send = (apprenticeshipId: string, body: string, counted: boolean) => {
      const started = wallClock();
      if (counted) sentAt.set(body, started);
      void writer.dialogue.post
        .mutate({ companyId: world.companyId, apprenticeshipId, body, clientKey: randomUUID() })
        .then(
          () => {
            if (counted) sendTimes.push(wallClock() - started);
          },
          (error: unknown) => failures.push(error),
        );
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));

    // Warm-up, not counted: a message on every thread, until every subscriber has heard one. Only then are all
    // subscriptions live on the server (the client calls a stream started before the server has followed it) and
    // the statements prepared.
    for (const apprentice of world.apprentices) {
      send(apprentice.apprenticeshipId, `w-${randomUUID()}`, false);
      await pause();
    }
    while (!live) {
      if (failures.length > 0) throw failures[0];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    console.log(
      `${expected} subscriptions live on instance B; sending ${messages} messages through A`,
    );

    for (let n = 0; n < messages; n += 1) {
      const apprentice = world.apprentices[n % world.apprentices.length];
      if (!apprentice) break;
      send(apprentice.apprenticeshipId, `m-${n}-${randomUUID().slice(0, 8)}`, true);
      await pause();
    }
    const deadline = Date.now() + 10_000;
    while (latencies.length < messages * 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const bare = await bareRoundTrips(scratch.url, false);
    const bareWrite = await bareRoundTrips(scratch.url, true);
    const row = (name: string, values: number[], count: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [
        name,
        `${values.length}/${count}`,
        milliseconds(percentile(sorted, 0.5)),
        milliseconds(percentile(sorted, 0.99)),
      ];
    };
    console.log(
      table(
        ['delivery', 'arrived', 'p50 ms', 'p99 ms'],
        [
          row('bare LISTEN/NOTIFY round trip (baseline)', bare, messages),
          row('bare INSERT + NOTIFY, committed (baseline)', bareWrite, messages),
          row('sending: dialogue.post through A, answered', sendTimes, messages),
          row(`sent through A → arrived at a subscriber on B`, latencies, messages * 2),
        ],
      ),
    );
    const p99 = percentile(
      [...latencies].sort((a, b) => a - b),
      0.99,
    );
    console.log(`goal: p99 ≤ ${GOAL_P99_MS} ms — ${p99 <= GOAL_P99_MS ? 'met' : 'missed'}`);
    if (failures.length > 0 || latencies.length < messages * 2) {
      console.error(
        `${failures.length} failures, ${messages * 2 - latencies.length} deliveries missing`,
      );
      process.exitCode = 1;
    }
  } finally {
    subscribers?.kill();
    for (const server of servers) await close(server);
    for (const database of databases) await database.close();
    await issuer.close();
    await scratch.drop();
  }
}

await main();
