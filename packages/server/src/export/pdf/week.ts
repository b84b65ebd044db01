import {
  addDays,
  ENTRY_KINDS,
  type EntryKind,
  formatVerificationCode,
  isAbsence,
  minutesOfDay,
  mondayOf,
  type PrintableRecord,
  type RecordApproval,
  type RecordWeek,
} from '@berichtsheft/core';
import {
  ATTENDANCE_LABELS,
  ENTRY_SECTIONS,
  formatDate,
  formatDay,
  formatInstant,
  formatMinutes,
  ROLE_LABELS,
  STATUS_LABELS,
} from './labels.js';
import { type Layout, STYLE } from './layout.js';
import type { StructElement } from './pdfkit-types.js';
import { drawQrCode } from './qr.js';
import { type Column, drawTable } from './table.js';
import { BULLET } from './wrap.js';

const QR_SIZE = 60;
/** What a heading needs below it so that it does not stand alone at the foot of a page. */
const HEADING_KEEP = 40;

type RecordEntry = RecordWeek['days'][number]['entries'][number];

function weekTitle(week: RecordWeek): string {
  return `Nachweis Nr. ${week.reportNumber} – KW ${week.isoWeek}/${week.isoYear}`;
}

function entryText(entry: RecordEntry): string {
  const text =
    entry.form === 'bullets'
      ? entry.text
          .split('\n')
          .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
          .filter((line) => line.length > 0)
          .map((line) => `${BULLET}${line}`)
          .join('\n')
      : entry.text;
  return entry.rahmenplanRefs.length > 0
    ? `${text}\nAusbildungsrahmenplan: ${entry.rahmenplanRefs.join(', ')}`
    : text;
}

function entriesSection(
  layout: Layout,
  section: StructElement,
  week: RecordWeek,
  kind: EntryKind,
): void {
  const { title, textColumn } = ENTRY_SECTIONS[kind];
  layout.space(12);
  layout.text(section, 'H3', title, STYLE.h3, { keepWithNext: HEADING_KEEP });
  layout.space(4);
  const rows = week.days.flatMap((day) =>
    day.entries
      .filter((entry) => entry.kind === kind)
      .map((entry) => {
        const row = [formatDay(day.date), entryText(entry), formatMinutes(entry.minutes)];
        if (kind === 'school') row.splice(2, 0, entry.lernfeld ?? '–');
        return row;
      }),
  );
  if (rows.length === 0) {
    layout.text(section, 'P', 'Keine Einträge.', STYLE.body);
    return;
  }
  const columns: Column[] = [
    { header: 'Tag', width: 62 },
    { header: textColumn },
    { header: 'Dauer', width: 44, align: 'right' },
  ];
  if (kind === 'school') columns.splice(2, 0, { header: 'Lernfeld', width: 90 });
  drawTable(layout, section, columns, rows, { columnHeaders: true });
}

function daysSection(layout: Layout, section: StructElement, week: RecordWeek): void {
  layout.space(12);
  layout.text(section, 'H3', 'Anwesenheit und Tagessummen', STYLE.h3, {
    keepWithNext: HEADING_KEEP,
  });
  layout.space(4);
  drawTable(
    layout,
    section,
    [
      { header: 'Tag', width: 62 },
      { header: 'Lernort / Abwesenheit' },
      { header: 'Dauer', width: 44, align: 'right' },
    ],
    week.days.map((day) => [
      formatDay(day.date),
      ATTENDANCE_LABELS[day.attendance],
      isAbsence(day.attendance) ? '–' : formatMinutes(minutesOfDay(day)),
    ]),
    { columnHeaders: true },
  );
  const total = week.days.reduce((sum, day) => sum + minutesOfDay(day), 0);
  layout.space(6);
  layout.text(section, 'P', `Summe der Woche: ${formatMinutes(total)}`, STYLE.strong);
}

/** The approval in force: the one of the latest version, the latest one among equals. */
function latestApproval(approvals: readonly RecordApproval[]): RecordApproval | null {
  let latest: RecordApproval | null = null;
  for (const approval of approvals) {
    if (
      !latest ||
      approval.version > latest.version ||
      (approval.version === latest.version &&
        Date.parse(approval.approvedAt) > Date.parse(latest.approvedAt))
    ) {
      latest = approval;
    }
  }
  return latest;
}

function approvalSection(
  layout: Layout,
  section: StructElement,
  week: RecordWeek,
  verificationUrl: (code: string) => string,
): void {
  const approval = latestApproval(week.approvals);
  layout.space(14);
  layout.text(section, 'H3', 'Abzeichnung', STYLE.h3, {
    keepWithNext: approval ? QR_SIZE : HEADING_KEEP,
  });
  layout.space(4);
  if (!approval) {
    const text = `Nicht abgezeichnet – Status: ${STATUS_LABELS[week.status]}`;
    layout.text(section, 'P', text, STYLE.strong);
    return;
  }
  const role = approval.approverRole ? ` (${ROLE_LABELS[approval.approverRole]})` : '';
  const code = formatVerificationCode(approval.verificationCode);
  const url = verificationUrl(approval.verificationCode);
  const lines = [
    {
      text: `Abgezeichnet von ${approval.approver.displayName}${role} am ${formatInstant(approval.approvedAt)} Uhr`,
      style: STYLE.body,
    },
    ...(approval.importedAt
      ? [
          {
            text: `Eingelesen am ${formatInstant(approval.importedAt)} Uhr aus einem anderen System`,
            style: STYLE.body,
          },
        ]
      : []),
    { text: `Prüfcode: ${code}`, style: STYLE.strong },
    { text: `Prüfen unter: ${url}`, style: STYLE.body },
  ];
  // Text to the left, QR code to the right, both on one page: room for the taller of the two is made first.
  const width = layout.width - QR_SIZE - 18;
  const gap = 3;
  const textHeight = lines.reduce(
    (sum, line) => sum + layout.measure(line.text, line.style, width) + gap,
    0,
  );
  layout.keep(Math.max(textHeight, QR_SIZE));
  const top = layout.y;
  for (const line of lines) {
    layout.text(section, 'P', line.text, line.style, { width });
    layout.space(gap);
  }
  const x = layout.left + layout.width - QR_SIZE;
  layout.figure(section, `QR-Code zum Prüfcode ${code}`, x, top, QR_SIZE, () =>
    drawQrCode(layout.doc, url, x, top, QR_SIZE),
  );
  layout.y = Math.max(layout.y, top + QR_SIZE);
}

/** One report week on pages of its own: header, the three kinds of content, days, attachments, approval. */
export function renderWeek(
  layout: Layout,
  document: StructElement,
  record: PrintableRecord,
  week: RecordWeek,
  verificationUrl: (code: string) => string,
): void {
  const title = weekTitle(week);
  layout.newPage(title);
  layout.doc.outline.addItem(title);
  const section = layout.section(document);
  layout.text(section, 'H2', title, STYLE.h2);
  layout.space(8);
  const monday = mondayOf(week);
  drawTable(
    layout,
    section,
    [
      { header: 'Angabe', width: 88, rowHeader: true },
      { header: 'Wert' },
      { header: 'Angabe', width: 100, rowHeader: true },
      { header: 'Wert', width: 130 },
    ],
    [
      ['Name', record.apprentice.displayName, 'Ausbildungsjahr', String(week.trainingYear)],
      [
        'Zeitraum',
        `${formatDate(monday)} – ${formatDate(addDays(monday, 6))}`,
        'Abteilung',
        week.department || '–',
      ],
    ],
    { columnHeaders: false },
  );
  const days = [...week.days].sort((a, b) => a.date.localeCompare(b.date));
  const sorted = { ...week, days };
  for (const kind of ENTRY_KINDS) entriesSection(layout, section, sorted, kind);
  daysSection(layout, section, sorted);
  if (week.attachments.length > 0) {
    layout.space(12);
    layout.text(section, 'H3', 'Anlagen', STYLE.h3, { keepWithNext: HEADING_KEEP });
    layout.space(4);
    layout.list(
      section,
      week.attachments.map((file) => file.fileName),
    );
  }
  approvalSection(layout, section, week, verificationUrl);
  section.end();
}
