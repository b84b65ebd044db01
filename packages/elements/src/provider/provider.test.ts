import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define/bh-report-editor.js';
import type { BhReportEditor } from '../report-editor/report-editor.js';
import { inProvider, textOf, waitForText } from '../testing/fixtures.js';
import { createSampleStore, SAMPLE, sampleApi } from '../testing/sample-data.js';
import type { BhProvider } from './provider.js';

describe('<bh-provider>', () => {
  it('hands its API and company to the elements inside', async () => {
    const { element } = await inProvider<BhReportEditor>(
      sampleApi(createSampleStore(), 'anna'),
      html`<bh-report-editor week="2026-W48"></bh-report-editor>`,
    );
    await waitForText(element, 'Anna Schmidt');
  });

  it('passes a change of company on, and the server refuses a company the user is not in', async () => {
    const { element, provider } = await inProvider<BhReportEditor>(
      sampleApi(createSampleStore(), 'anna'),
      html`<bh-report-editor week="2026-W48"></bh-report-editor>`,
    );
    await waitForText(element, 'Anna Schmidt');
    provider.companyId = SAMPLE.otherCompanyId;
    await waitForText(element, 'Sie gehören diesem Unternehmen nicht an.');
  });

  it('shows that it is not connected without an API', async () => {
    const provider = await fixture<BhProvider>(
      html`<bh-provider company-id=${SAMPLE.companyId}><bh-report-editor></bh-report-editor></bh-provider>`,
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
      company-id=${SAMPLE.companyId}
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
