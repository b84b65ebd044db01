import { createRequire } from 'node:module';
import { type Identity, openDatabase } from '@berichtsheft/server';
import { exportRecord, printRecord } from '@berichtsheft/server/playground';
import { sql } from 'drizzle-orm';
import { Zip, ZipPassThrough } from 'fflate';
import PDFDocument from 'pdfkit';

/**
 * One measured export in a process of its own, so that its peak memory is its own: the server's printed or
 * portable export, or the bare baseline of the same work (one SQL read and an untagged PDF, or the files zipped as
 * they are). Prints one JSON line.
 */

export type ExportMode = 'pdf' | 'zip' | 'bare-pdf' | 'bare-zip';

export interface ExportRunArgs {
  mode: ExportMode;
  url: string | undefined;
  dataDir: string | undefined;
  companyId: string;
  apprenticeshipId: string;
  apprentice: Identity;
}

export interface ExportRunResult {
  mode: ExportMode;
  ms: number;
  bytes: number;
  /** Resident memory before the export began and at its peak, in bytes. */
  rssBefore: number;
  rssPeak: number;
}

async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

const require = createRequire(import.meta.url);

async function barePdf(
  database: Awaited<ReturnType<typeof openDatabase>>,
  apprenticeshipId: string,
) {
  const result = await database.db.execute(
    sql`select w.iso_year, w.iso_week, d.date::text as date, e.text, e.minutes from report_weeks w
        join days d on d.week_id = w.id join entries e on e.day_id = d.id
        where w.apprenticeship_id = ${apprenticeshipId} order by w.iso_year, w.iso_week, d.date, e.position`,
  );
  const rows = (
    result as unknown as {
      rows: { iso_year: number; iso_week: number; date: string; text: string; minutes: number }[];
    }
  ).rows;
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    font: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  });
  let bytes = 0;
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.on('data', (chunk: Uint8Array) => {
    bytes += chunk.byteLength;
  });
  let week = '';
  for (const row of rows) {
    const label = `KW ${row.iso_week}/${row.iso_year}`;
    if (label !== week) {
      week = label;
      doc.addPage();
      doc.fontSize(14).text(label).fontSize(10);
    }
    doc.text(
      `${row.date}  ${row.text}  ${Math.floor(row.minutes / 60)}:${String(row.minutes % 60).padStart(2, '0')}`,
    );
  }
  doc.end();
  await done;
  return bytes;
}

async function bareZip(
  database: Awaited<ReturnType<typeof openDatabase>>,
  apprenticeshipId: string,
) {
  const result = await database.db.execute(
    sql`select a.id from attachments a join report_weeks w on w.id = a.week_id where w.apprenticeship_id = ${apprenticeshipId}`,
  );
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
  let bytes = 0;
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    bytes += chunk.byteLength;
  });
  for (const id of ids) {
    const file = await database.db.execute(sql`select content from attachments where id = ${id}`);
    const content =
      (file as unknown as { rows: { content: Uint8Array }[] }).rows[0]?.content ?? new Uint8Array();
    const entry = new ZipPassThrough(`files/${id}`);
    zip.add(entry);
    entry.push(new Uint8Array(content), true);
  }
  zip.end();
  return bytes;
}

async function run(args: ExportRunArgs): Promise<ExportRunResult> {
  const database = await openDatabase(args.url ? { url: args.url } : { dataDir: args.dataDir });
  try {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    let bytes: number;
    if (args.mode === 'bare-pdf') bytes = await barePdf(database, args.apprenticeshipId);
    else if (args.mode === 'bare-zip') bytes = await bareZip(database, args.apprenticeshipId);
    else {
      const outcome =
        args.mode === 'pdf'
          ? await printRecord(database, args.apprentice, args.companyId, {
              apprenticeshipId: args.apprenticeshipId,
              verificationUrl: (code) => `https://berichtsheft.example/verify?code=${code}`,
            })
          : await exportRecord(database, args.apprentice, args.companyId, args.apprenticeshipId);
      if (!outcome.ok) throw new Error(`export refused: ${outcome.reason}`);
      bytes = await drain(outcome.value.body);
    }
    const ms = performance.now() - started;
    return {
      mode: args.mode,
      ms,
      bytes,
      rssBefore,
      rssPeak: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    await database.close();
  }
}

const args = JSON.parse(process.argv[2] ?? '{}') as ExportRunArgs;
run(args).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
