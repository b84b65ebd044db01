import { isApiError } from '@berichtsheft/client';
import { msg } from '@lit/localize';

/** A sentence for the user about a failed call, from the server's reason code; never the raw server text. */
export function errorMessage(error: unknown): string {
  if (!isApiError(error)) return msg('Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.');
  switch (error.reason) {
    case 'stale_version':
      return msg(
        'Diese Woche wurde inzwischen an anderer Stelle geändert. Die aktuelle Fassung wurde geladen; Ihre Eingaben sind erhalten. Bitte prüfen Sie sie und speichern Sie erneut.',
      );
    case 'week_not_editable':
      return msg('Diese Woche kann in ihrem Status nicht mehr bearbeitet werden.');
    case 'transition_not_allowed':
      return msg('Dieser Schritt ist im aktuellen Status der Woche nicht möglich.');
    case 'company_not_found':
      return msg('Sie gehören diesem Unternehmen nicht an.');
    case 'auth_required':
      return msg('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.');
  }
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
