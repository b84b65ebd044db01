import { ApiError, type BerichtsheftApi, isApiError } from '@berichtsheft/client';
import {
  awaitsReviewer,
  type BulkApprovalResultView,
  companyScopedInput,
  completeEntry,
  daysOutsideWeek,
  decideCreate,
  decideEdit,
  decideTransition,
  idSchema,
  minutesOfDay,
  mondayOf,
  type QueueItemView,
  reviewApproveManyInput,
  trainingYearOf,
  type WeekAction,
  type WeekView,
  weekFindInput,
  weekOpenInput,
  weekOverlaps,
  weekRefInput,
  weekReturnInput,
  weekSaveInput,
  weekSummaryOf,
  weekTransitionInput,
} from '@berichtsheft/core';
import {
  type MemoryApprenticeship,
  type MemoryStore,
  type MemoryWeek,
  refusalError,
} from './memory-store.js';

interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

function parse<T>(schema: Schema<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError('BAD_REQUEST', 'invalid_input');
  return result.data;
}

/**
 * A `BerichtsheftApi` over a `MemoryStore`, acting as one signed-in person. It validates with core's schemas and
 * decides with core's rules, in the order the server does, so the elements meet the same answers and errors.
 */
export function createMemoryApi(store: MemoryStore, personId: string): BerichtsheftApi {
  const idempotent = new Map<string, WeekView>();

  const member = (companyId: string) => {
    if (!store.isMember(personId, companyId)) throw new ApiError('NOT_FOUND', 'company_not_found');
  };

  const weekInCompany = (companyId: string, weekId: string) => {
    member(companyId);
    const week = store.week(weekId);
    const apprenticeship = week && store.apprenticeship(companyId, week.apprenticeshipId);
    if (!week || !apprenticeship) throw new ApiError('NOT_FOUND', 'week_not_found');
    const relation = store.relationOf(personId, apprenticeship);
    if (relation === 'none') throw new ApiError('NOT_FOUND', 'week_not_found');
    return { week, apprenticeship, relation };
  };

  /** The named apprenticeship if the person may see it, else their own first one, as the server decides. */
  const targetApprenticeship = (companyId: string, apprenticeshipId: string | undefined) => {
    const apprenticeship =
      apprenticeshipId === undefined
        ? store.data.apprenticeships.find(
            (a) => a.companyId === companyId && a.apprenticeId === personId,
          )
        : store.apprenticeship(companyId, parse(idSchema, apprenticeshipId));
    if (!apprenticeship || store.relationOf(personId, apprenticeship) === 'none') {
      throw new ApiError('NOT_FOUND', 'apprenticeship_not_found');
    }
    return apprenticeship;
  };

  const transition = async (
    action: WeekAction,
    raw: unknown,
    reason: string | null = null,
  ): Promise<WeekView> => {
    await store.gate();
    const input = parse(action === 'return' ? weekReturnInput : weekTransitionInput, raw);
    const key = input.idempotencyKey && `${action}:${input.idempotencyKey}`;
    return perform(action, input, key, reason);
  };

  /** One step of the workflow on a validated input; `key` makes a retry return the earlier answer (S18). */
  const perform = async (
    action: WeekAction,
    input: { companyId: string; weekId: string; version: number },
    key: string | undefined,
    reason: string | null,
  ): Promise<WeekView> => {
    const earlier = key ? idempotent.get(key) : undefined;
    if (earlier) return structuredClone(earlier);
    const { week, apprenticeship, relation } = weekInCompany(input.companyId, input.weekId);
    const decision = decideTransition(relation, week.status, action, apprenticeship.reviewMode);
    if (!decision.ok) throw refusalError(decision);
    if (input.version !== week.version) throw new ApiError('CONFLICT', 'stale_version');
    const actor = store.person(personId);
    const at = new Date();
    week.history.push({
      action,
      from: week.status,
      to: decision.to,
      actorName: actor?.displayName ?? '',
      reason,
      at,
    });
    week.status = decision.to;
    week.version += 1;
    if (action === 'submit') {
      week.submittedAt = at;
      week.returnReason = null;
    }
    if (action === 'return') week.returnReason = reason;
    if (decision.to === 'approved') {
      week.approval = {
        version: week.version,
        contentHash: await store.hashOf(week),
        approvedByName: actor?.displayName ?? '',
        approvedAt: at,
      };
    }
    const view = store.view(week, relation);
    if (key) idempotent.set(key, view);
    return view;
  };

  const queueItem = (week: MemoryWeek, apprenticeship: MemoryApprenticeship): QueueItemView => {
    const weekStart = mondayOf(week);
    return {
      weekId: week.id,
      apprenticeshipId: apprenticeship.id,
      apprenticeName: apprenticeship.apprenticeName,
      occupation: apprenticeship.occupation,
      isoYear: week.isoYear,
      isoWeek: week.isoWeek,
      weekStart,
      trainingYear: trainingYearOf(apprenticeship.startDate, weekStart),
      status: week.status,
      version: week.version,
      submittedAt: week.submittedAt,
      totalMinutes: week.days.reduce((sum, day) => sum + minutesOfDay(day), 0),
    };
  };

  return {
    async me() {
      await store.gate();
      const person = store.person(personId);
      if (!person) throw new ApiError('UNAUTHORIZED', 'unknown_person');
      const memberships = store.data.memberships
        .filter((m) => m.personId === personId)
        .map((m) => ({
          companyId: m.companyId,
          companyName: store.data.companies.find((c) => c.id === m.companyId)?.name ?? '',
          role: m.role,
        }));
      return structuredClone({ person, memberships });
    },

    async listMyApprenticeships(companyId) {
      await store.gate();
      parse(companyScopedInput, { companyId });
      member(companyId);
      return store.data.apprenticeships
        .filter((a) => a.companyId === companyId && a.apprenticeId === personId)
        .map(({ apprenticeId: _a, trainerIds: _t, delegateIds: _d, ...view }) =>
          structuredClone(view),
        );
    },

    async listWeeks(raw) {
      await store.gate();
      const { companyId } = parse(companyScopedInput, { companyId: raw.companyId });
      member(companyId);
      const apprenticeship = targetApprenticeship(companyId, raw.apprenticeshipId);
      return store.data.weeks
        .filter((week) => week.apprenticeshipId === apprenticeship.id)
        .sort((a, b) => b.isoYear - a.isoYear || b.isoWeek - a.isoWeek)
        .map((week) => {
          // Only the summary's fields, as the server's list sends them.
          const view = store.view(week, 'owner');
          return {
            id: view.id,
            apprenticeshipId: view.apprenticeshipId,
            isoYear: view.isoYear,
            isoWeek: view.isoWeek,
            weekStart: view.weekStart,
            trainingYear: view.trainingYear,
            status: view.status,
            version: view.version,
          };
        });
    },

    async findWeek(raw) {
      await store.gate();
      const input = parse(weekFindInput, raw);
      member(input.companyId);
      const apprenticeship = targetApprenticeship(input.companyId, input.apprenticeshipId);
      const week = store.data.weeks.find(
        (w) =>
          w.apprenticeshipId === apprenticeship.id &&
          w.isoYear === input.isoYear &&
          w.isoWeek === input.isoWeek,
      );
      return week ? store.view(week, store.relationOf(personId, apprenticeship)) : null;
    },

    async openWeek(raw) {
      await store.gate();
      const input = parse(weekOpenInput, raw);
      member(input.companyId);
      const apprenticeship = store.apprenticeship(input.companyId, input.apprenticeshipId);
      const relation = apprenticeship ? store.relationOf(personId, apprenticeship) : 'none';
      const decision = decideCreate(relation);
      if (!decision.ok || !apprenticeship) throw refusalError(decision.ok ? NOT_FOUND : decision);
      if (!weekOverlaps(input, apprenticeship.startDate, apprenticeship.endDate)) {
        throw new ApiError('CONFLICT', 'week_outside_apprenticeship');
      }
      let week = store.data.weeks.find(
        (w) =>
          w.apprenticeshipId === apprenticeship.id &&
          w.isoYear === input.isoYear &&
          w.isoWeek === input.isoWeek,
      );
      if (!week) {
        week = {
          id: crypto.randomUUID(),
          apprenticeshipId: apprenticeship.id,
          isoYear: input.isoYear,
          isoWeek: input.isoWeek,
          status: 'draft',
          version: 1,
          department: '',
          days: [],
          returnReason: null,
          submittedAt: null,
          approval: null,
          history: [],
        };
        store.data.weeks.push(week);
      }
      return store.view(week, relation);
    },

    async getWeek(raw) {
      await store.gate();
      const input = parse(weekRefInput, raw);
      const { week, relation } = weekInCompany(input.companyId, input.weekId);
      return store.view(week, relation);
    },

    async saveWeek(raw) {
      await store.gate();
      const input = parse(weekSaveInput, raw);
      const { week, relation } = weekInCompany(input.companyId, input.weekId);
      const decision = decideEdit(relation, week.status);
      if (!decision.ok) throw refusalError(decision);
      if (input.version !== week.version) throw new ApiError('CONFLICT', 'stale_version');
      if (daysOutsideWeek(week, input.days).length > 0) {
        throw new ApiError('BAD_REQUEST', 'day_outside_week');
      }
      week.department = input.department;
      week.days = input.days.map((day) => ({
        date: day.date,
        attendance: day.attendance,
        entries: day.entries.map((entry) => ({ id: crypto.randomUUID(), ...completeEntry(entry) })),
      }));
      week.version += 1;
      return store.view(week, relation);
    },

    submitWeek: (input) => transition('submit', input),
    withdrawWeek: (input) => transition('withdraw', input),
    approveWeek: (input) => transition('approve', input),
    returnWeek: (input) => transition('return', input, input.reason.trim()),

    async approveWeeks(raw) {
      await store.gate();
      const input = parse(reviewApproveManyInput, raw);
      member(input.companyId);
      const results: BulkApprovalResultView[] = [];
      for (const { weekId, version } of input.weeks) {
        // Each week answers to its own key derived from the call's, as on the server.
        const key = input.idempotencyKey && `approve:${input.idempotencyKey}:${weekId}`;
        try {
          const week = await perform(
            'approve',
            { companyId: input.companyId, weekId, version },
            key,
            null,
          );
          if (week.status === 'approved' || week.status === 'reviewed') {
            results.push({
              weekId,
              outcome: week.status,
              reason: null,
              week: weekSummaryOf(week),
            });
          } else {
            results.push({
              weekId,
              outcome: 'refused',
              reason: 'transition_not_allowed',
              week: null,
            });
          }
        } catch (error) {
          if (!isApiError(error)) throw error;
          results.push({ weekId, outcome: 'refused', reason: error.reason, week: null });
        }
      }
      return { results };
    },

    async reviewQueue(companyId) {
      await store.gate();
      parse(companyScopedInput, { companyId });
      member(companyId);
      const items: QueueItemView[] = [];
      for (const apprenticeship of store.data.apprenticeships) {
        if (apprenticeship.companyId !== companyId) continue;
        const relation = store.relationOf(personId, apprenticeship);
        if (relation !== 'trainer' && relation !== 'delegate') continue;
        for (const week of store.data.weeks) {
          if (week.apprenticeshipId !== apprenticeship.id) continue;
          if (awaitsReviewer(week.status, relation, apprenticeship.reviewMode)) {
            items.push(queueItem(week, apprenticeship));
          }
        }
      }
      return items.sort((a, b) => a.weekStart.localeCompare(b.weekStart));
    },
  };
}

const NOT_FOUND = { ok: false, code: 'not_found', reason: 'apprenticeship_not_found' } as const;
