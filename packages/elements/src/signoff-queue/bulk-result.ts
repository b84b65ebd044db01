import type { BulkApprovalView } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { plural } from '../shared/plural.js';
import { reasonMessage } from '../shared/reason-messages.js';

/** What the queue says after a bulk approval: counts, and each refused week with why, in plain words. */
export interface BulkResultText {
  summary: string;
  refusals: string[];
}

/** Why a week of a bulk approval was not approved, from the server's reason code. */
export function refusalText(reason: string | null): string {
  switch (reason) {
    case 'stale_version':
      return msg('Die Woche wurde inzwischen geändert. Bitte öffnen und erneut prüfen.');
    case 'transition_not_allowed':
      return msg(
        'Die Woche wartet nicht mehr auf Ihre Abzeichnung, z. B. weil sie schon abgezeichnet ist.',
      );
    case 'week_not_found':
      return msg('Die Woche wurde nicht gefunden oder Sie haben keinen Zugriff darauf.');
    case 'only_assigned_reviewer':
      return msg('Sie sind dieser Ausbildung nicht als Ausbilder/in zugeordnet.');
    default:
      return (
        (reason === null ? null : reasonMessage(reason)) ?? msg('Das Abzeichnen war nicht möglich.')
      );
  }
}

function approvedCount(n: number): string {
  return plural(n, {
    one: (count) => msg(str`${count} Bericht abgezeichnet.`, { desc: 'Plural form "one"' }),
    other: (count) => msg(str`${count} Berichte abgezeichnet.`, { desc: 'Plural form "other"' }),
  });
}

function reviewedCount(n: number): string {
  return plural(n, {
    one: (count) => msg(str`${count} Bericht vorgeprüft.`, { desc: 'Plural form "one"' }),
    other: (count) => msg(str`${count} Berichte vorgeprüft.`, { desc: 'Plural form "other"' }),
  });
}

function refusedCount(n: number): string {
  return plural(n, {
    one: (count) => msg(str`${count} Bericht nicht abgezeichnet:`, { desc: 'Plural form "one"' }),
    other: (count) =>
      msg(str`${count} Berichte nicht abgezeichnet:`, { desc: 'Plural form "other"' }),
  });
}

/** `nameOf` names a week as the list showed it; the result carries ids only. */
export function bulkResultText(
  view: BulkApprovalView,
  nameOf: (weekId: string) => string,
): BulkResultText {
  const count = (outcome: 'approved' | 'reviewed') =>
    view.results.filter((result) => result.outcome === outcome).length;
  const reviewed = count('reviewed');
  const parts = [approvedCount(count('approved'))];
  if (reviewed > 0) parts.push(reviewedCount(reviewed));
  const refused = view.results.filter((result) => result.outcome === 'refused');
  if (refused.length > 0) {
    parts.push(refusedCount(refused.length));
  }
  return {
    summary: parts.join(' '),
    refusals: refused.map((result) => `${nameOf(result.weekId)}: ${refusalText(result.reason)}`),
  };
}
