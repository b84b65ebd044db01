import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/raw-rows.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp } from '../testing/http-app.js';
import { createWorld, type World, type WorldPerson } from '../testing/world.js';
import { contentDisposition } from './downloads.js';

const MAX_FILE_BYTES = 64 * 1024;
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);
const html = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
const svg = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

/**
 * S20–S22 for the files of dialogue messages, over real HTTP: sizes bounded while reading, types by content, safe
 * downloads, and only the participants of the message's thread (or, before sending, the uploader) ever read a file.
 */
describe.each(testDatabases())('message files over HTTP on $name', (target) => {
  let database: Database;
  let app: ServedApp;
  let world: World;

  beforeAll(async () => {
    database = await target.open();
    app = await serveApp(database, { rateLimits: null, maxFileBytes: MAX_FILE_BYTES });
    world = await createWorld(database, { issuer: app.issuer.issuer });
  });
  afterAll(async () => {
    await app?.close();
    await target.close();
  });

  const tokenOf = (person: WorldPerson) => app.tokenFor(person.identity.subject);
  const fileCount = async () =>
    (
      await rowsOf<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from message_files where company_id = ${world.companyId}`,
      )
    )[0]?.n ?? 0;

  async function upload(
    person: WorldPerson,
    name: string,
    bytes: Uint8Array,
    companyId = world.companyId,
  ) {
    return fetch(`${app.url}/dialogue/files?companyId=${companyId}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenOf(person)}`,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
  }

  async function download(person: WorldPerson, fileId: string, companyId = world.companyId) {
    return fetch(`${app.url}/dialogue/files/${fileId}?companyId=${companyId}`, {
      headers: { authorization: `Bearer ${await tokenOf(person)}` },
    });
  }

  async function post(person: WorldPerson, body: string, attachmentIds: string[]) {
    const response = await app.mutation('dialogue.post', await tokenOf(person), {
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      body,
      clientKey: randomUUID(),
      attachmentIds,
    });
    const json = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    return { status: response.status, json };
  }

  const reasonOf = async (response: Response) =>
    ((await response.json()) as { error: { reason: string } }).error.reason;

  it('stores a PDF, attaches it to a message and serves it to the thread with safe headers (S22)', async () => {
    const uploaded = await upload(
      world.apprentice,
      'Berufsschule Übersicht.pdf',
      pdf('Lernfeld 5'),
    );
    expect(uploaded.status).toBe(201);
    const { file } = (await uploaded.json()) as { file: { id: string } };
    expect(file).toMatchObject({
      fileName: 'Berufsschule Übersicht.pdf',
      mediaType: 'application/pdf',
    });

    // Not sent yet: the uploader's alone.
    expect((await download(world.trainer, file.id)).status).toBe(404);
    expect((await download(world.apprentice, file.id)).status).toBe(200);

    const sent = await post(world.apprentice, 'Der Stundenplan', [file.id]);
    expect(sent.status).toBe(200);
    const message = superjson.deserialize(sent.json.result?.data as never) as {
      attachments: { id: string }[];
    };
    expect(message.attachments.map((attachment) => attachment.id)).toEqual([file.id]);

    const served = await download(world.trainer, file.id);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(pdf('Lernfeld 5'));
    expect(Object.fromEntries(served.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': contentDisposition('Berufsschule Übersicht.pdf'),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': 'no-store',
    });
    expect(served.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Berufsschule%20%C3%9Cbersicht.pdf",
    );

    for (const outsider of [world.unassignedTrainer, world.admin]) {
      const refused = await download(outsider, file.id);
      expect([refused.status, await reasonOf(refused)]).toEqual([404, 'file_not_found']);
    }
    const foreign = await download(world.otherAdmin, file.id, world.otherCompanyId);
    expect(foreign.status).toBe(404);
    const asNonMember = await download(world.otherAdmin, file.id);
    expect([asNonMember.status, await reasonOf(asNonMember)]).toEqual([404, 'company_not_found']);
  });

  it('refuses renamed HTML, SVG with script and over-size files, and stores none of them (S20, S21)', async () => {
    const before = await fileCount();
    for (const [name, bytes] of [
      ['Nachweis.pdf', html],
      ['Bild.png', svg],
    ] as const) {
      const refused = await upload(world.apprentice, name, bytes);
      expect([refused.status, await reasonOf(refused)]).toEqual([415, 'file_type_not_allowed']);
    }
    const large = new Uint8Array(MAX_FILE_BYTES + 1);
    large.set(pdf('x'));
    const tooLarge = await upload(world.apprentice, 'Groß.pdf', large);
    expect([tooLarge.status, await reasonOf(tooLarge)]).toEqual([413, 'file_too_large']);
    const nameless = await upload(world.apprentice, '../', pdf('x'));
    expect([nameless.status, await reasonOf(nameless)]).toEqual([400, 'file_name_invalid']);
    expect(await fileCount()).toBe(before);
  });

  it("refuses a message with someone else's file, and sends nothing", async () => {
    const uploaded = await upload(world.trainer, 'Plan.pdf', pdf('Plan'));
    const { file } = (await uploaded.json()) as { file: { id: string } };
    const refused = await post(world.apprentice, 'Mit fremder Datei', [file.id]);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.json)).toContain('file_not_found');
    const messages = await rowsOf(
      database.db,
      sql`select 1 from messages where body = 'Mit fremder Datei'`,
    );
    expect(messages).toEqual([]);
  });

  it('removes a deleted message’s files', async () => {
    const uploaded = await upload(world.apprentice, 'Foto.pdf', pdf('Foto'));
    const { file } = (await uploaded.json()) as { file: { id: string } };
    const sent = await post(world.apprentice, 'Gleich wieder weg', [file.id]);
    const message = superjson.deserialize(sent.json.result?.data as never) as { id: string };
    const deleted = await app.mutation('dialogue.delete', await tokenOf(world.apprentice), {
      companyId: world.companyId,
      messageId: message.id,
    });
    expect(deleted.status).toBe(200);
    expect((await download(world.apprentice, file.id)).status).toBe(404);
    const left = await rowsOf(database.db, sql`select 1 from message_files where id = ${file.id}`);
    expect(left).toEqual([]);
  });

  it('asks for a token, and answers other methods with 405', async () => {
    const anonymous = await fetch(`${app.url}/dialogue/files?companyId=${world.companyId}`, {
      method: 'POST',
      body: pdf('x') as Uint8Array<ArrayBuffer>,
    });
    expect([anonymous.status, await reasonOf(anonymous)]).toEqual([401, 'authentication_required']);
    const wrong = await fetch(`${app.url}/dialogue/files`, { method: 'GET' });
    expect(wrong.status).toBe(405);
  });
});
