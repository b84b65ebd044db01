import { addDays, type DayView, type EntryView, type IsoWeek, mondayOf } from '@berichtsheft/core';
import { shiftWeek } from '../shared/format.js';
import { createMemoryApi } from './memory-api.js';
import { type MemorySeed, MemoryStore, type MemoryWeek } from './memory-store.js';

/** Fixed ids, so tests and stories can name what they look at. */
export const SAMPLE = {
  companyId: '5f1f9d64-3c1b-4a0e-8f43-8a1d7b3f9c20',
  otherCompanyId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  anna: '11111111-1111-4111-8111-111111111111',
  ben: '22222222-2222-4222-8222-222222222222',
  tom: '33333333-3333-4333-8333-333333333333',
  carla: '44444444-4444-4444-8444-444444444444',
  annaApprenticeship: 'aaaaaaaa-0000-4000-8000-000000000001',
  benApprenticeship: 'bbbbbbbb-0000-4000-8000-000000000002',
  /**
   * Anna: 2026-W46 approved, W47 submitted, W48 draft, W45 returned; nothing before. With another latest week
   * (`sampleSeed(latest)`) the same four statuses fall on that week and the three before it.
   */
  annaW45: 'a0000000-0000-4000-8000-000000000045',
  annaW46: 'a0000000-0000-4000-8000-000000000046',
  annaW47: 'a0000000-0000-4000-8000-000000000047',
  annaW48: 'a0000000-0000-4000-8000-000000000048',
  /** Ben: 2026-W47 (the week before the latest) submitted. */
  benW47: 'b0000000-0000-4000-8000-000000000047',
} as const;

let entryCounter = 0;
function entry(
  kind: EntryView['kind'],
  form: EntryView['form'],
  text: string,
  minutes: number,
): EntryView {
  entryCounter += 1;
  return {
    id: `e0000000-0000-4000-8000-${String(entryCounter).padStart(12, '0')}`,
    kind,
    form,
    text,
    minutes,
    lernfeld: null,
    rahmenplanRefs: [],
  };
}

function annaDays(monday: string): DayView[] {
  const date = (offset: number) => addDays(monday, offset);
  return [
    {
      date: date(0),
      attendance: 'company',
      entries: [
        entry(
          'company_work',
          'bullets',
          'Daily-Stand-up im Team\nFehler im Bestellformular behoben\nUnit-Tests ergänzt',
          360,
        ),
        entry(
          'company_instruction',
          'free_text',
          'Unterweisung Datenschutz (DSGVO) durch die Datenschutzbeauftragte.',
          90,
        ),
      ],
    },
    {
      date: date(1),
      attendance: 'school',
      entries: [
        entry(
          'school',
          'bullets',
          'LF 5: Software zur Verwaltung von Daten anpassen\nSQL-Abfragen mit JOIN',
          360,
        ),
      ],
    },
    { date: date(2), attendance: 'sick', entries: [] },
  ];
}

function week(
  id: string,
  apprenticeshipId: string,
  which: IsoWeek,
  status: MemoryWeek['status'],
  extra: Partial<MemoryWeek> = {},
): MemoryWeek {
  const monday = mondayOf(which);
  return {
    id,
    apprenticeshipId,
    ...which,
    status,
    version: status === 'draft' ? 2 : 3,
    department: 'Softwareentwicklung',
    days: annaDays(monday),
    returnReason: null,
    submittedAt: status === 'draft' ? null : new Date(`${monday}T16:00:00Z`),
    approval: null,
    history: [],
    ...extra,
  };
}

export const SAMPLE_LATEST_WEEK: IsoWeek = { isoYear: 2026, isoWeek: 48 };

/**
 * Musterwerk GmbH (IHK Hannover) with two apprentices and their trainer, and weeks in every status, the newest
 * being `latest`.
 */
export function sampleSeed(latest: IsoWeek = SAMPLE_LATEST_WEEK): MemorySeed {
  entryCounter = 0;
  const back = (weeks: number) => {
    let which = latest;
    for (let i = 0; i < weeks; i += 1) which = shiftWeek(which, -1);
    return which;
  };
  const benMonday = mondayOf(back(1));
  return {
    companies: [
      { id: SAMPLE.companyId, name: 'Musterwerk GmbH' },
      { id: SAMPLE.otherCompanyId, name: 'Andere Firma AG' },
    ],
    people: [
      { id: SAMPLE.anna, displayName: 'Anna Schmidt', email: 'anna.schmidt@musterwerk.example' },
      { id: SAMPLE.ben, displayName: 'Ben Yılmaz', email: 'ben.yilmaz@musterwerk.example' },
      { id: SAMPLE.tom, displayName: 'Tom Becker', email: 'tom.becker@musterwerk.example' },
      { id: SAMPLE.carla, displayName: 'Carla Neumann', email: 'carla.neumann@musterwerk.example' },
    ],
    memberships: [
      { personId: SAMPLE.anna, companyId: SAMPLE.companyId, role: 'apprentice' },
      { personId: SAMPLE.ben, companyId: SAMPLE.companyId, role: 'apprentice' },
      { personId: SAMPLE.tom, companyId: SAMPLE.companyId, role: 'trainer' },
      { personId: SAMPLE.carla, companyId: SAMPLE.companyId, role: 'company_admin' },
    ],
    apprenticeships: [
      {
        id: SAMPLE.annaApprenticeship,
        companyId: SAMPLE.companyId,
        apprenticeId: SAMPLE.anna,
        apprenticeName: 'Anna Schmidt',
        occupation: 'Fachinformatikerin für Anwendungsentwicklung',
        startDate: '2025-08-01',
        endDate: '2028-07-31',
        reportFormat: 'daily',
        reviewMode: 'single',
        trainerIds: [SAMPLE.tom],
        delegateIds: [],
      },
      {
        id: SAMPLE.benApprenticeship,
        companyId: SAMPLE.companyId,
        apprenticeId: SAMPLE.ben,
        apprenticeName: 'Ben Yılmaz',
        occupation: 'Industriemechaniker',
        startDate: '2024-09-01',
        endDate: '2028-02-29',
        reportFormat: 'weekly',
        reviewMode: 'single',
        trainerIds: [SAMPLE.tom],
        delegateIds: [],
      },
    ],
    weeks: [
      week(SAMPLE.annaW45, SAMPLE.annaApprenticeship, back(3), 'returned', {
        returnReason:
          'Bitte die Themen der Berufsschule genauer beschreiben, nicht nur „Berufsschule“.',
      }),
      week(SAMPLE.annaW46, SAMPLE.annaApprenticeship, back(2), 'approved', {
        version: 4,
        approval: {
          version: 4,
          contentHash: '',
          approvedByName: 'Tom Becker',
          approvedAt: new Date(`${mondayOf(back(1))}T09:30:00Z`),
        },
      }),
      week(SAMPLE.annaW47, SAMPLE.annaApprenticeship, back(1), 'submitted'),
      week(SAMPLE.annaW48, SAMPLE.annaApprenticeship, latest, 'draft'),
      week(SAMPLE.benW47, SAMPLE.benApprenticeship, back(1), 'submitted', {
        department: 'Instandhaltung',
        days: [
          {
            date: benMonday,
            attendance: 'company',
            entries: [
              entry(
                'company_work',
                'bullets',
                'Wartung der Fräsmaschine\nÖlwechsel und Filter getauscht',
                420,
              ),
            ],
          },
          {
            date: addDays(benMonday, 1),
            attendance: 'inter_company',
            entries: [
              entry(
                'company_instruction',
                'free_text',
                'Pneumatik-Lehrgang im Bildungszentrum.',
                450,
              ),
            ],
          },
        ],
      }),
    ],
  };
}

/** A store with the sample data, and APIs acting as its people. */
export function createSampleStore(latest: IsoWeek = SAMPLE_LATEST_WEEK): MemoryStore {
  return new MemoryStore(sampleSeed(latest));
}

export function sampleApi(store: MemoryStore, person: 'anna' | 'ben' | 'tom' | 'carla') {
  return createMemoryApi(store, SAMPLE[person]);
}
