import type { ReviewMode } from '@berichtsheft/core';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { companies } from '../schema/index.js';

export type RegistrationStatus = (typeof companies.registrationStatus.enumValues)[number];

export interface NewCompany {
  name: string;
  chamberId: string;
  identNumber?: string | null;
  registrationStatus?: RegistrationStatus;
  reviewMode?: ReviewMode;
}

export async function createCompany(db: Executor, company: NewCompany): Promise<string> {
  const [created] = await db
    .insert(companies)
    .values({
      name: company.name,
      chamberId: company.chamberId,
      identNumber: company.identNumber ?? null,
      registrationStatus: company.registrationStatus ?? 'pending',
      reviewMode: company.reviewMode ?? 'single',
    })
    .returning({ id: companies.id });
  if (!created) throw new Error('Company was not created');
  return created.id;
}

/** A company by its chamber and Unternehmens-Identnummer, the key under which the chamber knows it. */
export async function findCompanyByIdentNumber(
  db: Executor,
  chamberId: string,
  identNumber: string,
): Promise<{ id: string } | undefined> {
  const [company] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.chamberId, chamberId), eq(companies.identNumber, identNumber)));
  return company;
}

export async function setReviewMode(
  db: Executor,
  companyId: string,
  reviewMode: ReviewMode,
): Promise<void> {
  await db
    .update(companies)
    .set({ reviewMode, updatedAt: new Date() })
    .where(eq(companies.id, companyId));
}
