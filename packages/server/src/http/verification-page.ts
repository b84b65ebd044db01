import { formatVerificationCode, normalizeVerificationCode } from '@berichtsheft/core';
import type { CodeVerification } from '../workflow/export/verify-code.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Everything that reaches the page from outside (the code typed, a name) goes through here. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

const ROLE_LABELS = { trainer: 'Ausbilder/in', delegate: 'Ausbildungsbeauftragte/r' } as const;

const berlinTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'short',
});

function resultSection(input: string, result: CodeVerification): string {
  if (result.status === 'invalid') {
    return `<p class="bad">„${escapeHtml(input)}“ ist kein Prüfcode. Ein Prüfcode hat 16 Zeichen, etwa ABCD-EFGH-JKMN-PQRS.</p>`;
  }
  if (result.status === 'unknown') {
    return '<p class="bad"><strong>Nicht bestätigt.</strong> Zu diesem Prüfcode gibt es keine Abzeichnung. Bitte prüfen Sie die Eingabe.</p>';
  }
  const role = result.approverRole ? ` (${ROLE_LABELS[result.approverRole]})` : '';
  const matches = result.contentMatches
    ? '<p class="good"><strong>Bestätigt.</strong> Der gespeicherte Inhalt stimmt mit dem abgezeichneten überein.</p>'
    : '<p class="bad"><strong>Achtung:</strong> Der gespeicherte Inhalt stimmt nicht mehr mit dem abgezeichneten überein.</p>';
  const imported = result.importedAt
    ? `<p><strong>Eingelesen:</strong> Diese Abzeichnung wurde am ${berlinTime.format(new Date(result.importedAt))} Uhr mit einem Ausbildungsnachweis aus einem anderen System übernommen, nicht hier erteilt. Wer sie erteilt hat, kann nur das System bestätigen, in dem sie erteilt wurde.</p>`
    : '';
  return `${matches}${imported}
    <dl>
      <dt>Woche</dt><dd>KW ${result.week.isoWeek}/${result.week.isoYear}</dd>
      <dt>Abgezeichnet von</dt><dd>${escapeHtml(result.approvedBy)}${role}</dd>
      <dt>Abgezeichnet am</dt><dd>${berlinTime.format(new Date(result.approvedAt))} Uhr</dd>
    </dl>`;
}

/**
 * The public page an examiner opens from the printed record (its QR code carries the code) or types a code into:
 * plain HTML without script, one form, the answer as text. German, as the printed record is.
 */
export function verificationPage(input: string | null, result: CodeVerification | null): string {
  // A code is shown back as it is printed; anything else as it was typed, so the person sees what they sent.
  const code = input === null ? null : normalizeVerificationCode(input);
  const value = escapeHtml(code ? formatVerificationCode(code) : (input ?? ''));
  const answer =
    input === null || result === null
      ? ''
      : `<section aria-labelledby="result" role="status"><h2 id="result">Ergebnis</h2>${resultSection(input, result)}</section>`;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ausbildungsnachweis prüfen</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; color: #1a1a1a; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input { font: inherit; padding: .5rem; width: 100%; max-width: 22rem; box-sizing: border-box; border: 1px solid #555; }
button { font: inherit; padding: .5rem 1rem; margin-top: .5rem; border: 1px solid #0b4f8a; background: #0b4f8a; color: #fff; }
:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.good { color: #145c2c; } .bad { color: #9b1c1c; }
dt { font-weight: 600; }
</style>
</head>
<body>
<main>
<h1>Ausbildungsnachweis prüfen</h1>
<p>Geben Sie den Prüfcode ein, der neben einer abgezeichneten Woche des Ausbildungsnachweises steht. Sie sehen dann,
ob und von wem die Woche abgezeichnet wurde und ob ihr Inhalt unverändert ist – sonst nichts.</p>
<form method="get">
<label for="code">Prüfcode</label>
<input id="code" name="code" value="${value}" autocomplete="off" autocapitalize="characters" spellcheck="false"
  inputmode="text" maxlength="40" required aria-describedby="code-hint">
<p id="code-hint">16 Zeichen, z. B. ABCD-EFGH-JKMN-PQRS</p>
<button type="submit">Prüfen</button>
</form>
${answer}
</main>
</body>
</html>`;
}
