import { isApiError } from '@berichtsheft/client';
import { msg } from '@lit/localize';
import { reasonMessage } from './reason-messages.js';

/** A sentence for the user about a failed call, from the server's reason code; never the raw server text. */
export function errorMessage(error: unknown): string {
  if (!isApiError(error)) return msg('Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.');
  const known = reasonMessage(error.reason);
  if (known !== null) return known;
  // A reason this version does not know yet: say what kind of failure it was.
  switch (error.code) {
    case 'NOT_FOUND':
      return msg('Das wurde nicht gefunden oder Sie haben keinen Zugriff darauf.');
    case 'FORBIDDEN':
      return msg('Dazu sind Sie nicht berechtigt.');
    case 'BAD_REQUEST':
      return msg('Einige Angaben sind ungültig. Bitte prüfen Sie Ihre Eingaben.');
    case 'NETWORK_ERROR':
    case 'SERVICE_UNAVAILABLE':
      return msg('Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.');
    default:
      return msg('Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.');
  }
}

/** The week changed under the user's feet: saved in another tab, or submitted or reviewed meanwhile. */
export function isChangedElsewhere(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.code === 'CONFLICT' &&
    (error.reason === 'stale_version' || error.reason === 'week_not_editable')
  );
}
