import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { ensurePerson, findPersonBySubject } from './queries/people.js';

describe('openDatabase with a PGlite data directory', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps data across restarts and applies the migrations only once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bh-pglite-'));
    dirs.push(dataDir);
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    await first.ping();
    const person = await ensurePerson(first.db, { issuer: 'https://i.test', subject: 'kept' });
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      expect(await findPersonBySubject(second.db, 'https://i.test', 'kept')).toEqual(person);
    } finally {
      await second.close();
    }
    // Two cold starts of PGlite from disk take several seconds each on a busy machine.
  }, 120_000);
});
