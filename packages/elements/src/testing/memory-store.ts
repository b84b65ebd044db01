import { ApiError } from '@berichtsheft/client';
import {
  type ApprenticeshipRelation,
  type ApprenticeshipView,
  type ApprovalView,
  addDays,
  type CompanyRole,
  canonicalWeekContent,
  contentHash,
  type DayView,
  mondayOf,
  type Refusal,
  type TransitionView,
  trainingYearOf,
  viewerPermissions,
  type WeekStatus,
  type WeekView,
} from '@berichtsheft/core';

export interface MemoryPerson {
  id: string;
  displayName: string;
  email: string | null;
}

export interface MemoryApprenticeship extends ApprenticeshipView {
  apprenticeId: string;
  trainerIds: string[];
  delegateIds: string[];
}

export interface MemoryWeek {
  id: string;
  apprenticeshipId: string;
  isoYear: number;
  isoWeek: number;
  status: WeekStatus;
  version: number;
  department: string;
  days: DayView[];
  returnReason: string | null;
  submittedAt: Date | null;
  approval: ApprovalView | null;
  history: TransitionView[];
}

export interface MemorySeed {
  companies: { id: string; name: string }[];
  people: MemoryPerson[];
  memberships: { personId: string; companyId: string; role: CompanyRole }[];
  apprenticeships: MemoryApprenticeship[];
  weeks: MemoryWeek[];
}

const REFUSAL_CODES = {
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
} as const;

export function refusalError(refusal: Refusal): ApiError {
  return new ApiError(REFUSAL_CODES[refusal.code], refusal.reason);
}

/**
 * The data behind the in-memory API: what the server keeps in its database, held in plain objects. Rules are not
 * decided here but by core, exactly as the server does; this class only stores and looks up.
 */
export class MemoryStore {
  readonly data: MemorySeed;
  /** Approvals of seeded weeks need a hash, which is computed asynchronously. */
  readonly ready: Promise<void>;
  #failures: ApiError[] = [];
  #hold: Promise<void> | null = null;

  constructor(seed: MemorySeed) {
    this.data = structuredClone(seed);
    this.ready = Promise.all(
      this.data.weeks
        .filter((week) => week.approval !== null)
        .map(async (week) => {
          if (week.approval) week.approval.contentHash = await this.hashOf(week);
        }),
    ).then(() => undefined);
  }

  hashOf(week: MemoryWeek): Promise<string> {
    return contentHash(canonicalWeekContent({ department: week.department, days: week.days }));
  }

  // --- hooks for tests and stories -------------------------------------------------------------

  /** The next call fails with this error (a network error, a 500 …). */
  failNext(error: ApiError): void {
    this.#failures.push(error);
  }

  /** Calls wait until the returned function is called: the loading state stays visible. */
  hold(): () => void {
    let release: () => void = () => {};
    this.#hold = new Promise<void>((resolve) => {
      release = () => {
        this.#hold = null;
        resolve();
      };
    });
    return release;
  }

  /** Someone saved the week in another tab: its version moves on and the department changes. */
  changeElsewhere(weekId: string, department: string): void {
    const week = this.week(weekId);
    if (!week) throw new Error(`No week ${weekId}`);
    week.department = department;
    week.version += 1;
  }

  /** Every call of the API passes here first. */
  async gate(): Promise<void> {
    await this.ready;
    if (this.#hold) await this.#hold;
    // Answer asynchronously like a network would, so elements render their loading state.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const failure = this.#failures.shift();
    if (failure) throw failure;
  }

  // --- lookups ------------------------------------------------------------------------------------

  person(id: string): MemoryPerson | undefined {
    return this.data.people.find((person) => person.id === id);
  }

  isMember(personId: string, companyId: string): boolean {
    return this.data.memberships.some((m) => m.personId === personId && m.companyId === companyId);
  }

  apprenticeship(companyId: string, id: string): MemoryApprenticeship | undefined {
    return this.data.apprenticeships.find((a) => a.id === id && a.companyId === companyId);
  }

  week(id: string): MemoryWeek | undefined {
    return this.data.weeks.find((week) => week.id === id);
  }

  relationOf(personId: string, apprenticeship: MemoryApprenticeship): ApprenticeshipRelation {
    if (apprenticeship.apprenticeId === personId) return 'owner';
    if (apprenticeship.trainerIds.includes(personId)) return 'trainer';
    if (apprenticeship.delegateIds.includes(personId)) return 'delegate';
    return 'none';
  }

  /** The API view of a week for one viewer, with what core says they may do. */
  view(week: MemoryWeek, relation: ApprenticeshipRelation): WeekView {
    const apprenticeship = this.data.apprenticeships.find((a) => a.id === week.apprenticeshipId);
    if (!apprenticeship) throw new Error(`Week ${week.id} has no apprenticeship`);
    const weekStart = mondayOf(week);
    const mode = apprenticeship.reviewMode;
    return structuredClone({
      id: week.id,
      apprenticeshipId: week.apprenticeshipId,
      isoYear: week.isoYear,
      isoWeek: week.isoWeek,
      weekStart,
      weekEnd: addDays(weekStart, 6),
      trainingYear: trainingYearOf(apprenticeship.startDate, weekStart),
      status: week.status,
      version: week.version,
      apprenticeName: apprenticeship.apprenticeName,
      occupation: apprenticeship.occupation,
      department: week.department,
      reviewMode: mode,
      returnReason: week.status === 'returned' ? week.returnReason : null,
      days: [...week.days].sort((a, b) => a.date.localeCompare(b.date)),
      approval: week.approval,
      history: week.history,
      viewer: viewerPermissions(relation, week.status, mode),
    });
  }
}
