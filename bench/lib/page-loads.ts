/**
 * What each element sends when it opens, as the client sends it: a list of round trips, each one HTTP request that
 * carries a batch of calls (tRPC's batch link merges calls made in the same tick; queries and mutations never share
 * a batch). This is the one place to change when an element's page load changes.
 */

export interface TrpcCall {
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
  /** Picks the data this call must answer from the hand-written server's answer, for the check that both agree. */
  answers: (floor: HandWrittenAnswer) => unknown;
}

/** The hand-written server's answer to a page load (see hand-written-server.ts); each element fills its parts. */
export interface HandWrittenAnswer {
  queue?: unknown;
  apprenticeships?: unknown;
  week?: unknown;
  weeks?: unknown;
}

export interface PageLoad {
  element: string;
  /** Whose page it is: the trainer's queue, the apprentice's editor. */
  caller: 'trainer' | 'apprentice';
  /** Path and query of the same page load on the hand-written server. */
  handWrittenPath: string;
  roundTrips: TrpcCall[][];
}

export interface PageLoadSubjects {
  companyId: string;
  /** The apprentice's (only) apprenticeship and the week the editor opens. */
  apprenticeshipId: string;
  openWeek: { isoYear: number; isoWeek: number };
}

export function pageLoads(subjects: PageLoadSubjects): PageLoad[] {
  const { companyId, apprenticeshipId, openWeek } = subjects;
  const week = `isoYear=${openWeek.isoYear}&isoWeek=${openWeek.isoWeek}`;
  return [
    {
      // signoff-queue.ts, #loadQueue: one call when the context arrives.
      element: '<bh-signoff-queue>',
      caller: 'trainer',
      handWrittenPath: `/signoff-queue?companyId=${companyId}`,
      roundTrips: [
        [
          {
            type: 'query',
            path: 'review.queue',
            input: { companyId },
            answers: (floor) => floor.queue,
          },
        ],
      ],
    },
    {
      // report-editor.ts, #load: the apprenticeships, then opening the week, then (week-overview.ts) the list.
      element: '<bh-report-editor>',
      caller: 'apprentice',
      handWrittenPath: `/report-editor?companyId=${companyId}&${week}`,
      roundTrips: [
        [
          {
            type: 'query',
            path: 'apprenticeships.listMine',
            input: { companyId },
            answers: (floor) => floor.apprenticeships,
          },
        ],
        [
          {
            type: 'mutation',
            path: 'weeks.open',
            input: { companyId, apprenticeshipId, ...openWeek },
            answers: (floor) => floor.week,
          },
        ],
        [
          {
            type: 'query',
            path: 'weeks.list',
            input: { companyId, apprenticeshipId },
            answers: (floor) => floor.weeks,
          },
        ],
      ],
    },
  ];
}
