import type { BerichtsheftApi } from '@berichtsheft/client';
import type { SamplePerson } from '@berichtsheft/server/playground';
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../define/bh-provider.js';
import type { BhProvider } from '../provider/provider.js';
import { createSample, type Sample } from './playground.js';

/** Renders `content` inside a `<bh-provider>` with the given API and company, as every test and story does. */
export async function inProvider<T extends Element>(
  api: BerichtsheftApi,
  content: TemplateResult,
  options: { companyId: string; lang?: string },
): Promise<{ provider: BhProvider; element: T }> {
  const provider = await fixture<BhProvider>(html`<bh-provider
    .api=${api}
    company-id=${options.companyId}
    lang=${options.lang ?? 'de'}
  >${content}</bh-provider>`);
  const element = provider.firstElementChild as T | null;
  if (!element) throw new Error('Nothing rendered inside the provider');
  return { provider, element };
}

export interface SampleOptions {
  person: SamplePerson;
  lang?: string;
  /** The sample company to use, e.g. prepared by the test; a fresh one when not given. */
  sample?: Sample;
  /** Another API, e.g. one that answers on the test's command; the sample's API of `person` when not given. */
  api?: BerichtsheftApi;
}

/** Renders `content` in a provider as `person` of a sample company on the real server running in the page. */
export async function withSample<T extends Element>(
  content: TemplateResult,
  options: SampleOptions,
): Promise<{ sample: Sample; provider: BhProvider; element: T }> {
  const sample = options.sample ?? (await createSample());
  const { provider, element } = await inProvider<T>(
    options.api ?? sample.apiAs(options.person),
    content,
    { companyId: sample.companyId, lang: options.lang ?? 'de' },
  );
  return { sample, provider, element };
}

/** Text of the shadow root with whitespace collapsed, for assertions on what the user reads. */
export function textOf(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function query<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <${element.localName}>`);
  return found;
}

export function buttonNamed(element: Element, name: string): HTMLButtonElement {
  const button = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent?.trim() === name,
  );
  if (!button) throw new Error(`No button "${name}" in <${element.localName}>`);
  return button;
}

export function waitForText(element: Element, text: string): Promise<void> {
  return waitUntil(() => textOf(element).includes(text), `"${text}" did not appear`, {
    timeout: 5000,
  });
}

/** Types into an input or textarea the way a user does: value, then an `input` event. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
