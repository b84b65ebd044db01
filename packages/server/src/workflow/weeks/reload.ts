import type { Executor } from '../../db/database.js';
import { findWeek, type WeekRecord } from '../../db/queries/weeks.js';

/** Reads the week again after a write in the same transaction. */
export async function reloadWeek(
  db: Executor,
  companyId: string,
  weekId: string,
): Promise<WeekRecord> {
  const week = await findWeek(db, companyId, weekId);
  if (!week) throw new Error(`Week ${weekId} vanished inside its own transaction`);
  return week;
}
