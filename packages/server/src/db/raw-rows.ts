import type { SQL } from 'drizzle-orm';
import type { Executor } from './database-types.js';

/** The rows of a raw statement; both drivers (node-postgres and PGlite) answer `execute` with `{ rows }`. */
export async function rowsOf<Row = Record<string, unknown>>(
  db: Executor,
  statement: SQL,
): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown as { rows: Row[] };
  return result.rows;
}

/** How many rows a statement returned, e.g. a `delete … returning id`. */
export async function rowCount(db: Executor, statement: SQL): Promise<number> {
  return (await rowsOf(db, statement)).length;
}
