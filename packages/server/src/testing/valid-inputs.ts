import { randomUUID } from 'node:crypto';
import { addDays, isoWeekOf, mondayOf, type WeekView } from '@berichtsheft/core';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';
import { APPRENTICESHIP_START, callerFor, sampleDays, type World } from './world.js';

/** Procedures whose valid call needs a submitted week. */
export const NEEDS_SUBMITTED = new Set([
  'weeks.withdraw',
  'review.approve',
  'review.approveMany',
  'review.return',
]);

/** Procedures whose valid call needs a message of the apprentice's; `freshWeekFor` sends one about the week. */
export const NEEDS_MESSAGE = new Set(['dialogue.edit', 'dialogue.delete']);

/** The message sent about each fresh week, by the week's id. */
const messageOfWeek = new Map<string, string>();

export type Input = Record<string, unknown> | undefined;

/** A valid input of each procedure for a week in the state it expects. */
export function validInput(path: string, world: World, week: WeekView): Input {
  const companyId = world.companyId;
  const ref = { companyId, weekId: week.id, version: week.version };
  const thread = { companyId, apprenticeshipId: world.apprenticeshipId, weekId: week.id };
  const inputs: Record<string, Input> = {
    me: undefined,
    'apprenticeships.listMine': { companyId },
    'weeks.list': { companyId, apprenticeshipId: world.apprenticeshipId },
    'weeks.find': {
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      isoYear: week.isoYear,
      isoWeek: week.isoWeek,
    },
    'weeks.open': {
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      isoYear: week.isoYear,
      isoWeek: week.isoWeek,
    },
    'weeks.get': { companyId, weekId: week.id },
    'weeks.verify': { companyId, weekId: week.id },
    'weeks.save': { ...ref, department: 'Lager', days: sampleDays(week.weekStart) },
    'weeks.submit': ref,
    'weeks.withdraw': ref,
    'review.queue': { companyId },
    'review.approve': { ...ref, idempotencyKey: randomUUID() },
    'review.approveMany': {
      companyId,
      weeks: [{ weekId: week.id, version: week.version }],
      idempotencyKey: randomUUID(),
    },
    'review.return': { ...ref, reason: 'Bitte ergänzen' },
    'dialogue.messages': thread,
    'dialogue.unread': { companyId },
    'dialogue.post': { ...thread, body: 'Eine Frage zur Woche', clientKey: randomUUID() },
    'dialogue.edit': { companyId, messageId: messageOfWeek.get(week.id), body: 'Geändert' },
    'dialogue.delete': { companyId, messageId: messageOfWeek.get(week.id) },
    'dialogue.markRead': { ...thread, seq: 1 },
    'dialogue.events': { ...thread, lastEventId: '0' },
    'records.delete': { companyId, apprenticeshipId: world.apprenticeshipId },
  };
  expect(path in inputs, `no valid input for ${path}`).toBe(true);
  return inputs[path];
}

/**
 * The `n`th fresh week of the world's apprenticeship, written through the real procedures and, for a procedure that
 * acts on a submitted week, submitted.
 */
export async function freshWeekFor(
  database: Database,
  world: World,
  path: string,
  n: number,
): Promise<WeekView> {
  const apprentice = callerFor(database, world.apprentice.identity);
  const monday = addDays(APPRENTICESHIP_START, 7 * (1 + n));
  const opened = await apprentice.weeks.open({
    companyId: world.companyId,
    apprenticeshipId: world.apprenticeshipId,
    ...isoWeekOf(monday),
  });
  const saved = await apprentice.weeks.save({
    companyId: world.companyId,
    weekId: opened.id,
    version: opened.version,
    department: 'Lager',
    days: sampleDays(mondayOf(opened)),
  });
  if (NEEDS_MESSAGE.has(path)) {
    const message = await apprentice.dialogue.post({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      weekId: saved.id,
      body: 'Bitte ansehen',
      clientKey: randomUUID(),
    });
    messageOfWeek.set(saved.id, message.id);
  }
  if (!NEEDS_SUBMITTED.has(path)) return saved;
  return apprentice.weeks.submit({
    companyId: world.companyId,
    weekId: saved.id,
    version: saved.version,
  });
}
