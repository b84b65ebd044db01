import type { Identity } from '../context.js';
import type { Database } from '../db/database.js';
import type { CompanyMembership } from '../db/queries/memberships.js';
import { type PersonRecord, refreshProfile } from '../db/queries/people.js';
import { enterRequest, type RequestTransaction } from '../db/request-context.js';
import { forgetPersonId, personIdOf } from './caller-person.js';

/** Who is calling, as read at the start of the request's transaction. */
export interface RequestCaller {
  person: PersonRecord;
  /** The caller's membership in the requested company; undefined when they have none or none was requested. */
  company: CompanyMembership | undefined;
}

/** Thrown inside the transaction to undo it when the remembered person id names nobody any more. */
class PersonVanished extends Error {
  constructor() {
    super('The remembered person no longer exists, or belongs to another login now');
    this.name = 'PersonVanished';
  }
}

/**
 * Runs one call in one transaction (one connection slot, S26): entered as the runtime role with the caller's context
 * (S13), the membership read fresh in that same statement (S9), then `work` on the transaction. Whatever `work` does
 * in transactions of its own runs in savepoints of this one. A person id remembered for a person who has since been
 * deleted, or moved to another login, is noticed by the first statement; the call then starts over once with the person looked up again.
 */
export async function inRequestTransaction<T>(
  database: Database,
  identity: Identity,
  companyId: string | null,
  work: (tx: RequestTransaction, caller: RequestCaller) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const personId = await personIdOf(database, identity);
    try {
      return await database.db.transaction(async (tx) => {
        const entry = await enterRequest(tx, personId, identity, companyId);
        if (entry.person === null) throw new PersonVanished();
        const person = await refreshProfile(tx, entry.person, identity);
        return work(tx, { person, company: entry.membership });
      });
    } catch (error) {
      if (!(error instanceof PersonVanished)) throw error;
      forgetPersonId(database, identity);
      // A person created a moment ago and deleted again at once is a fault worth reporting, not worth a loop.
      if (attempt >= 2) throw error;
    }
  }
}

/** Carries a procedure's failed result out of the transaction callback, so that the transaction is rolled back. */
class FailedResult<R> extends Error {
  constructor(readonly result: R) {
    super('The procedure failed; its transaction is rolled back');
    this.name = 'FailedResult';
  }
}

/**
 * tRPC hands a middleware the procedure's outcome as a value, not as a thrown error. A failed outcome is thrown out
 * of the transaction callback with this, so that the transaction is rolled back; `keepOutcomeOfRollback` hands it on
 * unchanged.
 */
export function rollBackUnlessOk<R extends { ok: boolean }>(outcome: R): R {
  if (!outcome.ok) throw new FailedResult(outcome);
  return outcome;
}

/**
 * The procedure's outcome once its transaction has ended: a success only after the commit went through (so nobody is
 * told of a change that did not happen), a failure after the rollback.
 */
export async function keepOutcomeOfRollback<R>(transaction: Promise<R>): Promise<R> {
  try {
    return await transaction;
  } catch (error) {
    if (error instanceof FailedResult) return error.result as R;
    throw error;
  }
}
