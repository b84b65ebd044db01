import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define/bh-report-editor.js';
import type { BhReportEditor } from '../report-editor/report-editor.js';
import { textOf, waitForText, withSample } from '../testing/fixtures.js';
import type { BhProvider } from './provider.js';

/** Any company: these tests never reach a server that would know it. */
const COMPANY_ID = '5f1f9d64-3c1b-4a0e-8f43-8a1d7b3f9c20';

describe('<bh-provider>', () => {
  it('hands its API and company to the elements inside', async () => {
    const { element } = await withSample<BhReportEditor>(
      html`<bh-report-editor week="2026-W48"></bh-report-editor>`,
      { person: 'anna' },
    );
    await waitForText(element, 'Anna Schmidt');
  });

  it('passes a change of company on, and the server refuses a company the user is not in', async () => {
    const { element, provider, sample } = await withSample<BhReportEditor>(
      html`<bh-report-editor week="2026-W48"></bh-report-editor>`,
      { person: 'anna' },
    );
    await waitForText(element, 'Anna Schmidt');
    provider.companyId = sample.otherCompanyId;
    await waitForText(element, 'Sie gehören diesem Unternehmen nicht an.');
  });

  it('shows that it is not connected without an API', async () => {
    const provider = await fixture<BhProvider>(
      html`<bh-provider company-id=${COMPANY_ID}><bh-report-editor></bh-report-editor></bh-provider>`,
    );
    const editor = provider.querySelector('bh-report-editor') as BhReportEditor;
    await editor.updateComplete;
    expect(textOf(editor)).to.include('Nicht verbunden');
    await expect(editor).to.be.accessible();
  });

  it('refreshes the token once on 401, then emits bh-auth-required and keeps no token anywhere', async () => {
    const asked: boolean[] = [];
    const token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhenViaS5hbm5hIn0.secret-token-value';
    const provider = await fixture<BhProvider>(html`<bh-provider
      api-url="/__test/unauthorized"
      company-id=${COMPANY_ID}
      .getToken=${({ forceRefresh }: { forceRefresh: boolean }) => {
        asked.push(forceRefresh);
        return token;
      }}
    ></bh-provider>`);
    const event = oneEvent(provider, 'bh-auth-required');
    provider.append(document.createElement('bh-report-editor'));
    await event;
    const editor = provider.querySelector('bh-report-editor') as BhReportEditor;
    await waitUntil(() => textOf(editor).includes('Anmeldung ist abgelaufen'));
    expect(asked).to.deep.equal([false, true]);
    const stored = [
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      document.cookie,
      location.href,
      provider.outerHTML,
    ].join('\n');
    expect(stored).not.to.include('secret-token-value');
  });

  it('reflects the language it is given, and none when it is given none', async () => {
    const provider = await fixture<BhProvider>(html`<bh-provider></bh-provider>`);
    expect(provider.hasAttribute('lang')).to.equal(false);
    provider.lang = 'en';
    await provider.updateComplete;
    expect(provider.getAttribute('lang')).to.equal('en');
  });
});
