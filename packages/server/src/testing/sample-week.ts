import { addDays, type DayInput } from '@berichtsheft/core';

/** A week's content as the editor would send it: two working days and a school day. */
export function sampleDays(monday: string): DayInput[] {
  return [
    {
      date: monday,
      attendance: 'company',
      entries: [
        {
          kind: 'company_work',
          form: 'bullets',
          text: 'Ticket-System eingerichtet\nBenutzerrechte geprüft',
          minutes: 420,
          rahmenplanRefs: ['A.1.2'],
        },
        {
          kind: 'company_instruction',
          form: 'free_text',
          text: 'Unterweisung Datenschutz',
          minutes: 60,
          lernfeld: null,
        },
      ],
    },
    {
      date: addDays(monday, 1),
      attendance: 'school',
      entries: [
        {
          kind: 'school',
          form: 'bullets',
          text: 'SQL-Grundlagen: SELECT, JOIN',
          minutes: 360,
          lernfeld: 'LF 5',
        },
      ],
    },
    { date: addDays(monday, 2), attendance: 'sick', entries: [] },
  ];
}
