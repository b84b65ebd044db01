import { isCleanText } from '@berichtsheft/core';
import fc from 'fast-check';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { DEFAULT_RATE_LIMITS } from '../limits/rate-limits.js';
import { appRouter } from '../routers/index.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp } from '../testing/http-app.js';
import { leafPaths, replaceAt } from '../testing/json-paths.js';
import { freshWeekFor, validInput } from '../testing/valid-inputs.js';
import { createWorld } from '../testing/world.js';
import { MAX_JSON_DEPTH } from './input-guard.js';

/**
 * S29 over real HTTP, where what tRPC never sees is decided: numbers beyond every column, control characters and
 * lone surrogates, keys that reach a prototype, bytes that are not UTF-8, nesting deeper than any input, and token
 * claims of every kind. Whatever arrives, the answer is a result or a 4xx whose reason is one of our codes, never a
 * 5xx. The seed is printed; replay a failure with FC_SEED.
 */
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.info(`hostile-input: fast-check seed ${seed} (replay with FC_SEED=${seed})`);

const RUNS = 25;

const hostileNumber = fc.constantFrom(
  2 ** 31,
  2 ** 32,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER,
);
const hostileText = fc.oneof(
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0008', '\u001f', '\u007f', '\uD800', '\uDFFF', 'ä'),
  }),
  fc.constantFrom('a\u0000b', 'Prüfung \uD83D', '\uDE00Lager', '\u202Eevil', 'x'.repeat(5000)),
);
/** JSON text that, placed as a value, nests deeper than any input may. */
const tooDeep = `${'['.repeat(MAX_JSON_DEPTH + 5)}1${']'.repeat(MAX_JSON_DEPTH + 5)}`;

/** How one request is made hostile, at the level of the JSON text or of its bytes. */
const hostility = fc.oneof(
  fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), value: hostileNumber }),
  fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), value: hostileText }),
  fc.record({
    kind: fc.constant('prototype-key' as const),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    nested: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('invalid-utf8' as const),
    bytes: fc.constantFrom('ff', 'c328', 'eda080', 'f8a1a1a1a1'),
  }),
  fc.record({ kind: fc.constant('too-deep' as const) }),
);
type Hostility = typeof hostility extends fc.Arbitrary<infer T> ? T : never;

/** The request body or `input` parameter as tRPC's client sends it (superjson), made hostile as asked. */
function hostileJson(valid: unknown, how: Hostility): { text: string; invalidBytes?: string } {
  const envelope = (input: unknown) => JSON.stringify(superjson.serialize(input));
  const paths = leafPaths(valid);
  const path = (pick: number) => paths[pick % paths.length] ?? [];
  switch (how.kind) {
    case 'number':
    case 'text':
      return { text: envelope(replaceAt(valid, path(how.pick), how.value)) };
    case 'prototype-key': {
      const text = envelope(valid);
      // Written into the text itself: a JavaScript object cannot even hold `__proto__` as a plain key.
      const insert = `"${how.key}":{"isAdmin":true},`;
      const at = how.nested ? text.indexOf('{', 1) : text.indexOf('{');
      return at < 0
        ? { text: `{${insert}"json":null}` }
        : { text: `${text.slice(0, at + 1)}${insert}${text.slice(at + 1)}` };
    }
    case 'invalid-utf8':
      return { text: envelope(replaceAt(valid, path(0), 'MARK')), invalidBytes: how.bytes };
    case 'too-deep':
      return { text: envelope(valid).replace(/^\{"json":/, `{"deep":${tooDeep},"json":`) };
  }
}

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } }
>;
/** Queries and subscriptions are read with GET, their input in the URL; mutations are POSTed. */
const isRead = (path: string) =>
  ['query', 'subscription'].includes(procedures[path]?._def.type ?? '');

async function send(
  app: ServedApp,
  path: string,
  token: string,
  json: { text: string; invalidBytes?: string },
): Promise<Response> {
  const headers = { authorization: `Bearer ${token}` };
  if (isRead(path)) {
    let input = encodeURIComponent(json.text);
    if (json.invalidBytes !== undefined) {
      const percent = json.invalidBytes.replace(/../g, '%$&');
      input = input.replace('MARK', percent);
    }
    return fetch(`${app.url}/trpc/${path}?input=${input}`, { headers });
  }
  let body: Uint8Array<ArrayBuffer> = new TextEncoder().encode(json.text);
  if (json.invalidBytes !== undefined) {
    const [before = '', after = ''] = json.text.split('MARK');
    body = new Uint8Array(
      Buffer.concat([
        Buffer.from(before),
        Buffer.from(json.invalidBytes, 'hex'),
        Buffer.from(after),
      ]),
    );
  }
  return fetch(`${app.url}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
}

/** The reason an answer gives, from a tRPC error or from the HTTP layer's own error body; null for a success. */
function reasonOf(body: unknown): string | null {
  const error = (body as { error?: { json?: { message?: unknown }; reason?: unknown } }).error;
  if (error === undefined) return null;
  return String(error.json?.message ?? error.reason);
}

describe.each(testDatabases())('hostile requests over HTTP on $name', (target) => {
  let database: Database;
  let app: ServedApp;
  const reported: unknown[] = [];

  beforeAll(async () => {
    database = await target.open();
    app = await serveApp(database, {
      onError: (error) => reported.push(error),
      // Dozens of hostile calls per procedure and minute: the strict export limit would answer them before the input.
      rateLimits: { ...DEFAULT_RATE_LIMITS, export: 1000 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await target.close();
  });

  it.each(Object.keys(appRouter._def.procedures))(
    '%s answers hostile input with a 4xx of our own, never a 5xx',
    async (path) => {
      // A world of its own for each procedure: its apprenticeship has room for every run's fresh week.
      const world = await createWorld(database, { issuer: app.issuer.issuer });
      const person = path.startsWith('review.') ? world.trainer : world.apprentice;
      const token = await app.tokenFor(person.identity.subject);
      let weekNumber = 0;
      await fc.assert(
        fc.asyncProperty(hostility, async (how) => {
          const week = await freshWeekFor(database, world, path, weekNumber++);
          const valid = validInput(path, world, week) ?? null;
          const response = await send(app, path, token, hostileJson(valid, how));
          // A subscription that accepted its input answers with an event stream, not with JSON.
          const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
          if (streaming) await response.body?.cancel();
          const reason = streaming ? null : reasonOf(await response.json());
          expect(
            response.status,
            `${path} ${JSON.stringify(how).slice(0, 200)}: ${reason}`,
          ).toBeLessThan(500);
          if (how.kind === 'prototype-key')
            expect([response.status, reason]).toEqual([400, 'forbidden_key']);
          if (how.kind === 'invalid-utf8')
            expect([response.status, reason]).toEqual([400, 'invalid_utf8']);
          if (how.kind === 'too-deep')
            expect([response.status, reason]).toEqual([400, 'invalid_input']);
          if (reason !== null) expect(reason).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
        }),
        { seed, numRuns: RUNS },
      );
      expect(reported).toEqual([]);
    },
    120_000,
  );

  const claimValue = fc.oneof(
    hostileText,
    fc.jsonValue(),
    fc.constantFrom(null, 0, -1, 2 ** 53, true, [], {}, 'x'.repeat(100_000)),
  );

  it('answers every token claim a signed token can carry with a result or a 401, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ sub: claimValue, name: claimValue, email: claimValue }, { requiredKeys: [] }),
        async (claims) => {
          const token = await app.issuer.sign({
            claims: claims as Record<string, unknown>,
            omit: 'sub' in claims ? [] : ['sub'],
          });
          const response = await fetch(`${app.url}/trpc/me`, {
            headers: { authorization: `Bearer ${token}` },
          });
          // A token too large for any header is refused by Node itself (431), before it reaches us.
          expect(response.status, JSON.stringify(claims).slice(0, 200)).toBeLessThan(500);
          if (response.status !== 200) return;
          const body = (await response.json()) as {
            result: { data: { json: { person: { displayName: string; email: string | null } } } };
          };
          const { displayName, email } = body.result.data.json.person;
          for (const text of [displayName, email ?? '']) expect(isCleanText(text)).toBe(true);
        },
      ),
      {
        seed,
        numRuns: 60,
        examples: [
          [{ sub: 'login\u0000admin' }],
          [{ sub: 'ok-subject', name: 'Anna\u0000 \uD800Schmidt', email: 'a\u0007@example.test' }],
        ],
      },
    );
    expect(reported).toEqual([]);
  });
});
