import { addDays, type DayInput, type IsoWeek, isoWeekOf, mondayOf } from '@berichtsheft/core';
import { createContext, type Identity } from '../context.js';
import type { Database } from '../db/database-types.js';
import { createApprenticeship } from '../db/queries/apprenticeships.js';
import { assignReviewer } from '../db/queries/assignments.js';
import { ensureChamber } from '../db/queries/chambers.js';
import { createCompany } from '../db/queries/companies.js';
import { addMembership } from '../db/queries/memberships.js';
import { ensurePerson } from '../db/queries/people.js';
import { appRouter } from '../routers/index.js';
import { createCallerFactory } from '../trpc/init.js';

/** The issuer the playground's people sign in with; `.invalid` can never be a real one (RFC 6761). */
export const PLAYGROUND_ISSUER = 'https://login.playground.invalid';

export const SAMPLE_PEOPLE = ['anna', 'ben', 'tom', 'carla'] as const;
export type SamplePerson = (typeof SAMPLE_PEOPLE)[number];

/** What a story or test needs to name what it looks at: everything the server generated while seeding. */
export interface SampleCompany {
  companyId: string;
  /** A company none of the sample people belongs to. */
  otherCompanyId: string;
  identities: Record<SamplePerson, Identity>;
  personIds: Record<SamplePerson, string>;
  apprenticeships: { anna: string; ben: string };
  /** Anna: `latest` a draft, the week before submitted, two before approved, three before returned. */
  weeks: {
    annaReturned: string;
    annaApproved: string;
    annaSubmitted: string;
    annaDraft: string;
    /** Ben: the week before `latest`, submitted. */
    benSubmitted: string;
  };
  latest: IsoWeek;
}

export const SAMPLE_LATEST_WEEK: IsoWeek = { isoYear: 2026, isoWeek: 48 };

const PROFILES: Record<SamplePerson, { displayName: string; email: string }> = {
  anna: { displayName: 'Anna Schmidt', email: 'anna.schmidt@musterwerk.example' },
  ben: { displayName: 'Ben Yılmaz', email: 'ben.yilmaz@musterwerk.example' },
  tom: { displayName: 'Tom Becker', email: 'tom.becker@musterwerk.example' },
  carla: { displayName: 'Carla Neumann', email: 'carla.neumann@musterwerk.example' },
};

function annaDays(monday: string): DayInput[] {
  return [
    {
      date: monday,
      attendance: 'company',
      entries: [
        {
          kind: 'company_work',
          form: 'bullets',
          text: 'Daily-Stand-up im Team\nFehler im Bestellformular behoben\nUnit-Tests ergänzt',
          minutes: 360,
        },
        {
          kind: 'company_instruction',
          form: 'free_text',
          text: 'Unterweisung Datenschutz (DSGVO) durch die Datenschutzbeauftragte.',
          minutes: 90,
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
          text: 'LF 5: Software zur Verwaltung von Daten anpassen\nSQL-Abfragen mit JOIN',
          minutes: 360,
        },
      ],
    },
    { date: addDays(monday, 2), attendance: 'sick', entries: [] },
  ];
}

function benDays(monday: string): DayInput[] {
  return [
    {
      date: monday,
      attendance: 'company',
      entries: [
        {
          kind: 'company_work',
          form: 'bullets',
          text: 'Wartung der Fräsmaschine\nÖlwechsel und Filter getauscht',
          minutes: 420,
        },
      ],
    },
    {
      date: addDays(monday, 1),
      attendance: 'inter_company',
      entries: [
        {
          kind: 'company_instruction',
          form: 'free_text',
          text: 'Pneumatik-Lehrgang im Bildungszentrum.',
          minutes: 450,
        },
      ],
    },
  ];
}

const createCaller = createCallerFactory(appRouter);

/**
 * Musterwerk GmbH (IHK Hannover) with two apprentices, their trainer and an admin, and weeks in every status — written
 * the way people write them: the company's set-up through the data layer (no procedure manages companies yet), every
 * week through the real procedures as the apprentice and the trainer. Fresh subjects each time, so that any number of
 * sample companies share one database without seeing each other.
 */
export async function seedSampleCompany(
  database: Database,
  latest: IsoWeek = SAMPLE_LATEST_WEEK,
): Promise<SampleCompany> {
  const { db } = database;
  const tag = crypto.randomUUID().slice(0, 8);
  const identities = Object.fromEntries(
    SAMPLE_PEOPLE.map((name) => [
      name,
      { issuer: PLAYGROUND_ISSUER, subject: `${name}-${tag}`, ...PROFILES[name] },
    ]),
  ) as Record<SamplePerson, Identity>;
  const personIds = {} as Record<SamplePerson, string>;
  for (const name of SAMPLE_PEOPLE) personIds[name] = (await ensurePerson(db, identities[name])).id;

  const chamberId = await ensureChamber(db, { name: 'IHK Hannover', chamberNumber: '117' });
  const companyId = await createCompany(db, {
    name: 'Musterwerk GmbH',
    chamberId,
    registrationStatus: 'verified',
  });
  const otherCompanyId = await createCompany(db, {
    name: 'Andere Firma AG',
    chamberId,
    registrationStatus: 'verified',
  });
  await addMembership(db, { personId: personIds.anna, companyId, role: 'apprentice' });
  await addMembership(db, { personId: personIds.ben, companyId, role: 'apprentice' });
  await addMembership(db, { personId: personIds.tom, companyId, role: 'trainer' });
  await addMembership(db, { personId: personIds.carla, companyId, role: 'company_admin' });
  await addMembership(db, { personId: personIds.carla, companyId, role: 'training_admin' });
  const apprenticeships = {
    anna: await createApprenticeship(db, {
      companyId,
      apprenticeId: personIds.anna,
      occupation: 'Fachinformatikerin für Anwendungsentwicklung',
      startDate: '2025-08-01',
      endDate: '2028-07-31',
      reportFormat: 'daily',
    }),
    ben: await createApprenticeship(db, {
      companyId,
      apprenticeId: personIds.ben,
      occupation: 'Industriemechaniker',
      startDate: '2024-09-01',
      endDate: '2028-02-29',
      reportFormat: 'weekly',
    }),
  };
  for (const apprenticeshipId of Object.values(apprenticeships)) {
    await assignReviewer(db, { apprenticeshipId, personId: personIds.tom, role: 'trainer' });
  }

  const as = (name: SamplePerson) =>
    createCaller(createContext({ database, identity: identities[name] }));
  const anna = as('anna');
  const ben = as('ben');
  const tom = as('tom');

  /** Opens and fills a week as its apprentice; submits it when asked. */
  async function write(
    author: typeof anna,
    apprenticeshipId: string,
    which: IsoWeek,
    department: string,
    days: (monday: string) => DayInput[],
    submit: boolean,
  ) {
    const opened = await author.weeks.open({ companyId, apprenticeshipId, ...which });
    const saved = await author.weeks.save({
      companyId,
      weekId: opened.id,
      version: opened.version,
      department,
      days: days(mondayOf(which)),
    });
    if (!submit) return saved;
    return author.weeks.submit({ companyId, weekId: saved.id, version: saved.version });
  }

  const back = (weeks: number) => isoWeekOf(addDays(mondayOf(latest), -7 * weeks));
  const returned = await write(
    anna,
    apprenticeships.anna,
    back(3),
    'Softwareentwicklung',
    annaDays,
    true,
  );
  await tom.review.return({
    companyId,
    weekId: returned.id,
    version: returned.version,
    reason: 'Bitte die Themen der Berufsschule genauer beschreiben, nicht nur „Berufsschule“.',
  });
  const approved = await write(
    anna,
    apprenticeships.anna,
    back(2),
    'Softwareentwicklung',
    annaDays,
    true,
  );
  await tom.review.approve({ companyId, weekId: approved.id, version: approved.version });
  const submitted = await write(
    anna,
    apprenticeships.anna,
    back(1),
    'Softwareentwicklung',
    annaDays,
    true,
  );
  const draft = await write(
    anna,
    apprenticeships.anna,
    latest,
    'Softwareentwicklung',
    annaDays,
    false,
  );
  const benSubmitted = await write(
    ben,
    apprenticeships.ben,
    back(1),
    'Instandhaltung',
    benDays,
    true,
  );

  return {
    companyId,
    otherCompanyId,
    identities,
    personIds,
    apprenticeships,
    weeks: {
      annaReturned: returned.id,
      annaApproved: approved.id,
      annaSubmitted: submitted.id,
      annaDraft: draft.id,
      benSubmitted: benSubmitted.id,
    },
    latest,
  };
}
