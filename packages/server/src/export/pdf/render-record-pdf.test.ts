import {
  addDays,
  formatVerificationCode,
  isoWeekOf,
  type PrintableRecord,
  type RecordWeek,
  trainingYearOf,
  VERIFICATION_CODE,
  type WeekStatus,
} from '@berichtsheft/core';
import type * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../testing/pdf-text.js';
import { nodeFonts } from './node-fonts.js';
import { renderRecordPdf } from './render-record-pdf.js';

const UMLAUTS = 'Prüfung der Maßnahmen für Gerätesicherheit – Überblick';
const SCHOOL_TOPIC = 'Lernfeld-Thema: Größen, Einheiten und Schaltungen';
const LONG_TEXT =
  'Wartung der Förderanlage in Halle 3: Sichtprüfung aller Antriebe, Austausch verschlissener Keilriemen, ' +
  'Schmierung der Lager nach Wartungsplan, Dokumentation der Messwerte im Instandhaltungssystem und Übergabe ' +
  'an die Frühschicht mit kurzer Einweisung in die geänderten Sicherheitsabstände.';
const START = '2024-08-05';
const WEEKS = 156;
/** A week whose first entry fills most of a page, so the week runs onto a second one. */
const HUGE_WEEK = 20;
/** A week with an entry taller than a page, which has to be split between pages. */
const TALL_WEEK = 21;
const verificationUrl = (code: string) => `https://berichtsheft.example.de/pruefen/${code}`;

/** A code of the stored form; the database derives real ones, the renderer only prints them. */
function codeOf(index: number): string {
  const { alphabet, length } = VERIFICATION_CODE;
  return Array.from({ length }, (_, at) => alphabet[(index * 7 + at * 13) % alphabet.length]).join(
    '',
  );
}

function statusOf(index: number): WeekStatus {
  if (index >= WEEKS - 6) return 'draft';
  if (index >= WEEKS - 9) return 'submitted';
  if (index === WEEKS - 10) return 'returned';
  return 'approved';
}

function buildWeek(index: number): RecordWeek {
  const monday = addDays(START, 7 * index);
  const status = statusOf(index);
  const days = Array.from({ length: 5 }, (_, day) => {
    const date = addDays(monday, day);
    if (index % 10 === 4 && day === 4)
      return { date, attendance: 'vacation' as const, entries: [] };
    const school = day >= 2 && day <= 3;
    let text = day === 0 ? UMLAUTS : `Montage und Prüfung von Baugruppen, Tag ${day + 1}`;
    if (index % 7 === 3 && day === 1) text = LONG_TEXT;
    if (index === HUGE_WEEK && day === 0)
      text = Array.from({ length: 12 }, () => LONG_TEXT).join(' ');
    if (index === TALL_WEEK && day === 0) {
      text = Array.from({ length: 100 }, (_, line) => `Messpunkt ${line + 1}: in Ordnung`).join(
        '\n',
      );
    }
    return {
      date,
      attendance: school ? ('school' as const) : ('company' as const),
      entries: [
        {
          kind: 'company_work' as const,
          form: 'free_text' as const,
          text,
          minutes: 330,
          lernfeld: null,
          rahmenplanRefs: day === 1 ? ['A 1.2', 'B 3.4'] : [],
        },
        {
          kind: school ? ('school' as const) : ('company_instruction' as const),
          form: day === 3 ? ('bullets' as const) : ('free_text' as const),
          text: day === 3 ? '- Ohmsches Gesetz\n- Reihen- und Parallelschaltung' : SCHOOL_TOPIC,
          minutes: 132,
          lernfeld: school ? 'LF 3' : null,
          rahmenplanRefs: [],
        },
      ],
    };
  });
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  const contentHash = index.toString(16).padStart(64, '0');
  const approvedAt = `${addDays(monday, 4)}T14:30:00.000Z`;
  return {
    ...isoWeekOf(monday),
    reportNumber: index + 1,
    trainingYear: trainingYearOf('2024-08-01', monday),
    department: index < 52 ? 'Instandhaltung' : 'Fertigung & Montage',
    status,
    version: 1,
    returnReason: status === 'returned' ? 'Bitte Dauer prüfen.' : null,
    submittedAt: status === 'draft' ? null : `${addDays(monday, 4)}T12:00:00.000Z`,
    approvedAt: status === 'approved' ? approvedAt : null,
    days,
    attachments:
      index === 0
        ? [
            {
              fileName: 'Schaltplan_Übersicht.pdf',
              mediaType: 'application/pdf',
              sizeBytes: 1200,
              sha256: 'a'.repeat(64),
            },
          ]
        : [],
    approvals:
      status === 'approved'
        ? [
            {
              id,
              version: 1,
              contentHash,
              verificationCode: codeOf(index),
              approvedAt,
              approver: {
                issuer: 'https://login.example.de',
                subject: 't-1',
                displayName: 'Erika Mustermann',
              },
              approverRole: 'trainer',
              // The second week came in with a record imported from another system.
              importedAt: index === 1 ? '2026-09-01T08:00:00.000Z' : null,
            },
          ]
        : [],
    history: [],
  };
}

function buildRecord(): PrintableRecord {
  return {
    format: 'berichtsheft-record',
    version: 1,
    exportedAt: '2027-08-02T08:00:00.000Z',
    apprentice: {
      issuer: 'https://login.example.de',
      subject: 'a-1',
      displayName: 'Zoë Yılmaz',
      email: null,
    },
    company: {
      name: 'Müller & Söhne Anlagenbau GmbH',
      identNumber: '1234567890',
      chamber: { name: 'IHK Köln', chamberNumber: '101' },
    },
    apprenticeship: {
      occupation: 'Mechatroniker/-in',
      startDate: '2024-08-01',
      endDate: '2027-07-31',
      identNumber: 'AZ-2024-0042',
      reportFormat: 'daily',
    },
    trainers: [
      {
        person: {
          issuer: 'https://login.example.de',
          subject: 't-1',
          displayName: 'Erika Mustermann',
        },
        role: 'trainer',
        identNumber: 'AB-778',
        assignedAt: '2024-07-15T08:00:00.000Z',
        revokedAt: null,
      },
      {
        person: { issuer: 'https://login.example.de', subject: 't-2', displayName: 'Jörg Weiß' },
        role: 'delegate',
        identNumber: null,
        assignedAt: '2024-09-01T08:00:00.000Z',
        revokedAt: '2026-01-31T17:00:00.000Z',
      },
    ],
    weeks: Array.from({ length: WEEKS }, (_, index) => buildWeek(index)),
  };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    chunks.push(read.value);
  return new Uint8Array(Buffer.concat(chunks));
}

interface StructNode {
  role: string;
  alt?: string;
  children?: unknown[];
}

/** Every element of a page's structure tree, depth first. */
function elements(node: StructNode, into: StructNode[] = []): StructNode[] {
  into.push(node);
  for (const child of node.children ?? []) {
    if (child && typeof child === 'object' && 'role' in child) elements(child as StructNode, into);
  }
  return into;
}

async function rolesOfPage(pdf: pdfjs.PDFDocumentProxy, number: number): Promise<string[]> {
  return elements(await (await pdf.getPage(number)).getStructTree()).map((node) => node.role);
}

function minutesOfWeek(week: RecordWeek): number {
  return week.days.flatMap((day) => day.entries).reduce((sum, entry) => sum + entry.minutes, 0);
}

describe('renderRecordPdf', () => {
  let record: PrintableRecord;
  let bytes: Uint8Array;
  let pdf: pdfjs.PDFDocumentProxy;
  let pageTexts: string[];
  let text: string;

  beforeAll(async () => {
    record = buildRecord();
    bytes = await collect(renderRecordPdf(record, { verificationUrl, fonts: await nodeFonts() }));
    const read = await readPdf(bytes);
    pdf = read.document;
    pageTexts = read.pages;
    text = read.text;
  });

  it('puts the cover and every week on pages of their own', () => {
    expect(pdf.numPages).toBeGreaterThan(WEEKS + 1);
    expect(text).toContain('Nachweis Nr. 1 – KW 32/2024');
    expect(text).toContain(`Nachweis Nr. ${WEEKS} –`);
    expect(text).toContain(`Nachweis Nr. ${HUGE_WEEK + 1} – KW 52/2024 (Fortsetzung)`);
    const tall = pageTexts.filter((page) =>
      page.includes(`Nachweis Nr. ${TALL_WEEK + 1} – KW 1/2025`),
    );
    expect(tall.length).toBeGreaterThanOrEqual(2);
    expect(tall[0]).toContain('Messpunkt 1: in Ordnung');
    expect(tall[0]).not.toContain('Messpunkt 100: in Ordnung');
    expect(tall[1]).toMatch(/^Nachweis Nr\. 22 – KW 1\/2025 \(Fortsetzung\)\n/);
    expect(tall[1]).toContain('Messpunkt 100: in Ordnung');
    expect(text).toContain('Zoë Yılmaz · Ausbildungsnachweis · Seite 1');
  });

  it('prints text with umlauts, ß and characters beyond Latin-1 exactly', () => {
    expect(text).toContain(UMLAUTS);
    expect(text).toContain(SCHOOL_TOPIC);
    expect(text).toContain('Zoë Yılmaz');
    expect(text).toContain('Müller & Söhne Anlagenbau GmbH');
    expect(text).toContain('Schaltplan_Übersicht.pdf');
  });

  it('prints the cover sheet', () => {
    expect(text).toContain('Ausbildungszeitraum');
    expect(text).toContain('01.08.2024 – 31.07.2027');
    expect(text).toContain('Ausbildungsbeauftragte/r');
    expect(text).toContain('AB-778');
    expect(text).toContain(`${WEEKS} Wochen erfasst, davon ${WEEKS - 10} abgezeichnet.`);
  });

  it('prints each week with its days, totals and approval', () => {
    const first = record.weeks[0] as RecordWeek;
    expect(minutesOfWeek(first)).toBe(38 * 60 + 30);
    expect(text).toContain('Summe der Woche: 38:30');
    expect(text).toContain(`Summe der Woche: 30:48`);
    expect(text).toContain('Zeitraum');
    expect(text).toContain('05.08.2024 – 11.08.2024');
    expect(text).toContain('Mo 05.08.');
    expect(text).toContain('Urlaub');
    expect(text).toContain('• Ohmsches Gesetz');
    expect(text).toContain('Ausbildungsrahmenplan: A 1.2, B 3.4');
    const approval = first.approvals[0];
    if (!approval) throw new Error('week 1 is approved');
    expect(text).toContain(`Prüfcode: ${formatVerificationCode(approval.verificationCode)}`);
    expect(text).toContain(
      'Abgezeichnet von Erika Mustermann (Ausbilder/in) am 09.08.2024, 16:30 Uhr',
    );
    expect(text).toContain(`Prüfen unter: ${verificationUrl(approval.verificationCode)}`);
    expect(text).toContain('Nicht abgezeichnet – Status: Entwurf');
    expect(text).toContain('Nicht abgezeichnet – Status: Zur Überarbeitung');
  });

  it('wraps text longer than a line', () => {
    expect(text).not.toContain(LONG_TEXT);
    expect(text.replace(/\n/g, ' ')).toContain(LONG_TEXT);
  });

  it('is a tagged PDF with language, title and a structure tree', async () => {
    expect((await pdf.getMarkInfo())?.Marked).toBe(true);
    // pdf.js types the viewer preferences as a bare Object; they are a dictionary of the catalog's entries.
    const preferences = (await pdf.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
    expect(preferences?.DisplayDocTitle).toBe(true);
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    expect(info.Language).toBe('de-DE');
    expect(info.Title).toBe('Ausbildungsnachweis – Zoë Yılmaz');
    expect(info.Creator).toBe('Berichtsheft');
    const raw = new TextDecoder('latin1').decode(bytes);
    expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');

    const cover = await rolesOfPage(pdf, 1);
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'Table', 'TR', 'TH', 'TD', 'P']) {
      expect(cover).toContain(role);
    }
    const week = await rolesOfPage(pdf, 2);
    for (const role of ['Sect', 'H2', 'H3', 'Table', 'TR', 'TH', 'TD', 'P', 'L', 'LI', 'Figure']) {
      expect(week).toContain(role);
    }
    const code = formatVerificationCode(record.weeks[0]?.approvals[0]?.verificationCode ?? '');
    const figures = elements(await (await pdf.getPage(2)).getStructTree()).filter(
      (node) => node.role === 'Figure',
    );
    expect(figures.map((node) => node.alt)).toEqual([`QR-Code zum Prüfcode ${code}`]);
  });

  it('keeps the metadata well-formed whatever the title holds', async () => {
    const title = 'Nachweis <Entwurf> für A & B';
    const empty = { ...record, weeks: [] };
    const data = await collect(
      renderRecordPdf(empty, { verificationUrl, title, fonts: await nodeFonts() }),
    );
    const { document, text } = await readPdf(data);
    const { info, metadata } = await document.getMetadata();
    expect((info as Record<string, unknown>).Title).toBe('Nachweis ‹Entwurf› für A ＆ B');
    expect(metadata?.get('dc:title')).toBe('Nachweis ‹Entwurf› für A ＆ B');
    expect(document.numPages).toBe(1);
    expect(text).toContain('0 Wochen erfasst, davon 0 abgezeichnet.');
  });

  it('says of an imported approval that it was not given here', () => {
    expect(text).toContain('Eingelesen am 01.09.2026, 10:00 Uhr aus einem anderen System');
    expect(text.match(/Eingelesen am/g)).toHaveLength(1);
  });

  it('stops rendering when the reader cancels', async () => {
    // The renderer asks for the address of each approved week it prints: a way to watch it work.
    let rendered = 0;
    const counting = (code: string) => {
      rendered++;
      return verificationUrl(code);
    };
    const reader = renderRecordPdf(record, {
      verificationUrl: counting,
      fonts: await nodeFonts(),
    }).getReader();
    for (let read = 0; read < 4; read++) expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await expect(reader.closed).resolves.toBeUndefined();
    const atCancel = rendered;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rendered).toBe(atCancel);
    expect(rendered).toBeLessThan(10);
  });
});
