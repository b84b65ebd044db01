import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './generated/migrations.js';

describe('bundled migrations', () => {
  it('are exactly the committed SQL migrations (after adding one, run `node scripts/bundle-migrations.mjs`)', () => {
    const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
    expect(MIGRATIONS).toEqual(readMigrationFiles({ migrationsFolder }));
  });
});
