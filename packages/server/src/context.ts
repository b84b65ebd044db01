import type { Database, Db } from './db/database.js';

/** Who is calling, as the verified access token says: a person is the pair (issuer, subject) (S3). */
export interface Identity {
  issuer: string;
  subject: string;
  email?: string;
  displayName?: string;
}

/** Where a call notes who turned out to be calling, for the request's line in the access log. */
export interface CallerNote {
  personId: string | null;
}

export interface Context {
  database: Database;
  db: Db;
  /** Null when the request carried no valid token; protected procedures refuse it. */
  identity: Identity | null;
  /** Present when the call came over HTTP. */
  callerNote?: CallerNote;
}

/** The request context without HTTP: what the HTTP layer builds per request and what tests call directly. */
export function createContext(opts: {
  database: Database;
  identity: Identity | null;
  callerNote?: CallerNote;
}): Context {
  const context: Context = {
    database: opts.database,
    db: opts.database.db,
    identity: opts.identity,
  };
  if (opts.callerNote) context.callerNote = opts.callerNote;
  return context;
}
