import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/databases.js';
import { builtOnce } from './built-once.js';

const echo = builtOnce<{ word: string; setting: string | null; at: Date }>(
  'built_once_echo',
  (db) =>
    db
      .select({
        word: sql<string>`${sql.placeholder('word')}::text`,
        setting: sql<string | null>`nullif(current_setting('bh.built_once_test', true), '')`,
        at: sql<Date>`now()`.mapWith((value: string | Date) => new Date(value)),
      })
      .from(sql`(select 1) as one`),
);

for (const target of testDatabases()) {
  describe(`builtOnce on ${target.name}`, () => {
    afterAll(() => target.close());

    it('takes the values of each call, not those of the first', async () => {
      const { db } = await target.open();
      const [first] = await echo(db, { word: 'erste' });
      const [second] = await echo(db, { word: 'zweite' });
      expect(first?.word).toBe('erste');
      expect(second?.word).toBe('zweite');
    });

    it('maps the rows as drizzle does for the select', async () => {
      const { db } = await target.open();
      const [row] = await echo(db, { word: 'datum' });
      expect(row?.at).toBeInstanceOf(Date);
    });

    it('runs in the transaction it is given, with that transaction’s settings', async () => {
      const { db } = await target.open();
      const inside = await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('bh.built_once_test', 'inside', true)`);
        return echo(tx, { word: 'drinnen' });
      });
      const outside = await echo(db, { word: 'draußen' });
      expect(inside[0]?.setting).toBe('inside');
      expect(outside[0]?.setting).toBeNull();
    });
  });
}
