import type { ReasonCode } from './reasons.js';
import type { ApprenticeshipRelation } from './roles.js';
import {
  type ActorKind,
  isEditable,
  nextStatus,
  type ReviewMode,
  WEEK_ACTIONS,
  type WeekAction,
  type WeekStatus,
} from './status.js';

/**
 * Why a request was refused. `not_found` hides the object's existence from people who may not see it (S10);
 * `forbidden` is for people who see it but may not act; `conflict` for a transition the workflow lacks or a stale version.
 */
export type Refusal = {
  ok: false;
  code: 'not_found' | 'forbidden' | 'conflict';
  reason: ReasonCode;
};
export type Decision<T> = ({ ok: true } & T) | Refusal;

/** Who may see an apprenticeship's weeks at all: the apprentice and the trainers and delegates assigned to it. */
export function canSeeApprenticeship(relation: ApprenticeshipRelation): boolean {
  return relation !== 'none';
}

function actorKindOf(relation: ApprenticeshipRelation): ActorKind | null {
  switch (relation) {
    case 'owner':
      return 'apprentice';
    case 'trainer':
    case 'delegate':
      return relation;
    default:
      return null;
  }
}

/** May the person change the week's content (days, entries, department)? */
export function decideEdit(
  relation: ApprenticeshipRelation,
  status: WeekStatus,
): Decision<Record<never, never>> {
  if (!canSeeApprenticeship(relation))
    return { ok: false, code: 'not_found', reason: 'week_not_found' };
  if (relation !== 'owner')
    return { ok: false, code: 'forbidden', reason: 'only_apprentice_edits' };
  if (!isEditable(status)) return { ok: false, code: 'conflict', reason: 'week_not_editable' };
  return { ok: true };
}

/** May the person open (create) a week of an apprenticeship? Only the apprentice writes their own record. */
export function decideCreate(relation: ApprenticeshipRelation): Decision<Record<never, never>> {
  if (!canSeeApprenticeship(relation))
    return { ok: false, code: 'not_found', reason: 'apprenticeship_not_found' };
  if (relation !== 'owner')
    return { ok: false, code: 'forbidden', reason: 'only_apprentice_edits' };
  return { ok: true };
}

/**
 * May the person perform a workflow action, and where does it lead? The apprentice's own actions (submit, withdraw)
 * belong to the owner; review actions to assigned trainers and delegates, never to the owner (nobody approves their own report).
 */
export function decideTransition(
  relation: ApprenticeshipRelation,
  status: WeekStatus,
  action: WeekAction,
  mode: ReviewMode,
): Decision<{ to: WeekStatus }> {
  const actor = actorKindOf(relation);
  if (actor === null) return { ok: false, code: 'not_found', reason: 'week_not_found' };
  const ownAction = action === 'submit' || action === 'withdraw';
  if (ownAction !== (actor === 'apprentice')) {
    return {
      ok: false,
      code: 'forbidden',
      reason: ownAction ? 'only_apprentice_submits' : 'only_assigned_reviewer',
    };
  }
  const to = nextStatus(status, action, actor, mode);
  if (to === null) return { ok: false, code: 'conflict', reason: 'transition_not_allowed' };
  return { ok: true, to };
}

/** What a viewer may do with a week now: the `viewer` part of a week's view, so buttons follow the server's rules. */
export function viewerPermissions(
  relation: ApprenticeshipRelation,
  status: WeekStatus,
  mode: ReviewMode,
): { canEdit: boolean; actions: WeekAction[] } {
  return {
    canEdit: decideEdit(relation, status).ok,
    actions: WEEK_ACTIONS.filter((action) => decideTransition(relation, status, action, mode).ok),
  };
}

/**
 * Who may take a record out of the system. The printed record (PDF) is for the exam, which trainers prepare with the
 * apprentice; the portable record (everything, the dialogue included), its import and its deletion belong to the
 * apprentice alone (S24).
 */
export function decideRecordAccess(
  relation: ApprenticeshipRelation,
  use: 'print' | 'portable',
): Decision<Record<never, never>> {
  if (!canSeeApprenticeship(relation))
    return { ok: false, code: 'not_found', reason: 'apprenticeship_not_found' };
  if (use === 'portable' && relation !== 'owner')
    return { ok: false, code: 'forbidden', reason: 'only_apprentice_exports_record' };
  return { ok: true };
}

/**
 * May the apprentice delete their record now? Only after the apprenticeship ended, and only once they have exported it
 * since it last changed, so nothing is deleted that they could not keep (S24).
 */
export function decideRecordDeletion(
  relation: ApprenticeshipRelation,
  record: { endDate: string; today: string; exportedSinceLastChange: boolean },
): Decision<Record<never, never>> {
  const access = decideRecordAccess(relation, 'portable');
  if (!access.ok) return access;
  if (record.endDate >= record.today)
    return { ok: false, code: 'conflict', reason: 'record_not_ended' };
  if (!record.exportedSinceLastChange)
    return { ok: false, code: 'conflict', reason: 'record_not_exported' };
  return { ok: true };
}
