import { mondayOf, type WeekView } from '@berichtsheft/core';
import type { Database } from '@berichtsheft/server';
import { sampleDays } from '../../packages/server/src/testing/sample-week.js';
import type { BenchIssuer } from './issuer.js';
import type { PageLoadSubjects } from './page-loads.js';
import { FIRST_WEEK, type SeededCompany, seedCompany, WEEKS_PER_APPRENTICE } from './seed.js';
import { mutate } from './trpc-http.js';

export interface PageLoadSeed extends PageLoadSubjects {
  seeded: SeededCompany;
}

/**
 * The measured company (a trainer with 12 submitted weeks waiting, three apprentices), plus `otherCompanies` more of
 * the same shape whose rows the queries must pass over. The first apprentice also has a draft with content in the
 * week after the submitted ones: the week the editor opens.
 */
export async function seedPageLoads(
  baseUrl: string,
  database: Database,
  issuer: BenchIssuer,
  otherCompanies: number,
): Promise<PageLoadSeed> {
  const seeded = await seedCompany(baseUrl, database, issuer);
  for (let index = 1; index <= otherCompanies; index += 1) {
    await seedCompany(baseUrl, database, issuer, {
      subjectPrefix: `bench.other${index}`,
      companyName: `Nachbarbetrieb ${index} GmbH`,
    });
  }
  const openWeek = {
    isoYear: FIRST_WEEK.isoYear,
    isoWeek: FIRST_WEEK.isoWeek + WEEKS_PER_APPRENTICE,
  };
  const { companyId, apprenticeshipId, apprenticeToken } = seeded;
  const draft = await mutate<WeekView>(baseUrl, apprenticeToken, 'weeks.open', {
    companyId,
    apprenticeshipId,
    ...openWeek,
  });
  await mutate<WeekView>(baseUrl, apprenticeToken, 'weeks.save', {
    companyId,
    weekId: draft.id,
    version: draft.version,
    department: 'IT-Service',
    days: sampleDays(mondayOf(openWeek)),
  });
  return { seeded, companyId, openWeek };
}
