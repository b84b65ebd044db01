import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp, type TrpcErrorBody } from '../testing/http-app.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database.js';
import { createWorld } from '../testing/world.js';
import { costsOf, type RateLimits } from './rate-limits.js';

/** S30: limits per person, stricter for signing and verifying, shared by every instance on one database. */
const LIMITS: RateLimits = { call: 5, approval: 2, verification: 1, export: 1 };

/** The windows are whole minutes; a test that sends its calls across the turn of one would count from zero. */
async function awayFromTheMinutesEnd(): Promise<void> {
  const second = new Date().getSeconds();
  if (second >= 55) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json()) as TrpcErrorBody & { error: { reason?: string } };
  return body.error.reason ?? body.error.json.message;
}

describe('costsOf', () => {
  it('counts every call, and the signing and verifying ones again in their own class', () => {
    expect(Object.fromEntries(costsOf(['me', 'weeks.get']))).toEqual({ call: 2 });
    expect(
      Object.fromEntries(costsOf(['review.approve', 'weeks.verify', 'review.return'])),
    ).toEqual({
      call: 3,
      approval: 2,
      verification: 1,
    });
  });
});

describe.each(testDatabases())('rate limits on $name', (target) => {
  let database: Database;
  let app: ServedApp;

  beforeAll(async () => {
    database = await target.open();
    app = await serveApp(database, { rateLimits: LIMITS });
  });
  afterAll(async () => {
    await app?.close();
    await target.close();
  });

  it('answers 429 with Retry-After once a person used up the minute, and only that person', async () => {
    await awayFromTheMinutesEnd();
    const world = await createWorld(database, { issuer: app.issuer.issuer });
    const anna = await app.tokenFor(world.apprentice.identity.subject);
    const tom = await app.tokenFor(world.trainer.identity.subject);
    for (let call = 0; call < LIMITS.call; call += 1) {
      expect((await app.query('me', anna)).status).toBe(200);
    }
    const refused = await app.query('me', anna);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await reasonOf(refused)).toBe('rate_limited');
    expect((await app.query('me', tom)).status).toBe(200);
  });

  it('counts each call of a batch', async () => {
    await awayFromTheMinutesEnd();
    const world = await createWorld(database, { issuer: app.issuer.issuer });
    const token = await app.tokenFor(world.apprentice.identity.subject);
    const batch = () =>
      fetch(`${app.url}/trpc/me,me,me?batch=1&input=${encodeURIComponent('{}')}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await batch()).status).toBe(200);
    expect((await batch()).status).toBe(429);
  });

  it('limits approvals more strictly than calls, refused or not', async () => {
    await awayFromTheMinutesEnd();
    const world = await createWorld(database, { issuer: app.issuer.issuer });
    const token = await app.tokenFor(world.trainer.identity.subject);
    const approve = () =>
      app.mutation('review.approve', token, {
        companyId: world.companyId,
        weekId: randomUUID(),
        version: 1,
        idempotencyKey: randomUUID(),
      });
    for (let call = 0; call < LIMITS.approval; call += 1)
      expect((await approve()).status).toBe(404);
    expect((await approve()).status).toBe(429);
    expect((await app.query('me', token)).status).toBe(200);
  });

  it('limits whole-record exports more strictly than calls', async () => {
    await awayFromTheMinutesEnd();
    const world = await createWorld(database, { issuer: app.issuer.issuer });
    const token = await app.tokenFor(world.apprentice.identity.subject);
    const exportPdf = async () =>
      fetch(`${app.url}/records/${world.apprenticeshipId}/pdf?companyId=${world.companyId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const first = await exportPdf();
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    expect((await exportPdf()).status).toBe(429);
    expect((await app.query('me', token)).status).toBe(200);
  });

  it('limits the public check of Prüfcodes per client address, whatever address a client claims', async () => {
    await awayFromTheMinutesEnd();
    const check = (claimed: string) =>
      fetch(`${app.url}/verify?code=ABCD-EFGH-JKMN-PQRS`, {
        headers: { accept: 'application/json', 'x-berichtsheft-client-address': claimed },
      });
    // Earlier tests of this file may have checked codes from this address in the same minute.
    const statuses = [(await check('10.0.0.1')).status, (await check('10.0.0.2')).status];
    expect(statuses).toContain(429);
  });
});

describe.each(testDatabases().filter((target) => target.name === 'postgres'))(
  'rate limits across instances on $name',
  () => {
    let scratch: ScratchDatabase;
    const databases: Database[] = [];
    const apps: ServedApp[] = [];

    beforeAll(async () => {
      scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? '', 'bh_limits');
      for (let instance = 0; instance < 2; instance += 1) {
        const database = await openDatabase({ url: scratch.url });
        databases.push(database);
        // Both instances trust one issuer, as the instances of one deployment trust one portal's login.
        const issuer = apps[0]?.issuer;
        apps.push(await serveApp(database, { rateLimits: LIMITS, ...(issuer ? { issuer } : {}) }));
      }
    });
    afterAll(async () => {
      for (const app of [...apps].reverse()) await app.close();
      for (const database of databases) await database.close();
      await scratch?.drop();
    });

    it('share one count, so a person cannot get more by spreading calls over instances', async () => {
      await awayFromTheMinutesEnd();
      const [first, second] = apps as [ServedApp, ServedApp];
      const world = await createWorld(databases[0] as Database, { issuer: first.issuer.issuer });
      const token = await first.tokenFor(world.apprentice.identity.subject);
      const statuses: number[] = [];
      for (let call = 0; call <= LIMITS.call; call += 1) {
        const app = call % 2 === 0 ? first : second;
        statuses.push((await app.query('me', token)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429].slice(0, LIMITS.call + 1));
    });
  },
);
