import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { addDays, mondayOf } from '@berichtsheft/core';
import {
  apprenticeSubject,
  companyOf,
  LAST_WEEK,
  peakId,
  TRAINERS_PER_COMPANY,
  trainerOf,
  trainerSubject,
  weekLabel,
} from './chamber-seed.js';
import type { LoadStep } from './load-protocol.js';
import { pageLoads, type TrpcCall } from './page-loads.js';
import {
  PEAK_OPERATIONS,
  type PeakFigures,
  type PeakJob,
  type PeakOperation,
  type PeakOperationKind,
  type PeakResult,
  type PeakWindowMark,
} from './peak-protocol.js';
import { sendStep } from './send-step.js';
import { percentile } from './stats.js';
import { batchRequest } from './trpc-http-batch.js';

/**
 * Runs in a child process forked by friday-peak.ts. Sends each operation of the schedule at its time, whether or not
 * earlier ones have been answered (an open loop: users do not wait for each other), and measures each from the time
 * it was due, so that queueing in the server counts. Two requests on the same week are never under way at once, as
 * one person edits one week at a time; such an arrival is skipped and counted.
 */

const WEEKS_PER_APPRENTICE = Number(process.env.BENCH_WEEKS_PER_APPRENTICE ?? 20);
const MONDAY = mondayOf(LAST_WEEK);

const call = (type: TrpcCall['type'], path: string, input: unknown): TrpcCall => ({
  type,
  path,
  input,
  answers: () => null,
});

/** What the chamber's weeks look like to the client while the run goes on. */
class Weeks {
  readonly #draftVersion = new Map<number, number>();
  readonly #submitted = new Set<number>();
  readonly #approved = new Set<number>();
  readonly #busy = new Set<string>();

  draftId = (apprentice: number) => peakId(weekLabel(apprentice, WEEKS_PER_APPRENTICE - 1));
  submittedId = (apprentice: number) => peakId(weekLabel(apprentice, WEEKS_PER_APPRENTICE - 2));
  draftVersion = (apprentice: number) => this.#draftVersion.get(apprentice) ?? 2;
  isDraft = (apprentice: number) => !this.#submitted.has(apprentice);
  isWaiting = (apprentice: number) => !this.#approved.has(apprentice);
  busy = (weekId: string) => this.#busy.has(weekId);
  take = (weekId: string) => this.#busy.add(weekId);
  free = (weekId: string) => this.#busy.delete(weekId);
  saved = (apprentice: number) =>
    this.#draftVersion.set(apprentice, this.draftVersion(apprentice) + 1);
  submittedDraft = (apprentice: number) => this.#submitted.add(apprentice);
  approvedWaiting = (apprentice: number) => this.#approved.add(apprentice);
}

interface Planned {
  step: LoadStep;
  weekId: string | null;
  /** Called once the answer was 200. */
  done: () => void;
}

function plan(job: PeakJob, weeks: Weeks, operation: PeakOperation): Planned | null {
  const { apprentice } = operation;
  const companyId = peakId(`company:${companyOf(apprentice)}`);
  const apprenticeToken = job.tokens[apprenticeSubject(apprentice)] ?? '';
  switch (operation.kind) {
    case 'editor page load': {
      const [, editorPage] = pageLoads({ companyId, openWeek: LAST_WEEK });
      const calls = editorPage?.roundTrips[0] ?? [];
      return {
        step: batchRequest(job.baseUrl, calls, apprenticeToken),
        weekId: null,
        done: () => {},
      };
    }
    case 'queue read': {
      const trainerCompany = peakId(
        `company:${Math.floor(operation.trainer / TRAINERS_PER_COMPANY)}`,
      );
      const [queue] = pageLoads({ companyId: trainerCompany, openWeek: LAST_WEEK });
      const token = job.tokens[trainerSubject(operation.trainer)] ?? '';
      return {
        step: batchRequest(job.baseUrl, queue?.roundTrips[0] ?? [], token),
        weekId: null,
        done: () => {},
      };
    }
    case 'save': {
      if (!weeks.isDraft(apprentice)) return null;
      const weekId = weeks.draftId(apprentice);
      const version = weeks.draftVersion(apprentice);
      const days = [0, 1, 2].map((offset) => ({
        date: addDays(MONDAY, offset),
        attendance: 'company',
        entries: [
          {
            kind: 'company_work',
            form: 'free_text',
            text: `Baugruppe montiert, Fassung ${version}, Tag ${offset + 1}`,
            minutes: 480,
          },
        ],
      }));
      const input = { companyId, weekId, version, department: 'Montage', days };
      return {
        step: batchRequest(job.baseUrl, [call('mutation', 'weeks.save', input)], apprenticeToken),
        weekId,
        done: () => weeks.saved(apprentice),
      };
    }
    case 'submit': {
      if (!weeks.isDraft(apprentice)) return null;
      const weekId = weeks.draftId(apprentice);
      const input = {
        companyId,
        weekId,
        version: weeks.draftVersion(apprentice),
        idempotencyKey: randomUUID(),
      };
      return {
        step: batchRequest(job.baseUrl, [call('mutation', 'weeks.submit', input)], apprenticeToken),
        weekId,
        done: () => weeks.submittedDraft(apprentice),
      };
    }
    case 'approve': {
      if (!weeks.isWaiting(apprentice)) return null;
      const weekId = weeks.submittedId(apprentice);
      const input = { companyId, weekId, version: 3, idempotencyKey: randomUUID() };
      const token = job.tokens[trainerSubject(trainerOf(apprentice))] ?? '';
      return {
        step: batchRequest(job.baseUrl, [call('mutation', 'review.approve', input)], token),
        weekId,
        done: () => weeks.approvedWaiting(apprentice),
      };
    }
  }
}

async function run(job: PeakJob): Promise<PeakResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const weeks = new Weeks();
  const latencies = new Map<PeakOperationKind, number[]>(PEAK_OPERATIONS.map((kind) => [kind, []]));
  const figures = Object.fromEntries(
    PEAK_OPERATIONS.map((kind) => [
      kind,
      { sent: 0, errors: 0, skipped: 0, p50Ms: Number.NaN, p99Ms: Number.NaN, firstError: null },
    ]),
  ) as Record<PeakOperationKind, PeakFigures>;
  const start = performance.now();
  const measured = (operation: PeakOperation) =>
    operation.at >= job.warmupMs && operation.at < job.warmupMs + job.durationMs;
  const marked = new Set<PeakWindowMark['edge']>();
  const mark = (edge: PeakWindowMark['edge']) => {
    if (marked.has(edge)) return;
    marked.add(edge);
    process.send?.({ type: 'window', edge } satisfies PeakWindowMark);
  };
  const opening = setTimeout(() => mark('open'), job.warmupMs);
  const closing = setTimeout(() => {
    mark('open');
    mark('close');
  }, job.warmupMs + job.durationMs);
  const inFlight: Promise<void>[] = [];

  for (const operation of job.operations) {
    const wait = start + operation.at - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const counted = measured(operation);
    const figure = figures[operation.kind];
    const planned = plan(job, weeks, operation);
    if (planned === null || (planned.weekId !== null && weeks.busy(planned.weekId))) {
      if (counted) figure.skipped += 1;
      continue;
    }
    const { weekId } = planned;
    if (weekId !== null) weeks.take(weekId);
    inFlight.push(
      sendStep(agent, planned.step)
        .then(
          (answer) => {
            if (answer.status === 200) {
              planned.done();
              return null;
            }
            return `${answer.status} ${answer.body.slice(0, 200)}`;
          },
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        )
        .then((failure) => {
          if (weekId !== null) weeks.free(weekId);
          if (!counted) return;
          figure.sent += 1;
          latencies.get(operation.kind)?.push(performance.now() - (start + operation.at));
          if (failure !== null) {
            figure.errors += 1;
            figure.firstError ??= failure;
          }
        }),
    );
  }
  await Promise.all(inFlight);
  clearTimeout(opening);
  clearTimeout(closing);
  mark('open');
  mark('close');
  agent.destroy();
  for (const kind of PEAK_OPERATIONS) {
    const sorted = (latencies.get(kind) ?? []).sort((a, b) => a - b);
    figures[kind].p50Ms = percentile(sorted, 0.5);
    figures[kind].p99Ms = percentile(sorted, 0.99);
  }
  return { type: 'result', figures };
}

process.on('message', (message: PeakJob) => {
  void run(message).then((result) => process.send?.(result));
});
