import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/raw-rows.js';
import { testDatabases } from '../testing/databases.js';
import { createWorld } from '../testing/world.js';
import { writtenRecord } from '../testing/written-record.js';
import { uploadMessageFile } from '../workflow/dialogue/files.js';
import { applyRetention, DEFAULT_RETENTION } from './retention.js';

/** S24: each class of data goes when its retention period is over, and nothing before. */
describe.each(testDatabases())('retention on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  const countOf = async (statement: ReturnType<typeof sql>) =>
    (await rowsOf<{ n: number }>(database.db, statement))[0]?.n ?? 0;

  it('removes unsent files after their period, ended records only when configured, and old audit rows', async () => {
    const world = await createWorld(database);
    const ended = await createWorld(database);
    await writtenRecord(database, ended);
    await database.db.execute(
      sql`update apprenticeships set end_date = current_date - 400 where id = ${ended.apprenticeshipId}`,
    );
    const fresh = await uploadMessageFile(database, world.apprentice.identity, world.companyId, {
      fileName: 'neu.pdf',
      bytes: new TextEncoder().encode('%PDF-1.7\nneu\n%%EOF'),
    });
    const stale = await uploadMessageFile(database, world.apprentice.identity, world.companyId, {
      fileName: 'alt.pdf',
      bytes: new TextEncoder().encode('%PDF-1.7\nalt\n%%EOF'),
    });
    if (!fresh.ok || !stale.ok) throw new Error('Upload refused');
    await database.db.execute(
      sql`update message_files set created_at = now() - interval '2 days' where id = ${stale.value.id}`,
    );
    await database.db.execute(
      sql`insert into record_events (kind, company_id, apprenticeship_id, actor_id, at)
          values ('pdf_export', ${world.companyId}, ${world.apprenticeshipId}, ${world.apprentice.id},
            now() - interval '4 years')`,
    );

    const kept = await applyRetention(database, DEFAULT_RETENTION);
    expect(kept?.records).toBe(0);
    expect(kept?.unsentFiles).toBeGreaterThanOrEqual(1);
    expect(kept?.recordEvents).toBeGreaterThanOrEqual(1);
    expect(
      await countOf(
        sql`select count(*)::int as n from message_files where id in (${fresh.value.id}, ${stale.value.id})`,
      ),
    ).toBe(1);
    expect(
      await countOf(
        sql`select count(*)::int as n from report_weeks where apprenticeship_id = ${ended.apprenticeshipId}`,
      ),
    ).toBe(3);

    const applied = await applyRetention(database, { ...DEFAULT_RETENTION, endedRecordsDays: 365 });
    expect(applied?.records).toBeGreaterThanOrEqual(1);
    expect(
      await countOf(
        sql`select count(*)::int as n from report_weeks where apprenticeship_id = ${ended.apprenticeshipId}`,
      ),
    ).toBe(0);
    expect(
      await countOf(
        sql`select count(*)::int as n from record_events where apprenticeship_id = ${ended.apprenticeshipId} and kind = 'retention'`,
      ),
    ).toBe(1);
    // A record that has not ended long enough ago stays.
    expect(
      await countOf(
        sql`select count(*)::int as n from apprenticeships where id = ${world.apprenticeshipId}`,
      ),
    ).toBe(1);
  });

  it('runs on one instance at a time', async () => {
    const [first, second] = await Promise.all([
      applyRetention(database, DEFAULT_RETENTION),
      applyRetention(database, DEFAULT_RETENTION),
    ]);
    expect([first, second].filter((run) => run !== null).length).toBeGreaterThanOrEqual(1);
  });
});
