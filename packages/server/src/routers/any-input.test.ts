import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../db/database.js';
import { testDatabases } from '../testing/databases.js';
import { leafPaths, replaceAt, valueAt } from '../testing/json-paths.js';
import { freshWeekFor, type Input, validInput } from '../testing/valid-inputs.js';
import { type Caller, callerFor, createWorld } from '../testing/world.js';
import { appRouter } from './index.js';

/**
 * S29: whatever JSON arrives at whichever procedure, the answer is a result or a 4xx with a reason, never a 500.
 * Each run starts from a valid call on a fresh week in the state the procedure expects, then sends arbitrary JSON
 * instead, or the valid input with one nested field replaced, one key added or one key dropped, so inputs that pass
 * the schema reach the rules and the database. The seed is printed; replay a failure with FC_SEED.
 */
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.info(`any-input: fast-check seed ${seed} (replay with FC_SEED=${seed})`);

const RUNS = 40;
/** Text that databases and parsers find awkward: NUL and other controls, lone surrogates, long strings, SQL. */
const awkwardString = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', 'a', '\n', 'ü') }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('\uD800', "'; drop table people; --", '<b>x</b>', '   '),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ minLength: 5000, maxLength: 6000 }) },
);
const awkwardValue = fc.oneof(
  awkwardString,
  fc.jsonValue(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 63), 1.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom(null, undefined, [], {}, '2025-02-30', '0000-01-01', randomUUID()),
);

/** How to spoil a valid input; applied to each run's fresh valid input. */
const spoiling = fc.oneof(
  fc.record({ kind: fc.constant('replace-all' as const), value: awkwardValue }),
  fc.record({ kind: fc.constant('replace-leaf' as const), pick: fc.nat(), value: awkwardValue }),
  fc.record({ kind: fc.constant('replace-text' as const), pick: fc.nat(), value: awkwardString }),
  fc.record({
    kind: fc.constant('add-key' as const),
    key: fc.string({ minLength: 1, maxLength: 12 }),
    value: awkwardValue,
  }),
  fc.record({ kind: fc.constant('drop-key' as const), pick: fc.nat() }),
);
type Spoiling = typeof spoiling extends fc.Arbitrary<infer T> ? T : never;

/** Text a person wrote (department, activities, reasons), as opposed to ids, dates and keys. */
function isProse(value: unknown): boolean {
  return (
    typeof value === 'string' && /[^a-z0-9_-]/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)
  );
}

function spoil(valid: Input, how: Spoiling): unknown {
  if (valid === undefined || how.kind === 'replace-all') return 'value' in how ? how.value : null;
  if (how.kind === 'add-key') return { ...valid, [how.key]: how.value };
  if (how.kind === 'drop-key') {
    const keys = Object.keys(valid);
    const dropped = keys[how.pick % keys.length];
    return Object.fromEntries(Object.entries(valid).filter(([key]) => key !== dropped));
  }
  const paths = leafPaths(valid).filter(
    (path) => how.kind === 'replace-leaf' || isProse(valueAt(valid, path)),
  );
  return replaceAt(valid, paths[how.pick % paths.length] ?? [], how.value);
}

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** True for a result or a client error; false (with the error shown) for anything the server failed at. */
async function answersWithoutServerError(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return true;
  } catch (error) {
    if (error instanceof TRPCError && getHTTPStatusCodeFromError(error) < 500) return true;
    console.error(error);
    return false;
  }
}

describe.each(testDatabases())('any input on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  it.each(Object.keys(appRouter._def.procedures))(
    '%s answers any input without a server error',
    async (path) => {
      const world = await createWorld(database);
      const apprentice = callerFor(database, world.apprentice.identity);
      const trainer = callerFor(database, world.trainer.identity);
      let weekNumber = 0;

      const freshWeek = () => freshWeekFor(database, world, path, weekNumber++);

      // Mostly the person the valid call is meant for, so spoiled inputs get past the permission check.
      const [expected, other] = path.startsWith('review.')
        ? [trainer, apprentice]
        : [apprentice, trainer];
      const caller = fc.nat({ max: 4 }).map((n) => (n === 0 ? other : expected));
      await fc.assert(
        fc.asyncProperty(spoiling, caller, async (how, as) => {
          const week = await freshWeek();
          const input = spoil(validInput(path, world, week), how);
          return answersWithoutServerError(call(as, path, input));
        }),
        {
          seed,
          numRuns: RUNS,
          // PostgreSQL cannot store NUL in text; always tried, whatever the seed finds besides.
          examples: [[{ kind: 'replace-text', pick: 0, value: 'a\u0000b' }, expected]],
        },
      );
    },
    120_000,
  );
});
