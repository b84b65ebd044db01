import { expect, waitUntil } from '@open-wc/testing';
import { createSample } from './testing/playground.js';

/** The file a host page loads with `<script type="module">`; built by `npm run build:bundle`. */
const BUNDLE = '/packages/elements/dist/bundle/berichtsheft-elements.js';

function shadowText(element: Element | null): string {
  return (element?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

describe('script-tag bundle', () => {
  it('upgrades markup that was in the page first, gives it context, and follows a locale switch', async () => {
    const present = await fetch(BUNDLE, { method: 'HEAD' });
    if (!present.ok) throw new Error(`${BUNDLE} is missing: run \`npm run build:bundle\` first.`);

    const sample = await createSample();
    // Static markup, as a host page would have it before any script runs.
    const page = document.createElement('main');
    page.innerHTML = `
      <bh-provider id="apprentice" company-id="${sample.companyId}">
        <bh-report-editor week="2026-W48"></bh-report-editor>
      </bh-provider>
      <bh-provider id="trainer" company-id="${sample.companyId}">
        <bh-signoff-queue></bh-signoff-queue>
      </bh-provider>`;
    document.body.append(page);
    // A host sets properties on elements that are not upgraded yet; the elements must pick them up.
    Object.assign(page.querySelector('#apprentice') as HTMLElement, {
      api: sample.apiAs('anna'),
    });
    Object.assign(page.querySelector('#trainer') as HTMLElement, { api: sample.apiAs('tom') });
    expect(customElements.get('bh-provider')).to.equal(undefined);

    const script = document.createElement('script');
    script.type = 'module';
    script.src = BUNDLE;
    await new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error(`Could not load ${BUNDLE}`)));
      document.head.append(script);
    });

    const editor = page.querySelector('bh-report-editor');
    const queue = page.querySelector('bh-signoff-queue');
    await waitUntil(() => shadowText(editor).includes('KW 48/2026'), 'editor did not render');
    await waitUntil(() => shadowText(queue).includes('Ben Yılmaz'), 'queue did not render');
    expect(shadowText(editor)).to.include('Entwurf');

    // The build carries the version of package.json, which tells this copy apart from another on the page.
    const { version } = (await (await fetch('/packages/elements/package.json')).json()) as {
      version: string;
    };
    for (const tag of ['bh-provider', 'bh-report-editor', 'bh-signoff-queue']) {
      expect((customElements.get(tag) as { version?: string } | undefined)?.version, tag).to.equal(
        version,
      );
    }

    (page.querySelector('#apprentice') as HTMLElement).setAttribute('lang', 'en');
    await waitUntil(() => shadowText(editor).includes('Week 48, 2026'), 'editor stayed German');
    await waitUntil(() => shadowText(queue).includes('Reports to approve'), 'queue stayed German');
    page.remove();
  });
});
