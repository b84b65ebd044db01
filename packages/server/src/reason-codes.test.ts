import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isReasonCode } from '@berichtsheft/core';
import { describe, expect, it } from 'vitest';

/**
 * The types make the refusal helpers, the HTTP error bodies and core's refusals take reason codes only; this checks
 * what the types cannot see: a `new TRPCError({ message: '…' })` written anywhere in the server.
 */

const sourceRoot = fileURLToPath(new URL('.', import.meta.url));

function serverSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : serverSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('reason codes in the server', () => {
  it('sends only codes of core’s list as the message of a tRPC error', () => {
    const messages: { file: string; message: string }[] = [];
    for (const file of serverSources(sourceRoot)) {
      const source = readFileSync(file, 'utf8');
      if (!source.includes('TRPCError')) continue;
      for (const match of source.matchAll(/message:\s*'([^']*)'/g)) {
        messages.push({ file: relative(sourceRoot, file), message: match[1] ?? '' });
      }
    }
    // The middlewares in trpc.ts throw some; an empty scan would mean the pattern no longer finds them.
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter(({ message }) => !isReasonCode(message))).toEqual([]);
  });
});
