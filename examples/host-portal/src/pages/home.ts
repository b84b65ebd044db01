import type { DemoAccount } from '../demo-accounts.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { type Lang, type Text, textFor } from './text.js';

export interface HomeOptions {
  lang: Lang;
  user?: { name: string } | undefined;
  accounts: readonly DemoAccount[];
  password: string;
}

function roleLabel(t: Text, account: DemoAccount): string {
  if (account.roles.includes('apprentice')) return t.roleApprentice;
  if (account.roles.includes('trainer') || account.roles.includes('delegate')) return t.roleTrainer;
  return t.roleAdmin;
}

export function homePage(options: HomeOptions): string {
  const t = textFor(options.lang);
  const body = html`<section class="hero" aria-labelledby="home-title">
  <h1 id="home-title">${t.homeTitle}</h1>
  <p class="lead">${t.homeIntro}</p>
  ${
    options.user
      ? html`<p><a class="button" href="/berichtsheft">${t.homeContinue}</a></p>`
      : html`<p>${t.homeLoginHint}</p>
  <p><a class="button" href="/login">${t.login}</a></p>`
  }
</section>
<section class="card" aria-labelledby="demo-title">
  <h2 id="demo-title">${t.demoTitle}</h2>
  <p>${t.demoIntro} <code>${options.password}</code>.</p>
  <ul class="accounts">
    ${options.accounts.map(
      (account) =>
        html`<li><code>${account.sub}</code> <span>${account.name} · ${roleLabel(t, account)}</span></li>`,
    )}
  </ul>
</section>`;
  return layout({
    lang: options.lang,
    title: t.navHome,
    path: '/',
    body,
    user: options.user,
    showRecordLink: options.user !== undefined,
  });
}
