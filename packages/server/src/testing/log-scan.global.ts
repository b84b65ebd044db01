import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_DIR_VARIABLE } from './log-capture.js';

/**
 * Vitest global setup: a directory for the log the HTTP tests capture, and at the end of the run the check that none
 * of the texts, names, e-mail addresses or tokens those tests sent appears in it (S25).
 */
export function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bh-test-log-'));
  process.env[LOG_DIR_VARIABLE] = dir;
  return () => {
    try {
      scan(dir);
    } catch (error) {
      // Vitest reports an error thrown here but still exits 0; the run must fail.
      process.exitCode = 1;
      throw error;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

function linesOf(dir: string, prefix: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter((line) => line !== '');
}

function scan(dir: string): void {
  const log = linesOf(dir, 'log-');
  // Nothing captured or nothing noted would make the check pass without checking anything.
  if (log.length === 0 || linesOf(dir, 'sent-').length === 0) return;
  const sent = new Set(linesOf(dir, 'sent-').map((line) => JSON.parse(line) as string));
  const text = log.join('\n');
  const leaked = [...sent].filter(
    (value) => text.includes(value) || text.includes(JSON.stringify(value).slice(1, -1)),
  );
  if (leaked.length > 0) {
    throw new Error(
      `The server's log repeats ${leaked.length} of ${sent.size} texts, names, e-mail addresses or tokens the ` +
        `tests sent, e.g. ${leaked
          .slice(0, 3)
          .map((value) => JSON.stringify(value.slice(0, 80)))
          .join(', ')} (S25)`,
    );
  }
  console.info(`log scan: ${log.length} log lines hold none of the ${sent.size} sent texts (S25)`);
}
