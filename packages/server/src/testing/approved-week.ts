import { type IsoWeek, mondayOf, type WeekView } from '@berichtsheft/core';
import type { Database } from '../db/database.js';
import { sampleDays } from './sample-week.js';
import { callerFor, type World } from './world.js';

/** A week of the world's apprentice, written, submitted and approved by the trainer through the real procedures. */
export async function approvedWeek(
  database: Database,
  world: World,
  week: IsoWeek,
  department: string,
): Promise<WeekView> {
  const ref = { companyId: world.companyId };
  const apprentice = callerFor(database, world.apprentice.identity);
  const opened = await apprentice.weeks.open({
    ...ref,
    apprenticeshipId: world.apprenticeshipId,
    ...week,
  });
  const saved = await apprentice.weeks.save({
    ...ref,
    weekId: opened.id,
    version: opened.version,
    department,
    days: sampleDays(mondayOf(week)),
  });
  const submitted = await apprentice.weeks.submit({
    ...ref,
    weekId: saved.id,
    version: saved.version,
  });
  return callerFor(database, world.trainer.identity).review.approve({
    ...ref,
    weekId: submitted.id,
    version: submitted.version,
  });
}

/** The error a statement fails with, with the driver's wrapping taken off; 'no error' when it succeeds. */
export async function failureOf(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return cause instanceof Error ? cause.message : String(cause);
  }
  return 'no error';
}
