import { randomUUID } from 'node:crypto';
import type { ReviewMode } from '@berichtsheft/core';
import { type Context, createContext, type Identity } from '../context.js';
import type { Database } from '../db/database.js';
import { createApprenticeship } from '../db/queries/apprenticeships.js';
import { assignReviewer } from '../db/queries/assignments.js';
import { ensureChamber } from '../db/queries/chambers.js';
import { createCompany } from '../db/queries/companies.js';
import { addMembership } from '../db/queries/memberships.js';
import { ensurePerson } from '../db/queries/people.js';
import { appRouter } from '../routers/index.js';
import { createCallerFactory } from '../trpc/init.js';

export const TEST_ISSUER = 'https://login.example.test';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export function callerFor(database: Database, identity: Identity | null): Caller {
  const context: Context = createContext({ database, identity });
  return createCaller(context);
}

export interface WorldPerson {
  identity: Identity;
  id: string;
}

/**
 * Two companies of one chamber, each with its people, built with fresh names so that many worlds share a database.
 * Company A: apprentice (own apprenticeship), trainer and delegate assigned to it, a trainer without assignment, an
 * admin. Company B: its own apprentice with an apprenticeship, and its admin.
 */
export interface World {
  companyId: string;
  otherCompanyId: string;
  apprenticeshipId: string;
  otherApprenticeshipId: string;
  apprentice: WorldPerson;
  trainer: WorldPerson;
  delegate: WorldPerson;
  unassignedTrainer: WorldPerson;
  admin: WorldPerson;
  otherApprentice: WorldPerson;
  otherAdmin: WorldPerson;
}

export const APPRENTICESHIP_START = '2025-08-01';
export const APPRENTICESHIP_END = '2028-07-31';

export async function createWorld(
  database: Database,
  options: { reviewMode?: ReviewMode; issuer?: string } = {},
): Promise<World> {
  const { db } = database;
  const tag = randomUUID().slice(0, 8);
  const person = async (name: string): Promise<WorldPerson> => {
    const identity: Identity = {
      issuer: options.issuer ?? TEST_ISSUER,
      subject: `${name}-${tag}`,
      displayName: `${tag} ${name}`,
      email: `${name}.${tag}@example.test`,
    };
    return { identity, id: (await ensurePerson(db, identity)).id };
  };
  const chamberId = await ensureChamber(db, { name: 'IHK Test', chamberNumber: '999' });
  const companyId = await createCompany(db, {
    name: `Firma A ${tag}`,
    chamberId,
    registrationStatus: 'verified',
    reviewMode: options.reviewMode ?? 'single',
  });
  const otherCompanyId = await createCompany(db, {
    name: `Firma B ${tag}`,
    chamberId,
    registrationStatus: 'verified',
  });

  const apprentice = await person('apprentice');
  const trainer = await person('trainer');
  const delegate = await person('delegate');
  const unassignedTrainer = await person('unassigned');
  const admin = await person('admin');
  const otherApprentice = await person('other-apprentice');
  const otherAdmin = await person('other-admin');

  const members: [WorldPerson, string, Parameters<typeof addMembership>[1]['role']][] = [
    [apprentice, companyId, 'apprentice'],
    [trainer, companyId, 'trainer'],
    [delegate, companyId, 'delegate'],
    [unassignedTrainer, companyId, 'trainer'],
    [admin, companyId, 'company_admin'],
    [admin, companyId, 'training_admin'],
    [otherApprentice, otherCompanyId, 'apprentice'],
    [otherAdmin, otherCompanyId, 'company_admin'],
    [otherAdmin, otherCompanyId, 'training_admin'],
  ];
  for (const [member, company, role] of members) {
    await addMembership(db, { personId: member.id, companyId: company, role });
  }

  const apprenticeshipId = await createApprenticeship(db, {
    companyId,
    apprenticeId: apprentice.id,
    occupation: 'Fachinformatiker/in Anwendungsentwicklung',
    startDate: APPRENTICESHIP_START,
    endDate: APPRENTICESHIP_END,
  });
  const otherApprenticeshipId = await createApprenticeship(db, {
    companyId: otherCompanyId,
    apprenticeId: otherApprentice.id,
    occupation: 'Industriekaufmann/-frau',
    startDate: APPRENTICESHIP_START,
    endDate: APPRENTICESHIP_END,
  });
  await assignReviewer(db, { apprenticeshipId, personId: trainer.id, role: 'trainer' });
  await assignReviewer(db, { apprenticeshipId, personId: delegate.id, role: 'delegate' });

  return {
    companyId,
    otherCompanyId,
    apprenticeshipId,
    otherApprenticeshipId,
    apprentice,
    trainer,
    delegate,
    unassignedTrainer,
    admin,
    otherApprentice,
    otherAdmin,
  };
}

export { sampleDays } from './sample-week.js';
