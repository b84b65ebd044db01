import type { ReasonCode } from '@berichtsheft/core';
import { DatabaseBusyError } from './gate.js';

/**
 * The connection a statement ran on, or was to run on, is gone or could not be made: the database was restarted,
 * failed over, ended the session, or cannot be reached. `cause` is the driver's error, for the operator's log.
 */
export class DatabaseConnectionLostError extends Error {
  readonly reason: ReasonCode = 'database_unavailable';

  constructor(cause: unknown) {
    super('the database connection was lost or could not be made', { cause });
    this.name = 'DatabaseConnectionLostError';
  }
}

/** Why the database cannot serve a call right now; either way the API answers 503 with Retry-After (S26). */
export type TemporaryDatabaseReason = Extract<ReasonCode, 'database_busy' | 'database_unavailable'>;

/** The operating system's codes for a server that is not there (yet): a failover, a restart, a network cut. */
const LOST_CONNECTION_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that ended or refused the session rather than the statement: class 08 (connection
 * exception), an administrator's or a crash's shutdown (57P01, 57P02), a server still starting (57P03), and no free
 * connection slot on the server (53300).
 */
function isLostSessionState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

function codeOf(error: Error): string | null {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : null;
}

/**
 * Whether an error, or one in its cause chain (drizzle and tRPC each wrap the driver's), says that the database is
 * busy or out of reach for now, and which: null for every other error, which is a fault.
 */
export function temporaryDatabaseReason(error: unknown): TemporaryDatabaseReason | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    if (current instanceof DatabaseBusyError) return 'database_busy';
    if (current instanceof DatabaseConnectionLostError) return 'database_unavailable';
    const code = codeOf(current);
    if (code !== null && (LOST_CONNECTION_CODES.has(code) || isLostSessionState(code))) {
      return 'database_unavailable';
    }
    seen.add(current);
    current = current.cause;
  }
  return null;
}
