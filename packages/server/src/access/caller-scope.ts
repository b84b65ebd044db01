import type { CompanyMembership } from '../db/queries/memberships.js';
import type { PersonRecord } from '../db/queries/people.js';
import type { RequestTransaction } from '../db/request-context.js';

/** What a company-scoped procedure knows about its caller: checked against the database on this very call. */
export interface CallerScope {
  /** The call's own transaction, already entered as the runtime role with this caller's context (S13). */
  db: RequestTransaction;
  person: PersonRecord;
  company: CompanyMembership;
}
