import type { Query } from 'drizzle-orm';
import type { SelectedFieldsOrdered } from 'drizzle-orm/operations';
import type { PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { Executor } from './database-types.js';

/** What drizzle hands out for `.prepare(name)` of a select: the SQL text, its parameters and how to map its rows. */
interface PreparedSelect<Row> {
  getQuery(): Query;
  execute(placeholderValues?: Record<string, unknown>): Promise<Row[]>;
}

/**
 * The parts of drizzle's prepared select that it keeps to itself but needs again to map rows: the selected fields in
 * order, and which joined tables may be absent. Both drivers' prepared queries carry them under these names
 * (drizzle-orm is pinned exactly; the tests run every such query on both drivers).
 */
interface RowMapping {
  fields?: SelectedFieldsOrdered<never>;
  joinsNotNullableMap?: Record<string, boolean>;
}

interface Template {
  query: Query;
  fields: SelectedFieldsOrdered<never>;
  joinsNotNullableMap: Record<string, boolean> | undefined;
}

function templateOf<Row>(prepared: PreparedSelect<Row>, name: string): Template {
  const mapping = prepared as unknown as RowMapping;
  if (!Array.isArray(mapping.fields)) {
    throw new Error(`drizzle no longer keeps the selected fields of ${name} where they are read`);
  }
  return {
    query: prepared.getQuery(),
    fields: mapping.fields,
    joinsNotNullableMap: mapping.joinsNotNullableMap,
  };
}

/**
 * A named select whose SQL text drizzle builds once, on first use, instead of on every call: building a query walks
 * its whole expression tree, which cost more CPU than anything else the server does for a query (a large part of a
 * page load's time in bench/page-load.ts). Every value that differs between calls must be a `sql.placeholder` in
 * `build`, whose values `run` takes; anything else is frozen into the text on first use. Each call still runs on the
 * executor it is given — the request's transaction, with its role and context — as the statement of that name.
 */
export function builtOnce<Row>(
  name: string,
  build: (db: Executor) => { prepare(name: string): PreparedSelect<Row> },
): (db: Executor, values: Record<string, unknown>) => Promise<Row[]> {
  let template: Template | undefined;
  return (db, values) => {
    template ??= templateOf(build(db).prepare(name), name);
    const prepared = db._.session.prepareQuery<PreparedQueryConfig & { execute: Row[] }>(
      template.query,
      template.fields,
      name,
      true,
    ) as PgPreparedQuery<PreparedQueryConfig & { execute: Row[] }> & RowMapping;
    prepared.joinsNotNullableMap = template.joinsNotNullableMap;
    return prepared.execute(values);
  };
}
