import type { Database, Db } from './db/database.js';

/** Who is calling, as the verified access token says: a person is the pair (issuer, subject) (S3). */
export interface Identity {
  issuer: string;
  subject: string;
  email?: string;
  displayName?: string;
}

export interface Context {
  database: Database;
  db: Db;
  /** Null when the request carried no valid token; protected procedures refuse it. */
  identity: Identity | null;
}

/** The request context without HTTP: what the HTTP layer builds per request and what tests call directly. */
export function createContext(opts: { database: Database; identity: Identity | null }): Context {
  return { database: opts.database, db: opts.database.db, identity: opts.identity };
}
