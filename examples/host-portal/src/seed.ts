import {
  addDays,
  type DayInput,
  formatIsoDate,
  type IsoWeek,
  isoWeekOf,
  mondayOf,
} from '@berichtsheft/core';
import {
  appRouter,
  createCallerFactory,
  createContext,
  type Database,
  type Identity,
  queries,
} from '@berichtsheft/server';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
import { bindDemoPeopleToIssuer } from './demo-people.js';

/** Unternehmens-Identnummer of the demo company: the key by which the seed recognises its earlier run. */
export const DEMO_COMPANY_IDENT = '1330004711';

const createCaller = createCallerFactory(appRouter);

type Entry = DayInput['entries'][number];
const work = (text: string, minutes: number, ...rahmenplanRefs: string[]): Entry => ({
  kind: 'company_work',
  form: 'bullets',
  text,
  minutes,
  rahmenplanRefs,
});
const lesson = (text: string, minutes: number): Entry => ({
  kind: 'company_instruction',
  form: 'free_text',
  text,
  minutes,
});
const school = (lernfeld: string, text: string, minutes: number): Entry => ({
  kind: 'school',
  form: 'bullets',
  text,
  minutes,
  lernfeld,
});

/** Monday onwards, one day per plan item: its entries (a school entry makes it a school day) or an absence. */
function weekDays(week: IsoWeek, plan: (Entry[] | 'vacation' | 'public_holiday')[]): DayInput[] {
  const monday = mondayOf(week);
  return plan.map((day, index) => {
    const date = addDays(monday, index);
    if (typeof day === 'string') return { date, attendance: day, entries: [] };
    const attendance = day.some((entry) => entry.kind === 'school') ? 'school' : 'company';
    return { date, attendance, entries: day };
  });
}

const annaWeeks = {
  approved: (week: IsoWeek) =>
    weekDays(week, [
      [
        work(
          'Urlaubsantrag-API um Vertretungsregel erweitert\nUnit-Tests mit Vitest ergänzt',
          450,
          'A.5.1',
        ),
      ],
      [
        work('Code-Review mit Herrn Krüger\nAnmerkungen zur Fehlerbehandlung umgesetzt', 240),
        lesson('Unterweisung: Passwörter sicher speichern (Argon2, Salt, Pepper)', 90),
      ],
      [school('LF 8', 'Daten systemübergreifend bereitstellen: JSON, XML, REST-Grundlagen', 360)],
      [school('LF 7', 'Cyber-physische Systeme: Sensoren am Raspberry Pi auslesen', 360)],
      [work('Deployment der Testumgebung mit Docker Compose begleitet', 420, 'A.4.3')],
    ]),
  returned: (week: IsoWeek) =>
    weekDays(week, [
      [work('Fehler im Export der Stundenzettel analysiert', 450)],
      [work('Datenbankindex für Suchabfragen angelegt', 450, 'A.5.2')],
      [school('LF 8', 'Berufsschule', 360)],
      [school('LF 5', 'Berufsschule', 360)],
      'public_holiday',
    ]),
  submitted: (week: IsoWeek) =>
    weekDays(week, [
      [
        work(
          'Barrierefreiheit des Antragsformulars geprüft (axe, Tastaturbedienung)',
          450,
          'A.5.4',
        ),
      ],
      [
        work('Formular-Labels und Fehlermeldungen überarbeitet', 330),
        lesson('Betrieblicher Unterricht: Git-Workflow mit Feature-Branches', 120),
      ],
      [school('LF 8', 'REST-API mit OpenAPI beschreiben, Statuscodes', 360)],
      [school('LF 6', 'Serviceanfragen bearbeiten: Ticketsysteme, SLA', 360)],
      'vacation',
    ]),
  draft: (week: IsoWeek) =>
    weekDays(week, [[work('Einarbeitung in das neue Berechtigungskonzept', 240)]]),
};

const benWeeks = {
  approved: (week: IsoWeek) =>
    weekDays(week, [
      [work('Eingangsrechnungen geprüft und kontiert (SKR 04)', 450, 'B.2.1')],
      [work('Zahlungsvorschlagsliste erstellt und mit der Buchhaltung abgestimmt', 450)],
      [school('LF 10', 'Wertschöpfungsprozesse analysieren: Deckungsbeitragsrechnung', 360)],
      [work('Mahnlauf vorbereitet, Kundenkonten abgeglichen', 420, 'B.2.3')],
      [
        lesson('Unterweisung: Aufbewahrungsfristen nach HGB und AO', 120),
        work('Belegablage digitalisiert', 300),
      ],
    ]),
  submitted: (week: IsoWeek) =>
    weekDays(week, [
      [work('Angebotsvergleich für Büromaterial erstellt', 450, 'B.1.2')],
      [work('Bestellungen im ERP-System angelegt', 450)],
      [school('LF 11', 'Investitionsrechnung: Kapitalwertmethode', 360)],
      [work('Wareneingang geprüft, Abweichungen dokumentiert', 450)],
      [work('Prüfungsvorbereitung: Geschäftsprozesse (AP Teil 2)', 420)],
    ]),
};

/** The ISO week `weeksBack` weeks before the one containing `date`. */
function weekBefore(date: string, weeksBack: number): IsoWeek {
  return isoWeekOf(addDays(mondayOf(isoWeekOf(date)), -7 * weeksBack));
}

/**
 * Fills the database with the demo company "Musterwerk GmbH" (IHK Hannover), its people and a few weeks in every
 * status. When the company exists already it only moves the demo people to `issuer` (the portal may run under another
 * port than when it was seeded), so it can run at every start. Weeks are written through the API as the demo people,
 * so approvals carry real content hashes and every step is in the history.
 */
export async function seedDemo(database: Database, issuer: string): Promise<void> {
  const { db } = database;
  const chamberId = await queries.ensureChamber(db, { name: 'IHK Hannover', chamberNumber: '133' });
  const seeded = await queries.findCompanyByIdentNumber(db, chamberId, DEMO_COMPANY_IDENT);
  if (seeded) {
    await bindDemoPeopleToIssuer(database, seeded.id, issuer);
    return;
  }

  const identity = (account: DemoAccount): Identity => ({
    issuer,
    subject: account.sub,
    displayName: account.name,
    email: account.email,
  });
  const account = (sub: string): DemoAccount => {
    const found = DEMO_ACCOUNTS.find((candidate) => candidate.sub === sub);
    if (!found) throw new Error(`Demo account ${sub} is missing`);
    return found;
  };

  const ids = await db.transaction(async (tx) => {
    const companyId = await queries.createCompany(tx, {
      name: 'Musterwerk GmbH',
      chamberId,
      identNumber: DEMO_COMPANY_IDENT,
      registrationStatus: 'verified',
    });
    const people = new Map<string, string>();
    for (const demo of DEMO_ACCOUNTS) {
      const person = await queries.ensurePerson(tx, identity(demo));
      people.set(demo.sub, person.id);
      for (const role of demo.roles) {
        await queries.addMembership(tx, { personId: person.id, companyId, role });
      }
    }
    const personId = (sub: string): string => {
      const id = people.get(sub);
      if (id === undefined) throw new Error(`Demo account ${sub} is missing`);
      return id;
    };
    const anna = await queries.createApprenticeship(tx, {
      companyId,
      apprenticeId: personId('azubi.anna'),
      occupation: 'Fachinformatikerin Anwendungsentwicklung',
      startDate: '2025-08-01',
      endDate: '2028-07-31',
      identNumber: '133-2025-004217',
    });
    const ben = await queries.createApprenticeship(tx, {
      companyId,
      apprenticeId: personId('azubi.ben'),
      occupation: 'Industriekaufmann',
      startDate: '2024-08-01',
      endDate: '2027-07-31',
      identNumber: '133-2024-003981',
    });
    for (const apprenticeshipId of [anna, ben]) {
      await queries.assignReviewer(tx, {
        apprenticeshipId,
        personId: personId('ausbilder.tom'),
        role: 'trainer',
        trainerIdentNumber: '133-A-77810',
      });
    }
    return { companyId, anna, ben };
  });

  const as = (sub: string) =>
    createCaller(createContext({ database, identity: identity(account(sub)) }));
  const trainer = as('ausbilder.tom');
  const companyId = ids.companyId;

  const today = formatIsoDate(new Date());
  const annaNow = today < '2028-07-31' ? today : '2028-07-31';
  const benNow = today < '2027-07-31' ? today : '2027-07-31';
  const anna = { sub: 'azubi.anna', apprenticeshipId: ids.anna, now: annaNow };
  const ben = { sub: 'azubi.ben', apprenticeshipId: ids.ben, now: benNow };
  const plan: {
    who: typeof anna;
    weeksBack: number;
    department: string;
    days: (week: IsoWeek) => DayInput[];
    outcome: 'draft' | 'submitted' | 'approved' | 'returned';
  }[] = [
    {
      who: anna,
      weeksBack: 4,
      department: 'Softwareentwicklung',
      days: annaWeeks.approved,
      outcome: 'approved',
    },
    {
      who: anna,
      weeksBack: 3,
      department: 'Softwareentwicklung',
      days: annaWeeks.returned,
      outcome: 'returned',
    },
    {
      who: anna,
      weeksBack: 2,
      department: 'Softwareentwicklung',
      days: annaWeeks.submitted,
      outcome: 'submitted',
    },
    {
      who: anna,
      weeksBack: 1,
      department: 'Softwareentwicklung',
      days: annaWeeks.draft,
      outcome: 'draft',
    },
    {
      who: ben,
      weeksBack: 3,
      department: 'Rechnungswesen',
      days: benWeeks.approved,
      outcome: 'approved',
    },
    {
      who: ben,
      weeksBack: 2,
      department: 'Einkauf',
      days: benWeeks.submitted,
      outcome: 'submitted',
    },
  ];

  for (const step of plan) {
    const week = weekBefore(step.who.now, step.weeksBack);
    const apprentice = as(step.who.sub);
    const opened = await apprentice.weeks.open({
      companyId,
      apprenticeshipId: step.who.apprenticeshipId,
      ...week,
    });
    const saved = await apprentice.weeks.save({
      companyId,
      weekId: opened.id,
      version: opened.version,
      department: step.department,
      days: step.days(week),
    });
    if (step.outcome === 'draft') continue;
    const submitted = await apprentice.weeks.submit({
      companyId,
      weekId: saved.id,
      version: saved.version,
    });
    const review = { companyId, weekId: submitted.id, version: submitted.version };
    if (step.outcome === 'approved') await trainer.review.approve(review);
    if (step.outcome === 'returned') {
      await trainer.review.return({
        ...review,
        reason:
          'Bitte bei den Berufsschultagen die Themen des Unterrichts eintragen, nicht nur „Berufsschule“.',
      });
    }
  }
}
