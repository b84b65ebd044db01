import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, type OpenDatabaseOptions, openDatabase } from '../db/database.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.js';

/** Pool settings a test may shrink, e.g. to exhaust the pool on purpose. */
export type TestPoolOptions = Pick<OpenDatabaseOptions, 'poolSize' | 'acquireTimeoutMs'>;

/** A database a test file runs against: opened once per file (a fresh PGlite costs seconds), closed at its end. */
export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
  close(): Promise<void>;
}

const HOW_TO_START_POSTGRES =
  'Start PostgreSQL (e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, or ' +
  '`apt-get install -y postgresql` first where it is missing), or unset TEST_DATABASE_URL to test on PGlite only.';

/**
 * The databases every router test runs on: an in-memory PGlite always and, when TEST_DATABASE_URL points at a
 * PostgreSQL server, a database of its own created there for the test file and dropped afterwards.
 */
export function testDatabases(pool: TestPoolOptions = {}): TestDatabaseTarget[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    announceMissingPostgresOnce();
    return [pgliteTarget(pool)];
  }
  return [pgliteTarget(pool), postgresTarget(url, pool)];
}

function pgliteTarget(pool: TestPoolOptions): TestDatabaseTarget {
  let database: Promise<Database> | undefined;
  return {
    name: 'pglite',
    open: () => {
      database ??= openDatabase({ ...pool });
      return database;
    },
    close: async () => {
      await (await database)?.close();
      database = undefined;
    },
  };
}

function postgresTarget(adminUrl: string, pool: TestPoolOptions): TestDatabaseTarget {
  let scratch: ScratchDatabase | undefined;
  let database: Promise<Database> | undefined;

  async function create(): Promise<Database> {
    try {
      scratch = await createScratchDatabase(adminUrl, 'bh_test');
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(
        `TEST_DATABASE_URL is set but PostgreSQL cannot be used there (${detail}). ${HOW_TO_START_POSTGRES}`,
      );
    }
    return openDatabase({ url: scratch.url, ...pool });
  }

  return {
    name: 'postgres',
    open: () => {
      database ??= create();
      return database;
    },
    close: async () => {
      if (!database) return;
      const opened = database;
      database = undefined;
      await (await opened.catch(() => undefined))?.close();
      await scratch?.drop();
      scratch = undefined;
    },
  };
}

/** Says once per test run (not once per file) that PostgreSQL is left out, and how to include it. */
function announceMissingPostgresOnce(): void {
  const marker = join(tmpdir(), `bh-postgres-notice-${process.ppid}`);
  try {
    writeFileSync(marker, '', { flag: 'wx' });
  } catch {
    return;
  }
  console.warn(
    'Router tests run on PGlite only: TEST_DATABASE_URL is not set. To run them on PostgreSQL as well, set e.g. ' +
      'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres',
  );
}
