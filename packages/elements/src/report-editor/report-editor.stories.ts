import { ApiError } from '@berichtsheft/client';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/bh-report-editor.js';
import type { MemoryStore } from '../testing/memory-store.js';
import { createSampleStore, SAMPLE, sampleApi } from '../testing/sample-data.js';
import { inStoryProvider, untilText } from '../testing/stories.js';

type Person = 'anna' | 'tom';

interface Args {
  week: string;
  person: Person;
  lang: 'de' | 'en';
}

function render({ week, person, lang }: Args) {
  const store = createSampleStore();
  return inStoryProvider(
    sampleApi(store, person),
    html`<bh-report-editor week=${week}></bh-report-editor>`,
    lang,
  );
}

const meta: Meta<Args> = {
  title: 'Elements/bh-report-editor',
  component: 'bh-report-editor',
  args: { week: '2026-W48', person: 'anna', lang: 'de' },
  render,
};
export default meta;

type Story = StoryObj<Args>;

export const Draft: Story = {};

export const Returned: Story = { args: { week: '2026-W45' } };

export const Submitted: Story = { args: { week: '2026-W47' } };

export const Approved: Story = { args: { week: '2026-W46' } };

export const NoApprenticeship: Story = { args: { person: 'tom' } };

export const English: Story = { args: { lang: 'en' } };

export const Loading: Story = {
  render: (args) => {
    const store = createSampleStore();
    store.hold();
    return inStoryProvider(
      sampleApi(store, args.person),
      html`<bh-report-editor week=${args.week}></bh-report-editor>`,
    );
  },
};

export const ServiceUnavailable: Story = {
  render: (args) => {
    const store = createSampleStore();
    store.failNext(new ApiError('SERVICE_UNAVAILABLE', 'unavailable'));
    return inStoryProvider(
      sampleApi(store, args.person),
      html`<bh-report-editor week=${args.week}></bh-report-editor>`,
    );
  },
};

/** Someone saved the week in another tab; the apprentice's text stays and the server version is shown. */
export const StaleVersion: Story = {
  loaders: [async () => ({ store: createSampleStore() })],
  render: (args, { loaded }) =>
    inStoryProvider(
      sampleApi(loaded.store as MemoryStore, args.person),
      html`<bh-report-editor week=${args.week}></bh-report-editor>`,
    ),
  play: async ({ canvasElement, loaded }) => {
    const editor = canvasElement.querySelector('bh-report-editor');
    await untilText(editor, 'KW 48/2026');
    (loaded.store as MemoryStore).changeElsewhere(SAMPLE.annaW48, 'Vertrieb');
    const department = editor?.shadowRoot?.querySelector<HTMLInputElement>('#department');
    if (!department) return;
    department.value = 'Softwareentwicklung (Team Web)';
    department.dispatchEvent(new Event('input'));
    editor?.shadowRoot?.querySelector<HTMLFormElement>('form')?.requestSubmit();
    await untilText(editor, 'an anderer Stelle');
  },
};

export const Phone: Story = { globals: { viewport: { value: 'phone' } } };
