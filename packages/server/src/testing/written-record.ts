import { randomUUID } from 'node:crypto';
import type { WeekView } from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { uploadMessageFile } from '../workflow/dialogue/files.js';
import { approvedWeek } from './approved-week.js';
import { callerFor, type World } from './world.js';

/** A small PDF: enough for the type check by its bytes (S21), with text that shows up when it goes where it must not. */
export const samplePdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);

export interface WrittenRecord {
  approved: WeekView[];
  draft: WeekView;
}

/**
 * The world's apprentice's record as people write it: approved weeks (one with an attached file), a draft, and a
 * conversation about the apprenticeship with a file, all through the real procedures but the week's attachment,
 * which no procedure writes yet.
 */
export async function writtenRecord(database: Database, world: World): Promise<WrittenRecord> {
  const approved = [
    await approvedWeek(database, world, { isoYear: 2025, isoWeek: 41 }, 'Lager'),
    await approvedWeek(database, world, { isoYear: 2025, isoWeek: 42 }, 'Büro für Maßnahmen'),
  ];
  const apprentice = callerFor(database, world.apprentice.identity);
  const draft = await apprentice.weeks.open({
    companyId: world.companyId,
    apprenticeshipId: world.apprenticeshipId,
    isoYear: 2025,
    isoWeek: 43,
  });
  const [first] = approved;
  if (!first) throw new Error('No approved week');
  const bytes = samplePdf('Arbeitsblatt Lager');
  await database.db.execute(
    sql`insert into attachments (company_id, week_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
        values (${world.companyId}, ${first.id}, 'Arbeitsblatt.pdf', 'application/pdf', ${bytes.byteLength},
          encode(sha256(${Buffer.from(bytes)}), 'hex'), ${Buffer.from(bytes)}, ${world.apprentice.id})`,
  );
  const file = await uploadMessageFile(database, world.apprentice.identity, world.companyId, {
    fileName: 'Nachweis Übung.pdf',
    bytes: samplePdf('Übungsblatt'),
  });
  if (!file.ok) throw new Error(`Upload refused: ${file.reason}`);
  await apprentice.dialogue.post({
    companyId: world.companyId,
    apprenticeshipId: world.apprenticeshipId,
    body: 'Hier ist mein Übungsblatt.',
    clientKey: randomUUID(),
    attachmentIds: [file.value.id],
  });
  await callerFor(database, world.trainer.identity).dialogue.post({
    companyId: world.companyId,
    apprenticeshipId: world.apprenticeshipId,
    body: 'Danke, sieht gut aus.',
    clientKey: randomUUID(),
  });
  return { approved, draft };
}
