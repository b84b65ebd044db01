/** Roles a person holds within one company. Keys as in the domain model; UI labels live in the elements' translations. */
export const COMPANY_ROLES = [
  'company_admin',
  'training_admin',
  'trainer',
  'delegate',
  'apprentice',
] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

/** Chamber staff belong to a chamber, not to a company. */
export const CHAMBER_ROLE = 'chamber_staff' as const;
export type ChamberRole = typeof CHAMBER_ROLE;

/** How a person relates to one apprenticeship; decides what they may see and do with its weeks. */
export const APPRENTICESHIP_RELATIONS = ['owner', 'trainer', 'delegate', 'none'] as const;
export type ApprenticeshipRelation = (typeof APPRENTICESHIP_RELATIONS)[number];

/** Kinds of assignment of a reviewer to an apprenticeship. */
export const ASSIGNMENT_ROLES = ['trainer', 'delegate'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/** The assignment behind a relation to an apprenticeship; null for its apprentice and for anyone else. */
export function assignmentRoleOf(relation: ApprenticeshipRelation): AssignmentRole | null {
  return relation === 'trainer' || relation === 'delegate' ? relation : null;
}
