import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIssuer, reservePort, startLocalIssuer } from '../auth/testing/local-issuer.js';
import { type Database, openDatabase } from '../db/database.js';
import { rowsOf } from '../db/raw-rows.js';
import { testDatabases } from '../testing/databases.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database.js';
import { listening, runCli, type ServerProcess } from '../testing/server-process.js';
import { freshWeekFor } from '../testing/valid-inputs.js';
import { createWorld, type World } from '../testing/world.js';

/**
 * Two instances on one PostgreSQL database behind a client that, like a load balancer with retries, sends each write
 * to the next instance and tries the other one when an instance does not answer. One instance is killed (SIGKILL, no
 * shutdown) in the middle of a stream of submissions. Every acknowledged write is there, and none is there twice:
 * a submission the dead instance committed but could not acknowledge is retried with the same idempotency key and
 * answered from the record instead of acting again (S18).
 */
const WEEKS = 48;
const KILL_AFTER_ACKS = 12;
const WORKERS = 4;

interface Instance {
  url: string;
  process: ServerProcess;
}

describe.each(testDatabases().filter((target) => target.name === 'postgres'))(
  'an instance killed during a stream of writes on $name',
  () => {
    let scratch: ScratchDatabase;
    let database: Database;
    let issuer: LocalIssuer;
    let world: World;
    const instances: Instance[] = [];

    async function startInstance(): Promise<Instance> {
      const port = await reservePort();
      const process = runCli({
        DATABASE_URL: scratch.url,
        PORT: String(port),
        BH_OIDC_ISSUER: issuer.issuer,
        BH_OIDC_AUDIENCE: issuer.audience,
      });
      const instance = { url: `http://127.0.0.1:${port}`, process };
      instances.push(instance);
      await listening(process);
      return instance;
    }

    beforeAll(async () => {
      scratch = await createScratchDatabase(
        globalThis.process.env.TEST_DATABASE_URL ?? '',
        'bh_loss',
      );
      database = await openDatabase({ url: scratch.url });
      issuer = await startLocalIssuer();
      world = await createWorld(database, { issuer: issuer.issuer });
      await Promise.all([startInstance(), startInstance()]);
    });

    afterAll(async () => {
      for (const { process } of instances) {
        if (process.child.exitCode === null && process.child.signalCode === null) {
          process.child.kill('SIGKILL');
          await process.exited;
        }
      }
      await database?.close();
      await issuer?.close();
      await scratch?.drop();
    });

    it('keeps every acknowledged write, once', async () => {
      const token = await issuer.sign({ claims: { sub: world.apprentice.identity.subject } });
      const drafts: { id: string; version: number }[] = [];
      for (let n = 0; n < WEEKS; n += 1)
        drafts.push(await freshWeekFor(database, world, 'weeks.save', n));

      let next = 0;
      let sent = 0;
      let acknowledged = 0;
      let failedAttempts = 0;
      let killed: Promise<unknown> | undefined;
      const acks = new Map<string, number>();

      /** Sends one submission until an instance acknowledges it, always with the same key. */
      async function submit(week: { id: string; version: number }): Promise<void> {
        const body = JSON.stringify(
          superjson.serialize({
            companyId: world.companyId,
            weekId: week.id,
            version: week.version,
            idempotencyKey: randomUUID(),
          }),
        );
        for (let attempt = 0; attempt < 20; attempt += 1) {
          const instance = instances[sent++ % instances.length] as Instance;
          try {
            const response = await fetch(`${instance.url}/trpc/weeks.submit`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body,
              signal: AbortSignal.timeout(10_000),
            });
            await response.text();
            if (response.status === 200) {
              acks.set(week.id, (acks.get(week.id) ?? 0) + 1);
              acknowledged += 1;
              if (acknowledged === KILL_AFTER_ACKS) {
                // Killed while the other workers' requests are in flight to it.
                const victim = instances[0] as Instance;
                victim.process.child.kill('SIGKILL');
                killed = victim.process.exited;
              }
              return;
            }
            expect(response.status, 'only an instance that is going away may fail a request').toBe(
              503,
            );
          } catch {
            // The instance is gone: connection refused or reset. Another instance gets the same request.
          }
          failedAttempts += 1;
        }
        throw new Error(`week ${week.id} was never acknowledged`);
      }

      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (next < drafts.length) {
            const week = drafts[next++];
            if (week) await submit(week);
          }
        }),
      );
      expect((await killed) as { signal: string }).toMatchObject({ signal: 'SIGKILL' });
      expect(failedAttempts, 'requests went to the killed instance').toBeGreaterThan(0);
      expect(acks.size).toBe(WEEKS);

      const ids = drafts.map((week) => week.id);
      const stored = await rowsOf<{ id: string; status: string; version: number; submits: number }>(
        database.db,
        sql`select w.id, w.status, w.version,
                   (select count(*)::int from status_transitions t
                     where t.week_id = w.id and t.action = 'submit') as submits
            from report_weeks w where w.id = any(${sql.param(ids)}::uuid[])`,
      );
      expect(stored).toHaveLength(WEEKS);
      for (const week of stored) {
        const draft = drafts.find((candidate) => candidate.id === week.id);
        expect(week).toMatchObject({
          status: 'submitted',
          submits: 1,
          version: (draft?.version ?? 0) + 1,
        });
      }
    });
  },
);
