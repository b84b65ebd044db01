/** Statuses of a report week. German labels: Entwurf, Eingereicht, Vorgeprüft, Zur Überarbeitung, Abgezeichnet. */
export const WEEK_STATUSES = ['draft', 'submitted', 'reviewed', 'returned', 'approved'] as const;
export type WeekStatus = (typeof WEEK_STATUSES)[number];

/** What can be done to a week. "Submit" and "approve" are distinct words on purpose: the chambers' tool uses "freigeben" for both. */
export const WEEK_ACTIONS = ['submit', 'withdraw', 'approve', 'return'] as const;
export type WeekAction = (typeof WEEK_ACTIONS)[number];

/** `single`: trainer or delegate approves. `two_stage`: a delegate pre-approves (Vorgeprüft), a trainer approves. */
export const REVIEW_MODES = ['single', 'two_stage'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** Who performs the action, as far as the status machine cares. */
export type ActorKind = 'apprentice' | 'trainer' | 'delegate';

/** Statuses in which the apprentice may change the content. */
export const EDITABLE_STATUSES: readonly WeekStatus[] = ['draft', 'returned'];

export function isEditable(status: WeekStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/**
 * The status a week moves to when `actor` performs `action` on it, or `null` when that transition does not exist.
 * This table is the only definition of the workflow; the server and the elements both ask it.
 */
export function nextStatus(
  from: WeekStatus,
  action: WeekAction,
  actor: ActorKind,
  mode: ReviewMode = 'single',
): WeekStatus | null {
  switch (action) {
    case 'submit':
      return actor === 'apprentice' && (from === 'draft' || from === 'returned')
        ? 'submitted'
        : null;
    case 'withdraw':
      return actor === 'apprentice' && from === 'submitted' ? 'draft' : null;
    case 'approve':
      if (actor === 'apprentice') return null;
      if (mode === 'two_stage') {
        if (actor === 'delegate') return from === 'submitted' ? 'reviewed' : null;
        return from === 'submitted' || from === 'reviewed' ? 'approved' : null;
      }
      return from === 'submitted' ? 'approved' : null;
    case 'return':
      if (actor === 'apprentice') return null;
      if (from === 'submitted') return 'returned';
      return from === 'reviewed' && actor === 'trainer' ? 'returned' : null;
  }
}

/** Statuses in which a week waits for `actor` (as reviewer) to act. */
export function awaitsReviewer(
  status: WeekStatus,
  actor: 'trainer' | 'delegate',
  mode: ReviewMode,
): boolean {
  return nextStatus(status, 'approve', actor, mode) !== null;
}
