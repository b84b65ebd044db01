import type { IsoWeek } from '@berichtsheft/core';
import type { SamplePerson } from '@berichtsheft/server/playground';
import { html, type TemplateResult } from 'lit';
import '../define/bh-provider.js';
import { createSample, type Sample } from './playground.js';

/** What every story gets from its loader: a fresh sample company on the real server running in the page. */
export interface SampleLoaded {
  sample: Sample;
}

/**
 * The loader every story uses; seeding runs through the real procedures, so it is asynchronous. `latest` is the
 * sample's newest week with content.
 */
export const sampleLoader = (latest?: IsoWeek) => async (): Promise<SampleLoaded> => ({
  sample: await createSample(latest),
});

/** Reads the loader's result from a story's context. */
export function loadedSample(context: { loaded: Record<string, unknown> }): Sample {
  const { sample } = context.loaded as Partial<SampleLoaded>;
  if (!sample) throw new Error('The story has no sample: add `sampleLoader` to its loaders.');
  return sample;
}

/** Every story sits in a `<bh-provider>` acting as one of the sample's people, as the elements sit in a host page. */
export function inStoryProvider(
  sample: Sample,
  person: SamplePerson,
  content: TemplateResult,
  lang: 'de' | 'en' = 'de',
): TemplateResult {
  return html`<bh-provider .api=${sample.apiAs(person)} company-id=${sample.companyId} lang=${lang}>${content}</bh-provider>`;
}

/** Waits in a story's `play` until the element's shadow root shows `text`. */
export async function untilText(element: Element | null, text: string): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    if (element?.shadowRoot?.textContent?.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`"${text}" did not appear`);
}
