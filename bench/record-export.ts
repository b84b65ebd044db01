import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openDatabase } from '@berichtsheft/server';
import { build } from 'esbuild';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../packages/server/src/testing/scratch-database.js';
import type { ExportMode, ExportRunArgs, ExportRunResult } from './lib/record-export-run.js';
import { ATTACHMENT_BYTES, RECORD_WEEKS, seedRecord } from './lib/record-seed.js';
import { megabytes, milliseconds, ratio, table } from './lib/stats.js';

/**
 * Time and peak memory of exporting a three-year record (156 weeks, each with a 200 KB attachment): the printed PDF
 * and the portable ZIP, each in a fresh process, next to the bare baseline of the same work measured in the same
 * run (one SQL read and an untagged PDF of the same text; the files zipped as they are). Goals: the PDF within 1 s
 * and 150 MB peak resident memory.
 */

const exec = promisify(execFile);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const adminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/**
 * The measured process runs compiled JavaScript with plain Node, as a server does, not through tsx, whose compiler
 * would count towards every export's memory.
 */
async function compileRunner(): Promise<string> {
  const outfile = fileURLToPath(new URL('./dist/record-export-run.mjs', import.meta.url));
  await build({
    entryPoints: [fileURLToPath(new URL('./lib/record-export-run.ts', import.meta.url))],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

async function measure(
  runner: string,
  flags: readonly string[],
  args: ExportRunArgs,
): Promise<ExportRunResult> {
  const { stdout } = await exec(process.execPath, [...flags, runner, JSON.stringify(args)], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ExportRunResult;
}

/**
 * Node's default heap, which lets garbage pile up while memory is plentiful, and a heap capped at 96 MB, which shows
 * what an export keeps alive (a server under memory pressure collects the same way).
 */
const HEAPS = [
  { name: 'default', flags: [] },
  { name: '96 MB', flags: ['--max-old-space-size=96'] },
] as const;

async function main(): Promise<void> {
  let scratch: ScratchDatabase | undefined;
  let dataDir: string | undefined;
  if (adminUrl) scratch = await createScratchDatabase(adminUrl, 'bh_bench');
  else dataDir = await mkdtemp(join(tmpdir(), 'bh-bench-export-'));
  try {
    const runner = await compileRunner();
    const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir });
    const seeded = await seedRecord(database);
    await database.close();
    console.log(
      `bench:export on ${scratch ? 'PostgreSQL' : 'PGlite (on disk)'}: ${RECORD_WEEKS} approved weeks, ` +
        `${RECORD_WEEKS} attachments of ${ATTACHMENT_BYTES / 1024} KB, best of ${runs} runs each in a fresh process\n`,
    );
    const best = async (mode: ExportMode, flags: readonly string[]) => {
      const results: ExportRunResult[] = [];
      for (let run = 0; run < runs; run += 1) {
        results.push(await measure(runner, flags, { mode, url: scratch?.url, dataDir, ...seeded }));
      }
      return results.reduce((fastest, result) => (result.ms < fastest.ms ? result : fastest));
    };
    const rows: string[][] = [];
    for (const heap of HEAPS) {
      for (const [mode, baseline] of [
        ['pdf', 'bare-pdf'],
        ['zip', 'bare-zip'],
      ] as const) {
        const measured = await best(mode, heap.flags);
        const bare = await best(baseline, heap.flags);
        for (const result of [measured, bare]) {
          rows.push([
            result.mode,
            heap.name,
            milliseconds(result.ms),
            result === measured ? `${ratio(measured.ms, bare.ms)}×` : '1.00×',
            megabytes(result.bytes),
            megabytes(result.rssPeak),
            megabytes(result.rssPeak - result.rssBefore),
          ]);
        }
      }
    }
    console.log(
      table(['export', 'heap', 'time', 'vs bare', 'size', 'peak RSS', 'RSS growth'], rows),
    );
  } finally {
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
