import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '@berichtsheft/server';
import postgres from 'postgres';

export interface BenchDatabase {
  name: string;
  open(): Promise<Database>;
  /** Closes the database and removes whatever the benchmark created. */
  dispose(): Promise<void>;
}

function pglite(): BenchDatabase {
  let database: Database | undefined;
  return {
    name: 'PGlite (in memory)',
    open: async () => {
      database = await openDatabase({});
      return database;
    },
    dispose: async () => {
      await database?.close();
    },
  };
}

/**
 * A database of its own, created next to the one `DATABASE_URL` names and dropped afterwards, so the benchmark's
 * rows never land in a database that is in use.
 */
function postgresql(adminUrl: string): BenchDatabase {
  const name = `bh_bench_${randomBytes(5).toString('hex')}`;
  const admin = () => postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  let database: Database | undefined;
  return {
    name: 'PostgreSQL',
    open: async () => {
      const sql = admin();
      try {
        await sql.unsafe(`create database ${name}`);
      } finally {
        await sql.end({ timeout: 5 });
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      database = await openDatabase({ url: url.toString() });
      return database;
    },
    dispose: async () => {
      await database?.close();
      const sql = admin();
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

/** PGlite always; PostgreSQL as well when `DATABASE_URL` is set. */
export function benchDatabases(): BenchDatabase[] {
  const url = process.env.DATABASE_URL;
  return url ? [pglite(), postgresql(url)] : [pglite()];
}
