import type { BerichtsheftApi } from '@berichtsheft/client';
import type { ApprenticeshipView, IsoWeek, WeekSummaryView, WeekView } from '@berichtsheft/core';

/** What the editor shows once its reads have answered. */
export interface EditorPage {
  apprenticeships: ApprenticeshipView[];
  /** The apprenticeship shown; `null` when the user has none in this company. */
  apprenticeship: ApprenticeshipView | null;
  week: IsoWeek;
  /** The week as it is, or `null` while nobody has written it. */
  found: WeekView | null;
  /** The overview's summaries; they may answer after the week, and fail on their own. */
  summaries: Promise<WeekSummaryView[]>;
}

export interface EditorPageRequest {
  api: BerichtsheftApi;
  companyId: string;
  /** The apprenticeship asked for; the user's first one when it is not theirs or not given. */
  requestedId: string | null;
  week: IsoWeek;
  /** The user's apprenticeships when they are known already, so that they are not asked for again. */
  known: ApprenticeshipView[] | null;
  signal: AbortSignal;
}

/** The apprenticeship asked for if it is one of the user's, else their first. */
export function chooseApprenticeship(
  apprenticeships: readonly ApprenticeshipView[],
  requestedId: string | null,
): ApprenticeshipView | undefined {
  return apprenticeships.find((a) => a.id === requestedId) ?? apprenticeships[0];
}

/** A promise whose rejection is handled later, by whoever awaits it; meanwhile it is not reported as unhandled. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Reads everything the editor shows, issued together so that the client sends them in one batch, one round trip:
 * the user's apprenticeships (unless known), the week and the overview's summaries. When the apprenticeship is not
 * known yet, the week and the summaries are asked for without it, and the server answers for the user's first
 * apprenticeship, the one the editor then shows. Only an apprenticeship id that turns out not to be the user's costs a
 * second round trip. Nothing is written: a week nobody has written yet comes back as `null`.
 */
export async function loadEditorPage(request: EditorPageRequest): Promise<EditorPage> {
  const { api, companyId, requestedId, week, known, signal } = request;
  const options = { signal };
  const target = known ? chooseApprenticeship(known, requestedId)?.id : (requestedId ?? undefined);
  const reads = (apprenticeshipId: string | undefined) => ({
    found: later(api.findWeek({ companyId, apprenticeshipId, ...week }, options)),
    summaries: later(api.listWeeks({ companyId, apprenticeshipId }, options)),
  });
  const listed = known ? Promise.resolve(known) : api.listMyApprenticeships(companyId, options);
  let answers = known && target === undefined ? null : reads(target);
  const apprenticeships = await listed;
  const apprenticeship = chooseApprenticeship(apprenticeships, requestedId) ?? null;
  if (!apprenticeship) {
    return { apprenticeships, apprenticeship, week, found: null, summaries: Promise.resolve([]) };
  }
  // Without an id the server chose the user's first apprenticeship, which is the one chosen here as well.
  const answered = target ?? apprenticeships[0]?.id;
  if (!answers || answered !== apprenticeship.id) answers = reads(apprenticeship.id);
  return {
    apprenticeships,
    apprenticeship,
    week,
    found: await answers.found,
    summaries: answers.summaries,
  };
}
