import type { BerichtsheftApi } from '@berichtsheft/client';
import type { WeekTransitionInput } from '@berichtsheft/core';
import type { BerichtsheftContext } from '../context.js';

/** The API and the company an element's calls go to. */
export interface Connection {
  api: BerichtsheftApi;
  companyId: string;
}

/** `null` while the provider has no API or no company yet. */
export function connectionOf(context: BerichtsheftContext | undefined): Connection | null {
  const { api, companyId } = context ?? {};
  return api && companyId ? { api, companyId } : null;
}

/** A status change of `week` at the version the user saw; the fresh key makes a retried request act once. */
export function transitionInput(
  companyId: string,
  week: { id: string; version: number },
): WeekTransitionInput {
  return {
    companyId,
    weekId: week.id,
    version: week.version,
    idempotencyKey: crypto.randomUUID(),
  };
}
