import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DestinationStream, pino } from 'pino';
import { createLogger, type Logger } from '../logging/logger.js';

/**
 * The suite's HTTP tests log through this, and note what they sent that the log must never repeat: the report text,
 * names and e-mail addresses in their inputs and claims, and their tokens. The global teardown
 * (log-scan.global.ts) reads both and fails the run if any sent text turns up in the log (S25).
 */
export const LOG_DIR_VARIABLE = 'BH_TEST_LOG_DIR';

function captureDir(): string {
  const dir = process.env[LOG_DIR_VARIABLE];
  if (!dir) {
    throw new Error(
      `${LOG_DIR_VARIABLE} is not set: run the tests through vitest with the repository's vitest.config.ts, whose ` +
        'global setup creates the directory the log is captured in',
    );
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

let destination: DestinationStream | undefined;

/** A logger at `info` whose lines go to this test process's capture file. */
export function capturedLogger(): Logger {
  destination ??= pino.destination({
    dest: join(captureDir(), `log-${process.pid}.jsonl`),
    append: true,
    sync: true,
  });
  return createLogger({ destination });
}

/** A string a person could recognise as theirs: prose, a name, an address, a token; not an id, a date or a code. */
function isSensitive(value: string): boolean {
  if (value.length < 6) return false;
  if (/^[0-9a-f-]{36}$/i.test(value)) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  return !/^[a-z0-9_.-]+$/.test(value);
}

function stringsIn(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') {
    if (isSensitive(value)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringsIn(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) stringsIn(item, into);
  }
  return into;
}

/** Notes the sensitive strings in whatever a test sent (inputs, claims, tokens). */
export function noteSent(...values: unknown[]): void {
  const found = stringsIn(values, []);
  if (found.length === 0) return;
  appendFileSync(
    join(captureDir(), `sent-${process.pid}.jsonl`),
    `${found.map((text) => JSON.stringify(text)).join('\n')}\n`,
  );
}

/** The lines this test process has logged so far, parsed. */
export function capturedLines(): Record<string, unknown>[] {
  const file = join(captureDir(), `log-${process.pid}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
