import type { ApprenticeshipView, ReportFormat } from '@berichtsheft/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once.js';
import type { Executor } from '../database.js';
import { apprenticeships, companies, people } from '../schema/index.js';

export interface NewApprenticeship {
  companyId: string;
  apprenticeId: string;
  occupation: string;
  startDate: string;
  endDate: string;
  identNumber?: string | null;
  reportFormat?: ReportFormat;
}

export async function createApprenticeship(
  db: Executor,
  apprenticeship: NewApprenticeship,
): Promise<string> {
  const [created] = await db
    .insert(apprenticeships)
    .values({
      companyId: apprenticeship.companyId,
      apprenticeId: apprenticeship.apprenticeId,
      occupation: apprenticeship.occupation,
      startDate: apprenticeship.startDate,
      endDate: apprenticeship.endDate,
      identNumber: apprenticeship.identNumber ?? null,
      reportFormat: apprenticeship.reportFormat ?? 'weekly',
    })
    .returning({ id: apprenticeships.id });
  if (!created) throw new Error('Apprenticeship was not created');
  return created.id;
}

/** An apprenticeship as the API shows it, plus who the apprentice is, for relation checks. */
export interface ApprenticeshipRecord extends ApprenticeshipView {
  apprenticeId: string;
}

const apprenticeshipColumns = {
  id: apprenticeships.id,
  companyId: apprenticeships.companyId,
  apprenticeId: apprenticeships.apprenticeId,
  apprenticeName: people.displayName,
  occupation: apprenticeships.occupation,
  startDate: apprenticeships.startDate,
  endDate: apprenticeships.endDate,
  reportFormat: apprenticeships.reportFormat,
  reviewMode: companies.reviewMode,
};

/** An apprenticeship with its apprentice's name and its company's review mode, as every read here needs it. */
function selectApprenticeships(db: Executor) {
  return db
    .select(apprenticeshipColumns)
    .from(apprenticeships)
    .innerJoin(people, eq(people.id, apprenticeships.apprenticeId))
    .innerJoin(companies, eq(companies.id, apprenticeships.companyId));
}

const findApprenticeshipQuery = builtOnce('find_apprenticeship', (db) =>
  selectApprenticeships(db).where(
    and(
      eq(apprenticeships.companyId, sql.placeholder('companyId')),
      eq(apprenticeships.id, sql.placeholder('apprenticeshipId')),
    ),
  ),
);

export async function findApprenticeship(
  db: Executor,
  companyId: string,
  apprenticeshipId: string,
): Promise<ApprenticeshipRecord | undefined> {
  const [found] = await findApprenticeshipQuery(db, { companyId, apprenticeshipId });
  return found;
}

function selectApprenticeshipsOfApprentice(db: Executor) {
  return selectApprenticeships(db)
    .where(
      and(
        eq(apprenticeships.companyId, sql.placeholder('companyId')),
        eq(apprenticeships.apprenticeId, sql.placeholder('apprenticeId')),
      ),
    )
    .orderBy(asc(apprenticeships.startDate), asc(apprenticeships.id));
}

const listApprenticeshipsOfApprenticeQuery = builtOnce(
  'list_apprenticeships_of_apprentice',
  selectApprenticeshipsOfApprentice,
);

/** The apprenticeships in which the person is the apprentice, oldest first. */
export async function listApprenticeshipsOfApprentice(
  db: Executor,
  companyId: string,
  apprenticeId: string,
): Promise<ApprenticeshipView[]> {
  const rows = await listApprenticeshipsOfApprenticeQuery(db, { companyId, apprenticeId });
  return rows.map(({ apprenticeId: _apprenticeId, ...view }) => view);
}

const findFirstApprenticeshipOfApprenticeQuery = builtOnce(
  'find_first_apprenticeship_of_apprentice',
  (db) => selectApprenticeshipsOfApprentice(db).limit(1),
);

/** The first of `listApprenticeshipsOfApprentice`: the apprenticeship a page shows before one is chosen. */
export async function findFirstApprenticeshipOfApprentice(
  db: Executor,
  companyId: string,
  apprenticeId: string,
): Promise<ApprenticeshipRecord | undefined> {
  const [first] = await findFirstApprenticeshipOfApprenticeQuery(db, { companyId, apprenticeId });
  return first;
}
