import { html, type SafeHtml } from './html.js';
import { LANGS, type Lang, textFor } from './text.js';

export interface LayoutUser {
  name: string;
}

export interface LayoutOptions {
  lang: Lang;
  title: string;
  path: string;
  body: SafeHtml;
  user?: LayoutUser | undefined;
  /** Same-origin scripts only, so the page runs under a CSP without 'unsafe-inline'. */
  scripts?: readonly { src: string; module?: boolean }[];
  /** Shown in the navigation only where the page belongs to the signed-in area. */
  showRecordLink?: boolean;
}

/** The portal's page chrome: header with navigation, language switch and account, main, footer. */
export function layout(options: LayoutOptions): string {
  const t = textFor(options.lang);
  const navItems = [
    { href: '/', label: t.navHome },
    ...(options.showRecordLink ? [{ href: '/berichtsheft', label: t.navRecord }] : []),
  ];
  const page = html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – ${t.portalName}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/portal.css">
${(options.scripts ?? []).map((script) => html`<script src="${script.src}"${script.module ? html` type="module"` : ''}></script>\n`)}
</head>
<body>
<a class="skip-link" href="#inhalt">${t.skipToContent}</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="brand" href="/">
      <span class="brand__mark" aria-hidden="true">BM</span>
      <span class="brand__text"><span class="brand__name">${t.portalName}</span><span class="brand__tagline">${t.portalTagline}</span></span>
    </a>
    <div class="site-header__tools">
      <nav class="lang-switch" aria-label="${t.languageLabel}">
        <ul>
          ${LANGS.map((lang) =>
            lang === options.lang
              ? html`<li><span aria-current="true" lang="${lang}">${lang.toUpperCase()}</span></li>`
              : html`<li><a href="?lang=${lang}" lang="${lang}" hreflang="${lang}">${lang.toUpperCase()}</a></li>`,
          )}
        </ul>
      </nav>
      ${
        options.user
          ? html`<form class="account" method="post" action="/logout">
        <span class="account__name"><span class="visually-hidden">${t.signedInAs} </span>${options.user.name}</span>
        <button type="submit" class="button button--quiet">${t.logout}</button>
      </form>`
          : ''
      }
    </div>
  </div>
  <nav class="site-nav" aria-label="${t.navLabel}">
    <ul>
      ${navItems.map(
        (item) =>
          html`<li><a href="${item.href}"${item.href === options.path ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
      )}
    </ul>
  </nav>
</header>
<main id="inhalt" class="site-main">
${options.body}
</main>
<footer class="site-footer"><p>${t.footer}</p></footer>
</body>
</html>
`;
  return page.value;
}
