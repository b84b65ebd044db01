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
  /** The week the editor opens, a draft with content the seed wrote. */
  openWeek: { isoYear: number; isoWeek: number };
}

export function pageLoads(subjects: PageLoadSubjects): PageLoad[] {
  const { companyId, openWeek } = subjects;
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
      // report-editor/page-load.ts, loadEditorPage: without an `apprenticeship-id` the three reads go out together in
      // one batch, the week and the list without an id (the server answers for the apprentice's first
      // apprenticeship); nothing is written, the week is found, not opened.
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
          {
            type: 'query',
            path: 'weeks.find',
            input: { companyId, ...openWeek },
            answers: (floor) => floor.week,
          },
          {
            type: 'query',
            path: 'weeks.list',
            input: { companyId },
            answers: (floor) => floor.weeks,
          },
        ],
      ],
    },
  ];
}
