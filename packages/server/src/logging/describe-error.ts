import { isReasonCode } from '@berichtsheft/core';
import { DatabaseBusyError } from '../db/gate.js';
import { DatabaseConnectionLostError } from '../db/temporary-failure.js';

/** What the log may say about an error: its kind and where it came from, never what it was about. */
export interface ErrorDescription {
  name: string;
  /** An SQLSTATE, an operating system's error code or a driver's own; absent when there is none. */
  code?: string;
  /** Schema names PostgreSQL gives with a failed statement: which constraint, table, column, routine. */
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  /** Only for errors whose messages are ours and carry no data. */
  message?: string;
  /** Where it was thrown: the stack without its first line, which repeats the message. */
  frames?: string[];
  cause?: ErrorDescription;
}

/** Our own errors, whose messages are fixed sentences or reason codes. */
const OWN_MESSAGES: readonly (abstract new (...args: never[]) => Error)[] = [
  DatabaseBusyError,
  DatabaseConnectionLostError,
];

const MAX_CAUSES = 5;
const MAX_FRAMES = 12;

function stringField(error: Error, name: string): string | undefined {
  const value = (error as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length <= 128 ? value : undefined;
}

function ownMessage(error: Error): string | undefined {
  if (OWN_MESSAGES.some((kind) => error instanceof kind)) return error.message;
  // A tRPC refusal or fault whose message is one of our reason codes.
  return isReasonCode(error.message) ? error.message : undefined;
}

/**
 * An error as the log may keep it (S25). A message is left out unless it is ours: a failed query's message carries
 * its SQL and parameters (report text, names, e-mail addresses), PostgreSQL's messages quote the values they refused,
 * and a parser's quote the input. The cause chain is followed, as far as it is short.
 */
export function describeError(error: unknown, depth = 0): ErrorDescription {
  if (!(error instanceof Error)) return { name: typeof error };
  const description: ErrorDescription = { name: error.name };
  const fields = ['code', 'constraint', 'table', 'column', 'routine'] as const;
  for (const field of fields) {
    const value = stringField(error, field);
    if (value !== undefined) description[field] = value;
  }
  const message = ownMessage(error);
  if (message !== undefined) description.message = message;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  if (frames && frames.length > 0) description.frames = frames;
  if (error.cause !== undefined && depth < MAX_CAUSES) {
    description.cause = describeError(error.cause, depth + 1);
  }
  return description;
}
