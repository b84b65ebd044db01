import {
  formatVerificationCode,
  type PortableRecord,
  portableRecordSchema,
  RECORD_FORMAT,
} from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database.js';
import { rowsOf } from '../db/raw-rows.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp } from '../testing/http-app.js';
import { readPdf } from '../testing/pdf-text.js';
import { rejection } from '../testing/rejection.js';
import { callerFor, createWorld, type World, type WorldPerson } from '../testing/world.js';
import { type WrittenRecord, writtenRecord } from '../testing/written-record.js';

type Zip = Record<string, Uint8Array>;

/**
 * The record leaving and entering the system over real HTTP (S10, S15, S24): the printed record for the apprentice
 * and their trainers, the portable record for the apprentice alone, its import into another installation where the
 * approvals still verify, the public check of a Prüfcode, and the deletion after the end and after an export.
 */
describe.each(testDatabases())('records over HTTP on $name', (target) => {
  let database: Database;
  let app: ServedApp;
  let world: World;
  let written: WrittenRecord;

  beforeAll(async () => {
    database = await target.open();
    app = await serveApp(database, { rateLimits: null });
    world = await createWorld(database, { issuer: app.issuer.issuer });
    written = await writtenRecord(database, world);
  });
  afterAll(async () => {
    await app?.close();
    await target.close();
  });

  async function get(served: ServedApp, person: WorldPerson, path: string) {
    return fetch(`${served.url}${path}`, {
      headers: { authorization: `Bearer ${await served.tokenFor(person.identity.subject)}` },
    });
  }
  const recordPath = (inWorld: World, action: string, companyId = inWorld.companyId) =>
    `/records/${inWorld.apprenticeshipId}/${action}?companyId=${companyId}`;

  async function exportZip(served: ServedApp, inWorld: World): Promise<Zip> {
    const response = await get(served, inWorld.apprentice, recordPath(inWorld, 'export'));
    expect(response.status).toBe(200);
    return unzipSync(new Uint8Array(await response.arrayBuffer()));
  }
  const recordOf = (zip: Zip): PortableRecord =>
    portableRecordSchema.parse(
      JSON.parse(strFromU8(zip[RECORD_FORMAT.documentPath] as Uint8Array)),
    );

  async function importZip(served: ServedApp, inWorld: World, bytes: Uint8Array) {
    return fetch(`${served.url}${recordPath(inWorld, 'import')}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await served.tokenFor(inWorld.apprentice.identity.subject)}`,
        'content-type': 'application/zip',
      },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
  }

  async function verify(served: ServedApp, code: string) {
    const response = await fetch(`${served.url}/verify?code=${encodeURIComponent(code)}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  async function codesOf(inWorld: World): Promise<string[]> {
    const rows = await rowsOf<{ code: string }>(
      database.db,
      sql`select a.verification_code as code from approvals a join report_weeks w on w.id = a.week_id
          where w.apprenticeship_id = ${inWorld.apprenticeshipId} order by w.iso_year, w.iso_week`,
    );
    return rows.map((row) => row.code);
  }

  it('prints the record as a PDF for the apprentice and the trainers, with every week and its Prüfcode', async () => {
    const response = await get(app, world.apprentice, recordPath(world, 'pdf'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.document.numPages).toBeGreaterThanOrEqual(4);
    expect(pdf.text).toContain('Büro für Maßnahmen');
    expect(pdf.text).toContain('Nachweis Nr. 11 – KW 41/2025');
    for (const code of await codesOf(world))
      expect(pdf.text).toContain(formatVerificationCode(code));
    expect(pdf.text).toContain('Nicht abgezeichnet');

    for (const reviewer of [world.trainer, world.delegate]) {
      expect((await get(app, reviewer, recordPath(world, 'pdf'))).status).toBe(200);
    }
  });

  it('prints a period of the record only, and refuses a period it cannot read', async () => {
    const response = await get(
      app,
      world.apprentice,
      `${recordPath(world, 'pdf')}&from=2025-W42&to=2025-W42`,
    );
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.text).toContain('KW 42/2025');
    expect(pdf.text).not.toContain('KW 41/2025');
    const bad = await get(app, world.apprentice, `${recordPath(world, 'pdf')}&from=2025-W60`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { reason: 'invalid_input' } });
  });

  it('shows a record to nobody outside the apprenticeship, and the portable record to its apprentice alone (S10)', async () => {
    const outsiders: [WorldPerson, string, number, string][] = [
      [world.unassignedTrainer, world.companyId, 404, 'apprenticeship_not_found'],
      [world.admin, world.companyId, 404, 'apprenticeship_not_found'],
      [world.otherApprentice, world.companyId, 404, 'company_not_found'],
      [world.otherAdmin, world.otherCompanyId, 404, 'apprenticeship_not_found'],
    ];
    for (const action of ['pdf', 'export']) {
      for (const [person, companyId, status, reason] of outsiders) {
        const response = await get(app, person, recordPath(world, action, companyId));
        expect([action, person.identity.subject, response.status]).toEqual([
          action,
          person.identity.subject,
          status,
        ]);
        expect(await response.json()).toMatchObject({ error: { reason } });
      }
    }
    const byTrainer = await get(app, world.trainer, recordPath(world, 'export'));
    expect(byTrainer.status).toBe(403);
    expect(await byTrainer.json()).toMatchObject({
      error: { reason: 'only_apprentice_exports_record' },
    });
    const anonymous = await fetch(`${app.url}${recordPath(world, 'pdf')}`);
    expect(anonymous.status).toBe(401);
  });

  it('exports everything of the apprenticeship as a ZIP with its schema, and nothing of anyone else', async () => {
    const zip = await exportZip(app, world);
    const record = recordOf(zip);
    expect(record.weeks.map((week) => [week.isoWeek, week.status])).toEqual([
      [41, 'approved'],
      [42, 'approved'],
      [43, 'draft'],
    ]);
    expect(record.weeks[0]?.approvals[0]?.verificationCode).toBe((await codesOf(world))[0]);
    expect(record.weeks[0]?.attachments.map((file) => file.fileName)).toEqual(['Arbeitsblatt.pdf']);
    const messages = record.dialogue.flatMap((thread) => thread.messages);
    expect(messages.map((message) => message.text)).toEqual([
      'Hier ist mein Übungsblatt.',
      'Danke, sieht gut aus.',
    ]);
    const files = Object.keys(zip).filter((path) => path.startsWith('files/'));
    expect(files).toHaveLength(2);
    expect(zip['record.schema.json']).toBeDefined();
    const everything = Object.values(zip)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect(everything).not.toContain(world.otherApprentice.identity.displayName);
    expect(everything).not.toContain(world.otherApprenticeshipId);
  });

  it('verifies every printed Prüfcode publicly, and no code made up for other content', async () => {
    for (const code of await codesOf(world)) {
      const result = await verify(app, formatVerificationCode(code).toLowerCase());
      expect(result).toMatchObject({
        status: 'approved',
        approvedBy: world.trainer.identity.displayName,
        approverRole: 'trainer',
        contentMatches: true,
      });
    }
    const [madeUp] = await rowsOf<{ code: string }>(
      database.db,
      sql`select bh_verification_code(a.id, repeat('0', 64)) as code from approvals a
          join report_weeks w on w.id = a.week_id where w.apprenticeship_id = ${world.apprenticeshipId} limit 1`,
    );
    expect(await verify(app, madeUp?.code ?? '')).toEqual({ status: 'unknown' });
    expect(await verify(app, 'not a code')).toEqual({ status: 'invalid' });

    const page = await fetch(
      `${app.url}/verify?code=${encodeURIComponent('<script>alert(1)</script>')}`,
    );
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('says when a week no longer holds what was signed', async () => {
    const changed = await createWorld(database, { issuer: app.issuer.issuer });
    await writtenRecord(database, changed);
    const [code] = await codesOf(changed);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('bh.maintenance', 'on', true)`);
      await tx.execute(
        sql`update entries set text = 'nachträglich geändert' where day_id in (select d.id from days d
            join report_weeks w on w.id = d.week_id where w.apprenticeship_id = ${changed.apprenticeshipId}
            and w.iso_week = 41)`,
      );
    });
    expect(await verify(app, code ?? '')).toMatchObject({
      status: 'approved',
      contentMatches: false,
    });
  });

  describe('import into another installation', () => {
    let other: Database;
    let otherApp: ServedApp;

    beforeAll(async () => {
      other = await openDatabase({});
      otherApp = await serveApp(other, { rateLimits: null });
    });
    afterAll(async () => {
      await otherApp?.close();
      await other?.close();
    });

    it('reproduces the record there, and its printed codes still verify', async () => {
      const exported = await exportZip(app, world);
      const newcomer = await createWorld(other, { issuer: otherApp.issuer.issuer });
      const response = await importZip(otherApp, newcomer, zipSync(exported));
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({
        imported: { weeks: 3, approvals: 2, files: 2, messages: 2 },
      });
      for (const code of await codesOf(world)) {
        const there = await verify(otherApp, code);
        expect(there).toMatchObject({ status: 'approved', contentMatches: true });
        // Vouched for as imported, never as given there.
        expect(Date.parse(there.importedAt)).toBeGreaterThan(0);
        expect(await verify(app, code)).toMatchObject({ importedAt: null });
      }
      const [firstCode] = await codesOf(world);
      const page = await fetch(`${otherApp.url}/verify?code=${firstCode}`);
      expect(await page.text()).toContain('nicht hier erteilt');
      const original = recordOf(exported);
      const again = recordOf(await exportZip(otherApp, newcomer));
      const comparable = (record: PortableRecord) =>
        record.weeks.map(
          ({ days, department, status, version, approvals, history, attachments }) => ({
            days,
            department,
            status,
            version,
            approvals: approvals.map(({ importedAt: _, ...approval }) => approval),
            // The apprentice is whoever holds the apprenticeship here; everyone else keeps their login.
            history: history.map(({ actor, ...step }) => ({
              ...step,
              actor: actor.subject === record.apprentice.subject ? 'apprentice' : actor,
            })),
            attachments,
          }),
        );
      expect(comparable(again)).toEqual(comparable(original));
      expect(
        again.dialogue.flatMap((thread) => thread.messages.map((message) => message.text)),
      ).toEqual(['Hier ist mein Übungsblatt.', 'Danke, sieht gut aus.']);

      const twice = await importZip(otherApp, newcomer, zipSync(exported));
      expect(twice.status).toBe(409);
      expect(await twice.json()).toMatchObject({
        error: { reason: 'record_weeks_exist', weeks: ['KW 41/2025', 'KW 42/2025', 'KW 43/2025'] },
      });
    });

    it('refuses a changed file and names what was changed, importing nothing', async () => {
      const exported = await exportZip(app, world);
      const newcomer = await createWorld(other, { issuer: otherApp.issuer.issuer });
      const record = recordOf(exported);
      const firstEntry = record.weeks[1]?.days[0]?.entries[0];
      if (!firstEntry) throw new Error('No entry to change');
      firstEntry.text = 'Mehr gearbeitet als abgezeichnet';
      const changedText = {
        ...exported,
        [RECORD_FORMAT.documentPath]: strToU8(JSON.stringify(record)),
      };
      const refused = await importZip(otherApp, newcomer, zipSync(changedText));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: { reason: 'record_tampered', weeks: ['KW 42/2025'], files: [] },
      });

      const fileName = Object.keys(exported).find((path) => path.startsWith('files/')) ?? '';
      const changedFile = { ...exported, [fileName]: strToU8('%PDF-1.7\nanderes Blatt\n%%EOF') };
      const refusedFile = await importZip(otherApp, newcomer, zipSync(changedFile));
      expect(await refusedFile.json()).toMatchObject({
        error: { reason: 'record_tampered', files: [fileName] },
      });

      for (const broken of [
        strToU8('not a zip'),
        zipSync({ 'record.json': strToU8('{"format":"other"}') }),
      ]) {
        const response = await importZip(otherApp, newcomer, broken);
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: { reason: 'record_invalid' } });
      }
      const [weeks] = await rowsOf<{ n: number }>(
        other.db,
        sql`select count(*)::int as n from report_weeks where apprenticeship_id = ${newcomer.apprenticeshipId}`,
      );
      expect(weeks?.n).toBe(0);
    });
  });

  it('takes a record into the installation it came from only once', async () => {
    const exported = await exportZip(app, world);
    const again = await createWorld(database, { issuer: app.issuer.issuer });
    const refused = await importZip(app, again, zipSync(exported));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { reason: 'record_weeks_exist', weeks: ['KW 41/2025', 'KW 42/2025'] },
    });
  });

  it('deletes a record only after the apprenticeship ended and after an export, and then every row and file of it', async () => {
    const leaving = await createWorld(database, { issuer: app.issuer.issuer });
    await writtenRecord(database, leaving);
    const remove = (person: WorldPerson) =>
      callerFor(database, person.identity).records.delete({
        companyId: leaving.companyId,
        apprenticeshipId: leaving.apprenticeshipId,
      });
    const refusalOf = async (person: WorldPerson) => {
      const error = await rejection(remove(person));
      return [error.code, error.message];
    };

    expect(await refusalOf(leaving.apprentice)).toEqual(['CONFLICT', 'record_not_ended']);
    await database.db.execute(
      sql`update apprenticeships set end_date = '2025-12-31' where id = ${leaving.apprenticeshipId}`,
    );
    expect(await refusalOf(leaving.apprentice)).toEqual(['CONFLICT', 'record_not_exported']);
    expect(await refusalOf(leaving.trainer)).toEqual([
      'FORBIDDEN',
      'only_apprentice_exports_record',
    ]);

    await exportZip(app, leaving);
    expect(await remove(leaving.apprentice)).toEqual({ weeks: 3, files: 2 });

    const [left] = await rowsOf<Record<string, number>>(
      database.db,
      sql`select
            (select count(*)::int from apprenticeships where id = ${leaving.apprenticeshipId}) as apprenticeships,
            (select count(*)::int from report_weeks where apprenticeship_id = ${leaving.apprenticeshipId}) as weeks,
            (select count(*)::int from attachments where company_id = ${leaving.companyId}) as attachments,
            (select count(*)::int from threads where apprenticeship_id = ${leaving.apprenticeshipId}) as threads,
            (select count(*)::int from message_files where company_id = ${leaving.companyId}) as message_files,
            (select count(*)::int from people where id = ${leaving.apprentice.id}) as apprentice,
            (select count(*)::int from memberships where person_id = ${leaving.apprentice.id}) as memberships,
            (select count(*)::int from approvals a where not exists (select 1 from report_weeks w where w.id = a.week_id)) as orphans`,
    );
    expect(left).toEqual({
      apprenticeships: 0,
      weeks: 0,
      attachments: 0,
      threads: 0,
      message_files: 0,
      apprentice: 0,
      memberships: 0,
      orphans: 0,
    });
    const audit = await rowsOf<{ kind: string; detail: string }>(
      database.db,
      sql`select kind, detail from record_events where apprenticeship_id = ${leaving.apprenticeshipId} order by at`,
    );
    expect(audit.map((event) => event.kind)).toEqual(['record_export', 'record_deletion']);
    expect(audit[1]?.detail).toBe('3 weeks, 2 files');
    // Another apprentice's record is untouched.
    expect((await exportZip(app, world)) && (await codesOf(world))).toHaveLength(2);
    expect(written.approved).toHaveLength(2);
  });
});
