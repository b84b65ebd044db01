import type { Membership } from '../portal/berichtsheft-api.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { type Lang, textFor } from './text.js';

export interface RecordPageOptions {
  lang: Lang;
  user: { name: string };
  apiUrl: string;
  /** The person's memberships in the Berichtsheft, or `undefined` when the API could not be asked. */
  memberships: readonly Membership[] | undefined;
  companyId: string | undefined;
}

const REVIEWER_ROLES = new Set(['trainer', 'delegate']);
const ADMIN_ROLES = new Set(['company_admin', 'training_admin']);

/**
 * The page that embeds the Berichtsheft. Which sections it shows follows the person's roles in the active company,
 * as the API reports them, so an apprentice sees the editor and a trainer the sign-off queue.
 */
export function recordPage(options: RecordPageOptions): string {
  const t = textFor(options.lang);
  const memberships = options.memberships ?? [];
  const companyId = options.companyId ?? memberships[0]?.companyId;
  const roles = new Set(
    memberships.filter((item) => item.companyId === companyId).map((item) => item.role),
  );
  const companies = [...new Map(memberships.map((item) => [item.companyId, item])).values()];
  const company = companies.find((item) => item.companyId === companyId);
  const isApprentice = roles.has('apprentice');
  const isReviewer = [...roles].some((role) => REVIEWER_ROLES.has(role));
  const isAdminOnly =
    !isApprentice && !isReviewer && [...roles].some((role) => ADMIN_ROLES.has(role));

  let content = html``;
  if (options.memberships === undefined) {
    content = html`<p class="notice notice--error" role="alert">${t.apiUnavailable}</p>`;
  } else if (companyId === undefined) {
    content = html`<p class="notice">${t.noMembership}</p>`;
  } else {
    const intro = [isApprentice ? t.recordIntro : '', isReviewer ? t.queueIntro : '']
      .filter((text) => text !== '')
      .join(' ');
    content = html`${intro ? html`<p class="lead">${intro}</p>` : ''}
<p class="company">
  ${t.companyLabel}: ${
    companies.length > 1
      ? html`<span class="company-switch">${companies.map((item) =>
          item.companyId === companyId
            ? html`<strong aria-current="true">${item.companyName}</strong> `
            : html`<a href="?company=${encodeURIComponent(item.companyId)}">${item.companyName}</a> `,
        )}</span>`
      : html`<strong>${company?.companyName ?? ''}</strong>`
  }
</p>
<bh-provider api-url="${options.apiUrl}" company-id="${companyId}" lang="${options.lang}">
  ${isApprentice ? html`<div class="card embed"><bh-report-editor></bh-report-editor></div>` : ''}
  ${isApprentice ? html`<div class="card embed"><bh-dialogue-thread></bh-dialogue-thread></div>` : ''}
  ${isApprentice ? html`<div class="card embed"><bh-record-export></bh-record-export></div>` : ''}
  ${isReviewer ? html`<div class="card embed"><bh-signoff-queue></bh-signoff-queue></div>` : ''}
  ${isAdminOnly ? html`<p class="notice">${t.adminHint}</p>` : ''}
</bh-provider>
<p class="status-message" role="status" aria-live="polite" id="portal-status"></p>
<p class="unread-count" id="portal-unread"></p>`;
  }

  const body = html`<h1 class="page-title">${t.navRecord}</h1>
${content}`;
  return layout({
    lang: options.lang,
    title: t.navRecord,
    path: '/berichtsheft',
    body,
    user: options.user,
    showRecordLink: true,
    scripts: [
      // The portal's glue first: it hands the provider its getToken before the elements upgrade.
      { src: '/assets/portal.js', module: true },
      { src: '/assets/elements/berichtsheft-elements.js', module: true },
    ],
  });
}
