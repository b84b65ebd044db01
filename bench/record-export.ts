import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '@berichtsheft/server';
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

async function measure(args: ExportRunArgs): Promise<ExportRunResult> {
  const { stdout } = await exec(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./lib/record-export-run.ts', import.meta.url).pathname,
      JSON.stringify(args),
    ],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ExportRunResult;
}

async function main(): Promise<void> {
  let scratch: ScratchDatabase | undefined;
  let dataDir: string | undefined;
  if (adminUrl) scratch = await createScratchDatabase(adminUrl, 'bh_bench');
  else dataDir = await mkdtemp(join(tmpdir(), 'bh-bench-export-'));
  try {
    const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir });
    const seeded = await seedRecord(database);
    await database.close();
    console.log(
      `bench:export on ${scratch ? 'PostgreSQL' : 'PGlite (on disk)'}: ${RECORD_WEEKS} approved weeks, ` +
        `${RECORD_WEEKS} attachments of ${ATTACHMENT_BYTES / 1024} KB, best of ${runs} runs each in a fresh process\n`,
    );
    const best = async (mode: ExportMode) => {
      const results: ExportRunResult[] = [];
      for (let run = 0; run < runs; run += 1) {
        results.push(await measure({ mode, url: scratch?.url, dataDir, ...seeded }));
      }
      return results.reduce((fastest, result) => (result.ms < fastest.ms ? result : fastest));
    };
    const rows: string[][] = [];
    for (const [mode, baseline] of [
      ['pdf', 'bare-pdf'],
      ['zip', 'bare-zip'],
    ] as const) {
      const measured = await best(mode);
      const bare = await best(baseline);
      for (const result of [measured, bare]) {
        rows.push([
          result.mode,
          milliseconds(result.ms),
          result === measured ? `${ratio(measured.ms, bare.ms)}×` : '1.00×',
          megabytes(result.bytes),
          megabytes(result.rssPeak),
          megabytes(result.rssPeak - result.rssBefore),
        ]);
      }
    }
    console.log(table(['export', 'time', 'vs bare', 'size', 'peak RSS', 'RSS growth'], rows));
  } finally {
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
