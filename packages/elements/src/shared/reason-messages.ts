import type { ClientReasonCode } from '@berichtsheft/client';
import type { ReasonCode } from '@berichtsheft/core';
import { msg } from '@lit/localize';

/** Every reason an `ApiError` can carry: the server's codes and the few the client gives itself. */
export type ShownReason = ReasonCode | ClientReasonCode;

// Sentences shared by several codes; msg() gives each text one translation, however many codes use it.
const signInAgain = () =>
  msg('Ihre Anmeldung wurde nicht anerkannt. Bitte melden Sie sich erneut an.');
const notSignedIn = () => msg('Sie sind nicht angemeldet. Bitte melden Sie sich an.');
const expired = () => msg('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.');
const notUnderstood = () =>
  msg('Der Dienst hat die Anfrage nicht verstanden. Bitte laden Sie die Seite neu.');
const unreachable = () =>
  msg('Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.');
const tooMany = () => msg('Zu viele Anfragen auf einmal. Bitte versuchen Sie es erneut.');
const failed = () => msg('Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.');

/**
 * A sentence for the user for each reason code, in the page's language. Typed over every code, so a code added to
 * core's list (or the client's) without a message here fails type-checking.
 */
export const REASON_MESSAGES: { readonly [C in ShownReason]: () => string } = {
  token_missing: notSignedIn,
  token_malformed: signInAgain,
  alg_not_allowed: signInAgain,
  signature_invalid: signInAgain,
  unknown_kid: signInAgain,
  token_expired: expired,
  token_not_yet_valid: () =>
    msg(
      'Ihre Anmeldung ist noch nicht gültig. Bitte prüfen Sie die Uhrzeit Ihres Geräts und melden Sie sich erneut an.',
    ),
  issuer_mismatch: signInAgain,
  audience_mismatch: signInAgain,
  subject_invalid: signInAgain,
  subject_missing: signInAgain,
  not_an_access_token: signInAgain,
  issuer_unreachable: () =>
    msg('Ihre Anmeldung kann gerade nicht geprüft werden. Bitte versuchen Sie es später erneut.'),
  authentication_required: notSignedIn,
  company_not_found: () => msg('Sie gehören diesem Unternehmen nicht an.'),
  apprenticeship_not_found: () =>
    msg('Diese Ausbildung wurde nicht gefunden oder Sie haben keinen Zugriff darauf.'),
  week_not_found: () =>
    msg('Diese Woche wurde nicht gefunden oder Sie haben keinen Zugriff darauf.'),
  message_not_found: () =>
    msg('Diese Nachricht wurde nicht gefunden oder Sie haben keinen Zugriff darauf.'),
  only_author_changes_message: () =>
    msg('Nur wer eine Nachricht geschrieben hat, kann sie bearbeiten oder löschen.'),
  change_window_closed: () =>
    msg('Diese Nachricht kann nicht mehr geändert werden: Die Zeit dafür ist abgelaufen.'),
  message_deleted: () => msg('Diese Nachricht wurde gelöscht.'),
  file_not_found: () =>
    msg('Diese Datei wurde nicht gefunden oder Sie haben keinen Zugriff darauf.'),
  only_apprentice_edits: () => msg('Nur die oder der Auszubildende kann diese Woche bearbeiten.'),
  only_apprentice_submits: () =>
    msg('Nur die oder der Auszubildende kann diese Woche einreichen oder zurückziehen.'),
  only_assigned_reviewer: () =>
    msg('Nur zugeordnete Ausbilder/innen können diese Woche abzeichnen oder zurückgeben.'),
  only_apprentice_exports_record: () =>
    msg(
      'Nur die oder der Auszubildende kann den eigenen Ausbildungsnachweis exportieren, einlesen oder löschen.',
    ),
  record_not_ended: () =>
    msg('Der Ausbildungsnachweis kann erst nach dem Ende der Ausbildung gelöscht werden.'),
  record_not_exported: () =>
    msg(
      'Bitte exportieren Sie Ihren Ausbildungsnachweis zuerst; erst danach kann er gelöscht werden.',
    ),
  record_invalid: () =>
    msg('Diese Datei ist kein Ausbildungsnachweis, den dieser Dienst einlesen kann.'),
  record_tampered: () =>
    msg(
      'Die Datei wurde verändert: Bei mindestens einer abgezeichneten Woche passt der Inhalt nicht mehr zur Abzeichnung.',
    ),
  record_weeks_exist: () =>
    msg('Einige Wochen dieser Datei sind hier schon vorhanden; es wurde nichts eingelesen.'),
  week_not_editable: () => msg('Diese Woche kann in ihrem Status nicht mehr bearbeitet werden.'),
  transition_not_allowed: () =>
    msg('Dieser Schritt ist im aktuellen Status der Woche nicht möglich.'),
  stale_version: () =>
    msg(
      'Diese Woche wurde inzwischen an anderer Stelle geändert. Die aktuelle Fassung wurde geladen; Ihre Eingaben sind erhalten. Bitte prüfen Sie sie und speichern Sie erneut.',
    ),
  idempotency_key_reused: () =>
    msg(
      'Diese Anfrage wurde schon für einen anderen Schritt verwendet. Bitte laden Sie die Seite neu.',
    ),
  invalid_input: () => msg('Einige Angaben sind ungültig. Bitte prüfen Sie Ihre Eingaben.'),
  file_too_large: () => msg('Die Datei ist zu groß.'),
  file_type_not_allowed: () => msg('Nur PDF-, PNG- und JPEG-Dateien können angehängt werden.'),
  file_name_invalid: () => msg('Die Datei hat keinen gültigen Namen.'),
  week_outside_apprenticeship: () => msg('Diese Woche liegt außerhalb der Ausbildungszeit.'),
  day_outside_week: () => msg('Ein Tag gehört nicht zu dieser Woche.'),
  origin_not_allowed: () =>
    msg(
      'Diese Seite darf den Dienst nicht aufrufen. Bitte wenden Sie sich an die Betreiber der Seite.',
    ),
  method_not_allowed: notUnderstood,
  invalid_utf8: notUnderstood,
  forbidden_key: notUnderstood,
  json_required: notUnderstood,
  batch_too_large: tooMany,
  rate_limited: tooMany,
  body_too_large: () =>
    msg('Die Eingaben sind zu umfangreich, um sie zu speichern. Bitte kürzen Sie sie.'),
  route_not_found: notUnderstood,
  server_stopping: unreachable,
  database_busy: () =>
    msg('Der Dienst ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.'),
  database_unavailable: unreachable,
  internal_error: failed,
  auth_required: expired,
  network_error: unreachable,
  unexpected: failed,
};

/** The message for a reason code; null for a string that is none (e.g. from a newer server). */
export function reasonMessage(reason: string): string | null {
  return Object.hasOwn(REASON_MESSAGES, reason) ? REASON_MESSAGES[reason as ShownReason]() : null;
}
