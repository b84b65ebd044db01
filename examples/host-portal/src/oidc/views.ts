import { html, SafeHtml } from '../pages/html.js';
import { layout } from '../pages/layout.js';
import { type Lang, textFor } from '../pages/text.js';

export interface LoginViewOptions {
  lang: Lang;
  action: string;
  clientName: string;
  login?: string;
  failed?: boolean;
}

/** The login service's password form. Plain HTML so it works without scripts and with any assistive technology. */
export function loginView(options: LoginViewOptions): string {
  const t = textFor(options.lang);
  const body = html`<section class="card card--narrow" aria-labelledby="login-title">
  <h1 id="login-title">${t.loginTitle}</h1>
  <p>${t.loginIntro} <strong>${options.clientName}</strong>.</p>
  ${options.failed ? html`<p class="notice notice--error" role="alert" id="login-error">${t.loginFailed}</p>` : ''}
  <form method="post" action="${options.action}" class="form">
    <input type="hidden" name="intent" value="login">
    <div class="field">
      <label for="login">${t.loginUser}</label>
      <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${options.login ?? ''}"${options.failed ? html` aria-describedby="login-error"` : ''}>
    </div>
    <div class="field">
      <label for="password">${t.loginPassword}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
    </div>
    <div class="form__actions">
      <button type="submit" class="button">${t.loginSubmit}</button>
    </div>
  </form>
  <form method="post" action="${options.action}" class="form form--secondary">
    <input type="hidden" name="intent" value="abort">
    <button type="submit" class="button button--quiet">${t.loginCancel}</button>
  </form>
</section>`;
  return layout({ lang: options.lang, title: t.loginTitle, path: '', body });
}

/**
 * The provider's logout confirmation. `form` is the provider's own form (it carries the XSRF token); a same-origin
 * script submits it at once, the button is the fallback without scripts.
 */
export function logoutView(lang: Lang, form: string): string {
  const t = textFor(lang);
  const body = html`<section class="card card--narrow" aria-labelledby="logout-title">
  <h1 id="logout-title">${t.logoutTitle}</h1>
  <p>${t.logoutText}</p>
  ${new SafeHtml(form)}
  <button type="submit" class="button" form="op.logoutForm" name="logout" value="yes" id="logout-continue">${t.logoutContinue}</button>
</section>`;
  return layout({
    lang,
    title: t.logoutTitle,
    path: '',
    body,
    scripts: [{ src: '/assets/logout.js', module: true }],
  });
}

export function errorView(lang: Lang, detail: string | undefined): string {
  const t = textFor(lang);
  const body = html`<section class="card card--narrow" aria-labelledby="error-title">
  <h1 id="error-title">${t.errorTitle}</h1>
  <p>${t.errorText}</p>
  ${detail ? html`<p class="muted"><code>${detail}</code></p>` : ''}
  <p><a class="button" href="/">${t.errorBack}</a></p>
</section>`;
  return layout({ lang, title: t.errorTitle, path: '', body });
}
