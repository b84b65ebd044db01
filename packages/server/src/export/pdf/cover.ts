import type { PrintableRecord } from '@berichtsheft/core';
import { formatDate, formatInstant, formatInstantDate, ROLE_LABELS } from './labels.js';
import { type Layout, STYLE } from './layout.js';
import type { StructElement } from './pdfkit-types.js';
import { drawTable } from './table.js';

const NONE = '–';

function assignment(trainer: PrintableRecord['trainers'][number]): string {
  const since = formatInstantDate(trainer.assignedAt);
  return trainer.revokedAt ? `${since} – ${formatInstantDate(trainer.revokedAt)}` : `seit ${since}`;
}

/** The cover sheet: who was trained as what, where and by whom, and how many weeks the record holds. */
export function renderCover(
  layout: Layout,
  document: StructElement,
  record: PrintableRecord,
): void {
  const { apprentice, company, apprenticeship, trainers, weeks } = record;
  layout.newPage('Ausbildungsnachweis');
  const section = layout.section(document);
  layout.text(section, 'H1', 'Ausbildungsnachweis', STYLE.h1);
  layout.space(14);
  drawTable(
    layout,
    section,
    [{ header: 'Angabe', width: 170, rowHeader: true }, { header: 'Wert' }],
    [
      ['Auszubildende/r', apprentice.displayName],
      ['Ausbildungsberuf', apprenticeship.occupation],
      [
        'Ausbildungszeitraum',
        `${formatDate(apprenticeship.startDate)} – ${formatDate(apprenticeship.endDate)}`,
      ],
      ['Azubi-Identnummer', apprenticeship.identNumber ?? NONE],
      ['Ausbildungsbetrieb', company.name],
      ['Unternehmens-Identnummer', company.identNumber ?? NONE],
      ['Zuständige Stelle', company.chamber.name],
      ['Kammernummer', company.chamber.chamberNumber],
    ],
    { columnHeaders: false },
  );

  layout.space(18);
  layout.text(section, 'H2', 'Ausbilder/innen und Ausbildungsbeauftragte', STYLE.h2, {
    keepWithNext: 40,
  });
  layout.space(6);
  if (trainers.length === 0) {
    layout.text(section, 'P', 'Keine zugeordnet.', STYLE.body);
  } else {
    drawTable(
      layout,
      section,
      [
        { header: 'Name' },
        { header: 'Funktion', width: 122 },
        { header: 'Ausbilder-Identnummer', width: 128 },
        { header: 'Zugeordnet', width: 128 },
      ],
      trainers.map((trainer) => [
        trainer.person.displayName,
        ROLE_LABELS[trainer.role],
        trainer.identNumber ?? NONE,
        assignment(trainer),
      ]),
      { columnHeaders: true },
    );
  }

  const approved = weeks.filter((week) => week.approvals.length > 0).length;
  layout.space(18);
  layout.text(section, 'H2', 'Nachweise', STYLE.h2, { keepWithNext: 30 });
  layout.space(6);
  layout.text(
    section,
    'P',
    `${weeks.length} ${weeks.length === 1 ? 'Woche' : 'Wochen'} erfasst, davon ${approved} abgezeichnet.`,
    STYLE.body,
  );
  layout.space(4);
  layout.text(section, 'P', `Erstellt am ${formatInstant(record.exportedAt)} Uhr.`, STYLE.body);
  section.end();
}
