import type { CompanyRole, ReviewMode } from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import { builtOnce } from './built-once.js';
import type { Db } from './database.js';
import type { CompanyMembership } from './queries/memberships.js';
import type { PersonRecord } from './queries/people.js';

/**
 * The role every request runs as, created by migration 0002: neither owner of any table nor superuser, so the
 * row-level policies bind it (S13). The server connects as the owner and switches per transaction.
 */
export const RUNTIME_ROLE = 'berichtsheft_runtime';

/** The transaction a request runs in; the use cases' own transactions inside it are savepoints. */
export type RequestTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface RequestEntry {
  /** The caller as stored now, or null when that id names no person of this login any more. */
  person: PersonRecord | null;
  /** The caller's roles in the requested company, read in this very transaction (S9); undefined without any. */
  membership: CompanyMembership | undefined;
}

interface EntryRow {
  personFound: boolean;
  displayName: string | null;
  email: string | null;
  companyId: string | null;
  companyName: string | null;
  reviewMode: ReviewMode | null;
  role: CompanyRole | null;
}

const enterRequestQuery = builtOnce<EntryRow>('bh_enter_request', (db) =>
  db
    .select({
      personFound: sql<boolean>`person_found`,
      displayName: sql<string | null>`display_name`,
      email: sql<string | null>`email`,
      companyId: sql<string | null>`member_company_id`,
      companyName: sql<string | null>`member_company_name`,
      reviewMode: sql<ReviewMode | null>`member_review_mode`,
      role: sql<CompanyRole | null>`member_role`,
    })
    .from(
      sql`bh_enter_request(${sql.placeholder('personId')}, ${sql.placeholder('issuer')}, ${sql.placeholder('subject')}, ${sql.placeholder('companyId')})`,
    ),
);

/**
 * The first statement of every request: switches the transaction to the runtime role, sets the caller and (if they
 * are a member) the company as the context the policies read, and returns the person and their membership, in one
 * round trip (see bh_enter_request in migration 0002).
 */
export async function enterRequest(
  tx: RequestTransaction,
  personId: string,
  login: { issuer: string; subject: string },
  companyId: string | null,
): Promise<RequestEntry> {
  const rows = await enterRequestQuery(tx, {
    personId,
    issuer: login.issuer,
    subject: login.subject,
    companyId,
  });
  const [first] = rows;
  if (!first?.personFound) return { person: null, membership: undefined };
  const person: PersonRecord = {
    id: personId,
    displayName: first.displayName ?? '',
    email: first.email,
  };
  const roles = rows.flatMap((row) => (row.role === null ? [] : [row.role]));
  if (first.companyId === null || first.companyName === null || first.reviewMode === null) {
    return { person, membership: undefined };
  }
  return {
    person,
    membership: {
      companyId: first.companyId,
      companyName: first.companyName,
      reviewMode: first.reviewMode,
      roles,
    },
  };
}

/**
 * Switches the transaction to the runtime role with only the caller's login as context, so that the policies let it
 * find, create and update exactly the person of that login and nothing else.
 */
export async function enterAsLogin(
  tx: RequestTransaction,
  login: { issuer: string; subject: string },
): Promise<void> {
  await tx.execute(
    sql`select set_config('role', ${RUNTIME_ROLE}, true), set_config('bh.issuer', ${login.issuer}, true),
               set_config('bh.subject', ${login.subject}, true)`,
  );
}
