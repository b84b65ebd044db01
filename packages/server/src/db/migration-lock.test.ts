import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/databases.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database.js';
import { type Database, openDatabase } from './database.js';
import { MIGRATIONS } from './generated/migrations.js';
import { rowsOf } from './raw-rows.js';

/**
 * Several instances starting at once on an empty PostgreSQL database (a deployment of three replicas): each migrates
 * under the advisory lock, so they apply the migrations once between them and all of them start.
 */
const INSTANCES = 3;

describe.each(testDatabases().filter((target) => target.name === 'postgres'))(
  'instances starting at once on $name',
  () => {
    let scratch: ScratchDatabase;
    const opened: Database[] = [];

    beforeAll(async () => {
      scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? '', 'bh_migrate');
    });
    afterAll(async () => {
      await Promise.all(opened.map((database) => database.close()));
      await scratch?.drop();
    });

    it('migrate one after another and all start', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: INSTANCES }, () => openDatabase({ url: scratch.url, poolSize: 2 })),
      );
      for (const result of results) if (result.status === 'fulfilled') opened.push(result.value);
      expect(results.map((result) => result.status)).toEqual(
        Array.from({ length: INSTANCES }, () => 'fulfilled'),
      );
      const [first] = opened;
      if (!first) throw new Error('no instance started');
      const applied = await rowsOf<{ hash: string }>(
        first.db,
        sql`select hash from drizzle.__drizzle_migrations`,
      );
      expect(applied).toHaveLength(MIGRATIONS.length);
      for (const database of opened) await database.ping();
    });
  },
);
