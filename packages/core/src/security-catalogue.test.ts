import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Comments cite security requirements as S1, S2, …; the numbers are defined in docs/security.md. These checks keep
 * the two together: a number cited in the code must be in the catalogue, and a file the catalogue names must exist.
 */

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const catalogue = readFileSync(join(repository, 'docs/security.md'), 'utf8');

const SKIPPED = new Set(['node_modules', 'dist', 'dist-test', 'generated', 'storybook-static']);

function sourceFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(path);
    return /\.(ts|mjs|sql)$/.test(entry.name) ? [path] : [];
  });
}

/** Where comments cite requirements: every package's and example's sources and migrations, the benchmarks, the scripts. */
function projectSources(): string[] {
  const packages = ['packages', 'examples'].flatMap((group) =>
    readdirSync(join(repository, group)).flatMap((name) =>
      ['src', 'migrations'].map((part) => join(repository, group, name, part)),
    ),
  );
  return [...packages, join(repository, 'bench'), join(repository, 'scripts')].flatMap(sourceFiles);
}

const defined = [...catalogue.matchAll(/^#### S(\d+)$/gm)].map((match) => Number(match[1]));

describe('security requirement catalogue (docs/security.md)', () => {
  it('defines S1 to S30, each once', () => {
    expect(defined).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
  });

  it('defines every requirement number the code cites', () => {
    const cited = new Map<number, string>();
    for (const file of projectSources()) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bS(\d{1,2})\b/g)) {
        cited.set(Number(match[1]), relative(repository, file));
      }
    }
    // The server cites several; finding none would mean the scan looks in the wrong place.
    expect(cited.size).toBeGreaterThan(5);
    const undefinedOnes = [...cited].filter(([number]) => !defined.includes(number));
    expect(undefinedOnes.map(([number, file]) => `S${number} in ${file}`)).toEqual([]);
  });

  it('names only files that exist', () => {
    const named = [
      ...catalogue.matchAll(/`((?:packages|examples|bench|docs)\/[^`\s]+\.[a-z]+)`/g),
    ].map((match) => match[1] ?? '');
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((path) => !existsSync(join(repository, path)))).toEqual([]);
  });
});
