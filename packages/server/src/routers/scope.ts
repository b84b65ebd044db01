import type { Db } from '../db/database.js';
import type { CompanyMembership } from '../db/queries/memberships.js';
import type { PersonRecord } from '../db/queries/people.js';

/** What a company-scoped procedure knows about its caller: checked against the database on this very call. */
export interface CallerScope {
  db: Db;
  person: PersonRecord;
  company: CompanyMembership;
}
