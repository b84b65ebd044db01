import type { BerichtsheftApi } from '@berichtsheft/client';
import { html, type TemplateResult } from 'lit';
import '../define/bh-provider.js';
import { SAMPLE } from './sample-data.js';

/** Every story sits in a `<bh-provider>` with an in-memory API, as the elements sit in a host page. */
export function inStoryProvider(
  api: BerichtsheftApi,
  content: TemplateResult,
  lang: 'de' | 'en' = 'de',
): TemplateResult {
  return html`<bh-provider .api=${api} company-id=${SAMPLE.companyId} lang=${lang}>${content}</bh-provider>`;
}

/** Waits in a story's `play` until the element's shadow root shows `text`. */
export async function untilText(element: Element | null, text: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (element?.shadowRoot?.textContent?.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`"${text}" did not appear`);
}
