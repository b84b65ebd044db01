// The portal's glue for the embedded Berichtsheft: it hands the elements a token callback backed by the portal's own
// server-side session, and reacts to what the elements report.

const lang = document.documentElement.lang === 'en' ? 'en' : 'de';
const messages = {
  de: {
    submitted: (week) => `KW ${week} wurde eingereicht.`,
    approved: (week) => `KW ${week} wurde abgezeichnet.`,
    unread: (count) => `Ungelesene Nachrichten: ${count}`,
  },
  en: {
    submitted: (week) => `Week ${week} has been submitted.`,
    approved: (week) => `Week ${week} has been signed off.`,
    unread: (count) => `Unread messages: ${count}`,
  },
}[lang];

function signInAgain() {
  const returnTo = `${location.pathname}${location.search}`;
  location.assign(`/login?returnTo=${encodeURIComponent(returnTo)}`);
}

/**
 * The current access token for the API, from the portal's session. The elements keep it in memory only; `null` tells
 * them the person has to log in again, and they answer with `bh-auth-required`.
 */
async function getToken({ forceRefresh }) {
  const response = await fetch(forceRefresh ? '/session/token?refresh=1' : '/session/token', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`token_unavailable_${response.status}`);
  const body = await response.json();
  return body.accessToken;
}

function announce(text) {
  const status = document.getElementById('portal-status');
  if (status) status.textContent = text;
}

for (const provider of document.querySelectorAll('bh-provider')) {
  // A property, never an attribute: the callback is code, not markup.
  provider.getToken = getToken;
  provider.addEventListener('bh-auth-required', signInAgain);
  provider.addEventListener('bh-report-submitted', (event) =>
    announce(messages.submitted(event.detail.isoWeek)),
  );
  provider.addEventListener('bh-report-approved', (event) =>
    announce(messages.approved(event.detail.isoWeek)),
  );
  // The portal's own badge: the dialogue says how many messages the person has not read in the company.
  provider.addEventListener('bh-unread-changed', (event) => {
    const badge = document.getElementById('portal-unread');
    if (badge) badge.textContent = messages.unread(event.detail.total);
  });
}
