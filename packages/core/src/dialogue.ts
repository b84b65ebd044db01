import type { Decision } from './permissions.js';
import type { ApprenticeshipRelation } from './roles.js';

/** The dialogue's bounds (a message's length is `TEXT_RULES.message`): one page of a thread, and how long an author may still change a message. */
export const DIALOGUE_LIMITS = {
  pageDefault: 30,
  pageMax: 100,
  /** Long enough to fix a typo or take back a message sent too soon; short enough that a reply still reads in context. */
  changeWindowMinutes: 15,
} as const;

const CHANGE_WINDOW_MS = DIALOGUE_LIMITS.changeWindowMinutes * 60_000;

/**
 * Who takes part in an apprenticeship's dialogue: the apprentice and the trainers and delegates assigned to it. Nobody
 * else reads, writes or follows it — not a company admin, and never chamber staff.
 */
export function takesPartInDialogue(relation: ApprenticeshipRelation): boolean {
  return relation === 'owner' || relation === 'trainer' || relation === 'delegate';
}

/** A message as far as the rules for changing it care. */
export interface MessageFacts {
  authorId: string;
  createdAt: Date;
  deleted: boolean;
}

/** Until when the author may still edit or delete the message; null when nobody may any more (or ever could). */
export function messageChangeableUntil(message: MessageFacts, personId: string): Date | null {
  if (message.deleted || message.authorId !== personId) return null;
  return new Date(message.createdAt.getTime() + CHANGE_WINDOW_MS);
}

/**
 * May the person edit or delete the message now? Only its author, only within the change window after sending, and
 * not once it is deleted. A message the person cannot see at all does not exist for them (S10).
 */
export function decideMessageChange(
  relation: ApprenticeshipRelation,
  message: MessageFacts,
  personId: string,
  now: Date,
): Decision<Record<never, never>> {
  if (!takesPartInDialogue(relation)) {
    return { ok: false, code: 'not_found', reason: 'message_not_found' };
  }
  if (message.authorId !== personId) {
    return { ok: false, code: 'forbidden', reason: 'only_author_changes_message' };
  }
  if (message.deleted) return { ok: false, code: 'conflict', reason: 'message_deleted' };
  const until = messageChangeableUntil(message, personId);
  if (until === null || now.getTime() > until.getTime()) {
    return { ok: false, code: 'conflict', reason: 'change_window_closed' };
  }
  return { ok: true };
}
