import pg from 'pg';

/**
 * The advisory lock key all instances take before migrating: the first 8 bytes of SHA-256 over
 * "berichtsheft.migrations", fixed here so that every version of the server uses the same one.
 */
export const MIGRATION_LOCK_KEY = '8302123850326105475';

/**
 * Runs `migrate` while holding PostgreSQL's session-level advisory lock on a connection of its own, so that several
 * instances starting at once migrate one after another: the first applies what is missing, the others wait and then
 * find nothing left to do. The lock goes with its connection, so an instance that dies while migrating frees it.
 */
export async function withMigrationLock<T>(url: string, migrate: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A session ended by the server while waiting fails the query below; the event itself must not end the process.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    return await migrate();
  } finally {
    await client.end();
  }
}
