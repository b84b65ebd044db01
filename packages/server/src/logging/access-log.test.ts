import { randomUUID } from 'node:crypto';
import { mondayOf } from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp } from '../testing/http-app.js';
import { capturedLines } from '../testing/log-capture.js';
import { sampleDays } from '../testing/sample-week.js';
import { callerFor, createWorld, type World } from '../testing/world.js';

/**
 * S25 and the operator's view: one JSON line per request with its id, the procedures, the status, the duration, the
 * caller's internal id and the reason code, and faults described by kind and origin; never the text, names, e-mail
 * addresses or tokens that came with the request, also not when a failed query carried them.
 */
const SECRET_TEXT = `Geheimprojekt Zürich ${randomUUID()}`;
const SECRET_NAME = `Annegret Vertraulich-${randomUUID().slice(0, 8)}`;
const SECRET_EMAIL = `annegret.${randomUUID().slice(0, 8)}@example.test`;

describe.each(testDatabases())('the access log on $name', (target) => {
  let database: Database;
  let app: ServedApp;
  let world: World;
  let token: string;

  beforeAll(async () => {
    database = await target.open();
    app = await serveApp(database);
    world = await createWorld(database, { issuer: app.issuer.issuer });
    token = await app.issuer.sign({
      claims: { sub: world.apprentice.identity.subject, name: SECRET_NAME, email: SECRET_EMAIL },
    });
  });
  afterAll(async () => {
    await app?.close();
    await target.close();
  });

  function linesOf(response: Response): Record<string, unknown>[] {
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    return capturedLines().filter((line) => line.requestId === requestId);
  }

  async function openWeek(isoWeek: number) {
    return callerFor(database, world.apprentice.identity).weeks.open({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      isoYear: 2026,
      isoWeek,
    });
  }

  function saveInput(week: { id: string; version: number }, isoWeek: number) {
    const days = sampleDays(mondayOf({ isoYear: 2026, isoWeek }));
    const [first, ...rest] = days;
    const entries = first?.entries.map((entry) => ({ ...entry, text: SECRET_TEXT })) ?? [];
    return {
      companyId: world.companyId,
      weekId: week.id,
      version: week.version,
      department: SECRET_TEXT,
      days: first ? [{ ...first, entries }, ...rest] : days,
    };
  }

  it('writes one line per request: id, procedure, status, duration, person, and nothing that was sent', async () => {
    const week = await openWeek(20);
    const saved = await app.mutation('weeks.save', token, saveInput(week, 20));
    expect(saved.status).toBe(200);
    const [line, ...more] = linesOf(saved);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 'info',
      service: 'berichtsheft-server',
      msg: 'request',
      method: 'POST',
      route: 'trpc',
      procedures: ['weeks.save'],
      status: 200,
      personId: world.apprentice.id,
      reason: null,
    });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.time).toBe('string');
    const text = JSON.stringify(capturedLines());
    for (const secret of [SECRET_TEXT, SECRET_NAME, SECRET_EMAIL, token]) {
      expect(text).not.toContain(secret);
    }
  });

  it('names the reason of a refusal, from the HTTP layer and from a procedure', async () => {
    const week = await openWeek(21);
    const stale = await app.mutation('weeks.save', token, {
      ...saveInput(week, 21),
      version: week.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(linesOf(stale)[0]).toMatchObject({ status: 409, reason: 'stale_version' });

    const refused = await app.query('me', 'not-a-token');
    expect(linesOf(refused)[0]).toMatchObject({
      status: 401,
      reason: 'token_malformed',
      personId: null,
    });
  });

  it('describes a fault by its kind and origin, without the query, its parameters or the message', async () => {
    const name = `test_leak_${randomUUID().replaceAll('-', '')}`;
    // A failure whose message and parameters both carry the report text, as PostgreSQL's own messages can.
    await database.db.execute(
      sql.raw(
        `create function ${name}() returns trigger language plpgsql as $$ begin ` +
          `raise exception 'refused: %', new.text; end $$`,
      ),
    );
    await database.db.execute(
      sql.raw(
        `create trigger ${name} before insert on entries for each row execute function ${name}()`,
      ),
    );
    let failed: Response;
    try {
      const week = await openWeek(22);
      failed = await app.mutation('weeks.save', token, saveInput(week, 22));
    } finally {
      await database.db.execute(sql.raw(`drop trigger ${name} on entries`));
      await database.db.execute(sql.raw(`drop function ${name}()`));
    }
    expect(failed.status).toBe(500);
    const lines = linesOf(failed);
    const fault = lines.find((line) => line.level === 'error');
    expect(fault).toMatchObject({ msg: 'procedure failed', err: { name: 'Error' } });
    expect(JSON.stringify(fault)).toMatch(/"code":"P0001"/);
    expect(lines.find((line) => line.msg === 'request')).toMatchObject({
      status: 500,
      reason: 'internal_error',
    });
    expect(JSON.stringify(lines)).not.toContain(SECRET_TEXT);
    expect(JSON.stringify(lines)).not.toContain('refused:');
  });

  it('repeats a request id the caller sent when it is safe to, and makes its own otherwise', async () => {
    const forwarded = await fetch(`${app.url}/healthz`, {
      headers: { 'x-request-id': 'lb-4711.a' },
    });
    expect(forwarded.headers.get('x-request-id')).toBe('lb-4711.a');
    expect(linesOf(forwarded)[0]).toMatchObject({ route: 'healthz', status: 200 });
    const hostile = await fetch(`${app.url}/healthz`, {
      headers: { 'x-request-id': `${SECRET_EMAIL} {"level":"fatal"}` },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never repeats a path or query a client made up', async () => {
    const probe = await fetch(`${app.url}/trpc/${encodeURIComponent(SECRET_EMAIL)}?input=${token}`);
    const [line] = linesOf(probe);
    expect(line).toMatchObject({ route: 'trpc', procedures: ['(unknown)'] });
    expect(JSON.stringify(line)).not.toContain(SECRET_EMAIL);
    const elsewhere = await fetch(`${app.url}/${token}`);
    expect(linesOf(elsewhere)[0]).toMatchObject({ route: 'other', status: 404 });
    const record = await fetch(`${app.url}/records/${encodeURIComponent(SECRET_EMAIL)}/pdf`);
    expect(linesOf(record)[0]).toMatchObject({ route: 'records', status: 401 });
    const code = await fetch(`${app.url}/verify?code=${encodeURIComponent(SECRET_EMAIL)}`);
    expect(linesOf(code)[0]).toMatchObject({ route: 'verify', status: 200 });
    expect(JSON.stringify([...linesOf(record), ...linesOf(code)])).not.toContain(SECRET_EMAIL);
  });
});
