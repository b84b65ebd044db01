import { type MeView, mondayOf, type QueueItemView, type WeekView } from '@berichtsheft/core';
import { type Database, queries } from '@berichtsheft/server';
// The same sample week the server's tests write; run through tsx, so the source is imported directly.
import { sampleDays } from '../../packages/server/src/testing/sample-week.js';
import type { BenchIssuer } from './issuer.js';
import { mutate, query } from './trpc-http.js';

export interface SeededCompany {
  companyId: string;
  trainerToken: string;
  apprenticeToken: string;
  /** The apprenticeship of the apprentice behind `apprenticeToken`. */
  apprenticeshipId: string;
  /** A submitted week of the apprentice behind `apprenticeToken`. */
  weekId: string;
  queueLength: number;
}

const APPRENTICES = 3;
export const WEEKS_PER_APPRENTICE = 4;
export const FIRST_WEEK = { isoYear: 2025, isoWeek: 37 };

export interface SeedOptions {
  /** Distinguishes the people of several seeded companies (subjects are unique per issuer). */
  subjectPrefix?: string;
  companyName?: string;
}

/**
 * One company with a trainer and three apprentices, each with four submitted weeks. People and weeks come in
 * through the API; companies, memberships and assignments have no API yet and are written with the server's queries.
 */
export async function seedCompany(
  baseUrl: string,
  database: Database,
  issuer: BenchIssuer,
  options: SeedOptions = {},
): Promise<SeededCompany> {
  const prefix = options.subjectPrefix ?? 'bench';
  const login = async (subject: string, name: string) => {
    const token = await issuer.sign({
      sub: subject,
      name,
      email: `${subject}@example.test`,
    });
    const me = await query<MeView>(baseUrl, token, 'me');
    return { token, personId: me.person.id };
  };

  const { db } = database;
  const chamberId = await queries.ensureChamber(db, {
    name: 'IHK Hannover',
    chamberNumber: '133',
  });
  const companyId = await queries.createCompany(db, {
    name: options.companyName ?? 'Musterwerk GmbH',
    chamberId,
    registrationStatus: 'verified',
    reviewMode: 'single',
  });
  const trainer = await login(`${prefix}.trainer`, 'Tom Ausbilder');
  await queries.addMembership(db, { personId: trainer.personId, companyId, role: 'trainer' });

  const apprentices: { token: string; apprenticeshipId: string; weekIds: string[] }[] = [];
  for (let index = 1; index <= APPRENTICES; index += 1) {
    const apprentice = await login(`${prefix}.apprentice.${index}`, `Azubi ${index}`);
    await queries.addMembership(db, {
      personId: apprentice.personId,
      companyId,
      role: 'apprentice',
    });
    const apprenticeshipId = await queries.createApprenticeship(db, {
      companyId,
      apprenticeId: apprentice.personId,
      occupation: 'Fachinformatiker/in Anwendungsentwicklung',
      startDate: '2025-08-01',
      endDate: '2028-07-31',
    });
    await queries.assignReviewer(db, {
      apprenticeshipId,
      personId: trainer.personId,
      role: 'trainer',
    });

    const weekIds: string[] = [];
    for (let offset = 0; offset < WEEKS_PER_APPRENTICE; offset += 1) {
      const isoWeek = FIRST_WEEK.isoWeek + offset;
      const opened = await mutate<WeekView>(baseUrl, apprentice.token, 'weeks.open', {
        companyId,
        apprenticeshipId,
        isoYear: FIRST_WEEK.isoYear,
        isoWeek,
      });
      const saved = await mutate<WeekView>(baseUrl, apprentice.token, 'weeks.save', {
        companyId,
        weekId: opened.id,
        version: opened.version,
        department: 'IT-Service',
        days: sampleDays(mondayOf({ isoYear: FIRST_WEEK.isoYear, isoWeek })),
      });
      await mutate<WeekView>(baseUrl, apprentice.token, 'weeks.submit', {
        companyId,
        weekId: saved.id,
        version: saved.version,
      });
      weekIds.push(saved.id);
    }
    apprentices.push({ token: apprentice.token, apprenticeshipId, weekIds });
  }

  const queue = await query<QueueItemView[]>(baseUrl, trainer.token, 'review.queue', {
    companyId,
  });
  const first = apprentices[0];
  const weekId = first?.weekIds[0];
  if (first === undefined || weekId === undefined) throw new Error('nothing was seeded');
  return {
    companyId,
    trainerToken: trainer.token,
    apprenticeToken: first.token,
    apprenticeshipId: first.apprenticeshipId,
    weekId,
    queueLength: queue.length,
  };
}
