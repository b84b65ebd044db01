import { z } from 'zod';
import {
  ATTENDANCE_TYPES,
  type DayContent,
  ENTRY_FORMS,
  ENTRY_KINDS,
  exceedsDay,
  isAbsence,
  LIMITS,
  TEXT_RULES,
  type TextRule,
} from './content.js';
import { DIALOGUE_LIMITS } from './dialogue.js';
import { FILE_LIMITS } from './files.js';
import { hasControlCharacters, hasLoneSurrogates } from './text.js';
import { daysOfWeek, isoWeeksInYear, parseIsoDate } from './week.js';

/**
 * Inputs of every API procedure. All objects are strict: unknown keys such as `status`, `approvedBy` or `version` in
 * the wrong place are refused rather than ignored (S12). Messages are stable English sentences; the elements map the
 * paths to their own localized text.
 */

export const idSchema = z.uuid({ message: 'Must be an id (UUID).' });

/** The largest version a week can reach: its column is a 4-byte integer. */
export const VERSION_MAX = 2_147_483_647;

/** A week's version as the caller read it (S17); beyond the column's range no week can have it. */
const versionSchema = z
  .number()
  .int({ message: 'Must be a whole number.' })
  .min(1)
  .max(VERSION_MAX, { message: 'No week has this version.' });

export const isoDateSchema = z
  .string()
  .refine((value) => parseIsoDate(value) !== null, { message: 'Must be a date as YYYY-MM-DD.' });

/** A text field by its rule in core, the one the editor checks drafts with too. */
const trimmedText = (rule: TextRule, missing = 'Must not be empty.') => {
  const text = z
    .string()
    .trim()
    .max(rule.max, { message: `Must be at most ${rule.max} characters.` })
    .refine((value) => !hasControlCharacters(value), {
      message: 'Must not contain control characters.',
    })
    .refine((value) => !hasLoneSurrogates(value), {
      message: 'Must be valid Unicode text.',
    });
  return rule.required ? text.min(1, { message: missing }) : text;
};

export const companyScopedInput = z.strictObject({ companyId: idSchema });

export const entryInput = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  form: z.enum(ENTRY_FORMS),
  text: trimmedText(TEXT_RULES.entryText, 'Describe the activity.'),
  minutes: z
    .number()
    .int({ message: 'Minutes must be a whole number.' })
    .min(0)
    .max(LIMITS.minutesPerDayMax),
  lernfeld: trimmedText(TEXT_RULES.lernfeld).nullish(),
  rahmenplanRefs: z
    .array(trimmedText(TEXT_RULES.rahmenplanRef))
    .max(LIMITS.rahmenplanRefsMax)
    .optional(),
});

export const dayInput = z
  .strictObject({
    date: isoDateSchema,
    attendance: z.enum(ATTENDANCE_TYPES),
    entries: z.array(entryInput).max(LIMITS.entriesPerDayMax),
  })
  .refine((day: DayContent) => !exceedsDay(day), {
    message: 'A day cannot hold more than 24 hours.',
    path: ['entries'],
  })
  .refine((day: DayContent) => !isAbsence(day.attendance) || day.entries.length === 0, {
    message: 'A day of absence carries no activities.',
    path: ['entries'],
  });

const isoYearSchema = z.number().int().min(2000).max(2100);
const isoWeekSchema = z.number().int().min(1).max(53);

function hasIsoWeek(week: { isoYear: number; isoWeek: number }): boolean {
  return week.isoWeek <= isoWeeksInYear(week.isoYear);
}

const noWeek53 = { message: 'That year has no week 53.', path: ['isoWeek'] };

export const weekOpenInput = z
  .strictObject({
    companyId: idSchema,
    apprenticeshipId: idSchema,
    isoYear: isoYearSchema,
    isoWeek: isoWeekSchema,
  })
  .refine(hasIsoWeek, noWeek53);

/**
 * A week looked up by its ISO week, without creating it. Without `apprenticeshipId` it is the caller's own
 * apprenticeship in the company (the first that `apprenticeships.listMine` lists), so a page can ask for the list of
 * apprenticeships and the week in one batch before it knows any id.
 */
export const weekFindInput = z
  .strictObject({
    companyId: idSchema,
    apprenticeshipId: idSchema.optional(),
    isoYear: isoYearSchema,
    isoWeek: isoWeekSchema,
  })
  .refine(hasIsoWeek, noWeek53);

/** The weeks of an apprenticeship; without `apprenticeshipId`, of the caller's own one, as in `weekFindInput`. */
export const weekListInput = z.strictObject({
  companyId: idSchema,
  apprenticeshipId: idSchema.optional(),
});

export const apprenticeshipRefInput = z.strictObject({
  companyId: idSchema,
  apprenticeshipId: idSchema,
});

export const weekRefInput = z.strictObject({ companyId: idSchema, weekId: idSchema });

export const weekSaveInput = z
  .strictObject({
    companyId: idSchema,
    weekId: idSchema,
    version: versionSchema,
    department: trimmedText(TEXT_RULES.department),
    days: z.array(dayInput).max(7),
  })
  .refine((input) => new Set(input.days.map((day) => day.date)).size === input.days.length, {
    message: 'Each day may appear only once.',
    path: ['days'],
  });

/** Retries of the same workflow action carry the same key, so they act once (S18). */
const idempotencyKey = z.uuid({ message: 'Must be a UUID.' }).optional();

export const weekTransitionInput = z.strictObject({
  companyId: idSchema,
  weekId: idSchema,
  version: versionSchema,
  idempotencyKey,
});

export const weekReturnInput = z.strictObject({
  companyId: idSchema,
  weekId: idSchema,
  version: versionSchema,
  idempotencyKey,
  reason: trimmedText(TEXT_RULES.reason, 'Say what needs to be changed.'),
});

/** How many weeks one bulk approval may carry: a trainer's week across a large cohort, not an unbounded batch. */
export const BULK_APPROVAL_MAX = 50;

/**
 * Approval of many weeks in one call. Each week is approved on its own, with its own version guard; the one key of
 * the call yields a key per week, so a retried call acts on no week twice (S18).
 */
export const reviewApproveManyInput = z.strictObject({
  companyId: idSchema,
  weeks: z
    .array(z.strictObject({ weekId: idSchema, version: versionSchema }))
    .min(1, { message: 'Select at least one week.' })
    .max(BULK_APPROVAL_MAX, { message: `Select at most ${BULK_APPROVAL_MAX} weeks.` })
    .refine((weeks) => new Set(weeks.map((week) => week.weekId)).size === weeks.length, {
      message: 'Each week may appear only once.',
    }),
  idempotencyKey,
});

/** Whether all days of a save lie in the week being saved; the week itself is known only to the server. */
export function daysOutsideWeek(
  week: { isoYear: number; isoWeek: number },
  days: readonly { date: string }[],
): string[] {
  const allowed = new Set(daysOfWeek(week));
  return days.map((day) => day.date).filter((date) => !allowed.has(date));
}

export type CompanyScopedInput = z.infer<typeof companyScopedInput>;
export type EntryInput = z.infer<typeof entryInput>;
export type DayInput = z.infer<typeof dayInput>;
export type WeekOpenInput = z.infer<typeof weekOpenInput>;
export type ApprenticeshipRefInput = z.infer<typeof apprenticeshipRefInput>;
export type WeekFindInput = z.infer<typeof weekFindInput>;
export type WeekListInput = z.infer<typeof weekListInput>;
export type WeekRefInput = z.infer<typeof weekRefInput>;
export type WeekSaveInput = z.infer<typeof weekSaveInput>;
export type WeekTransitionInput = z.infer<typeof weekTransitionInput>;
export type WeekReturnInput = z.infer<typeof weekReturnInput>;
export type ReviewApproveManyInput = z.infer<typeof reviewApproveManyInput>;

/** A position in a thread's sequence of changes; every message and read marker carries the one of its last change. */
const sequenceSchema = z
  .number()
  .int({ message: 'Must be a whole number.' })
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

/**
 * A thread is named by what it is about: an apprenticeship as a whole, or one of its weeks. It need not exist yet;
 * the first message starts it.
 */
const threadRef = {
  companyId: idSchema,
  apprenticeshipId: idSchema,
  weekId: idSchema.optional(),
};

export const dialogueThreadInput = z.strictObject(threadRef);

/** A page of a thread, newest first: the messages before `before` (a message's `seq`), or the newest ones. */
export const dialogueMessagesInput = z.strictObject({
  ...threadRef,
  before: sequenceSchema.optional(),
  limit: z.number().int().min(1).max(DIALOGUE_LIMITS.pageMax).optional(),
});

/** A retry of the same message carries the same `clientKey`, so a message is never posted twice (S18). */
export const dialoguePostInput = z.strictObject({
  ...threadRef,
  body: trimmedText(TEXT_RULES.message, 'Write a message.'),
  clientKey: z.uuid({ message: 'Must be a UUID.' }),
  /** Files the author uploaded for this message and has not attached to another. */
  attachmentIds: z
    .array(idSchema)
    .max(FILE_LIMITS.perMessage, { message: `Attach at most ${FILE_LIMITS.perMessage} files.` })
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'Each file may appear only once.',
    })
    .optional(),
});

export const dialogueEditInput = z.strictObject({
  companyId: idSchema,
  messageId: idSchema,
  body: trimmedText(TEXT_RULES.message, 'Write a message.'),
});

export const dialogueDeleteInput = z.strictObject({ companyId: idSchema, messageId: idSchema });

/** The caller has read the thread up to the message with sequence `seq`. */
export const dialogueReadInput = z.strictObject({ ...threadRef, seq: sequenceSchema });

/**
 * Following a thread live. `lastEventId` is the sequence of the last change seen (tRPC's resumption id): the
 * subscription first sends every change after it, so a reconnect misses nothing and repeats nothing.
 */
export const dialogueEventsInput = z.strictObject({
  ...threadRef,
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/, { message: 'Must be the sequence number of a change.' })
    .nullish(),
});

export type DialogueThreadInput = z.infer<typeof dialogueThreadInput>;
export type DialogueMessagesInput = z.infer<typeof dialogueMessagesInput>;
export type DialoguePostInput = z.infer<typeof dialoguePostInput>;
export type DialogueEditInput = z.infer<typeof dialogueEditInput>;
export type DialogueDeleteInput = z.infer<typeof dialogueDeleteInput>;
export type DialogueReadInput = z.infer<typeof dialogueReadInput>;
export type DialogueEventsInput = z.infer<typeof dialogueEventsInput>;
