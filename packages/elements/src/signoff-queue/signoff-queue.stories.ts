import { ApiError } from '@berichtsheft/client';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/bh-signoff-queue.js';
import type { MemoryStore } from '../testing/memory-store.js';
import { createSampleStore, SAMPLE, sampleApi } from '../testing/sample-data.js';
import { inStoryProvider, untilText } from '../testing/stories.js';

interface Args {
  person: 'tom' | 'anna';
  lang: 'de' | 'en';
}

function queueWith(args: Args, prepare: (store: MemoryStore) => void = () => {}) {
  const store = createSampleStore();
  prepare(store);
  return inStoryProvider(
    sampleApi(store, args.person),
    html`<bh-signoff-queue></bh-signoff-queue>`,
    args.lang,
  );
}

const meta: Meta<Args> = {
  title: 'Elements/bh-signoff-queue',
  component: 'bh-signoff-queue',
  args: { person: 'tom', lang: 'de' },
  render: (args) => queueWith(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Queue: Story = {};

export const Empty: Story = { args: { person: 'anna' } };

export const English: Story = { args: { lang: 'en' } };

export const Loading: Story = { render: (args) => queueWith(args, (store) => store.hold()) };

export const NetworkError: Story = {
  render: (args) =>
    queueWith(args, (store) => store.failNext(new ApiError('NETWORK_ERROR', 'network_error'))),
};

async function openFirst(canvasElement: HTMLElement) {
  const queue = canvasElement.querySelector('bh-signoff-queue');
  await untilText(queue, 'Anna Schmidt');
  queue?.shadowRoot?.querySelector<HTMLButtonElement>('button.open-week')?.click();
  await untilText(queue, 'Abzeichnen');
  return queue;
}

export const OpenWeek: Story = {
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
  },
};

/** Returning without a reason is refused with a message tied to the field. */
export const ReasonRequired: Story = {
  play: async ({ canvasElement }) => {
    const queue = await openFirst(canvasElement);
    queue?.shadowRoot?.querySelector<HTMLFormElement>('form.return')?.requestSubmit();
    await untilText(queue, 'Bitte geben Sie an');
  },
};

/** Both waiting weeks selected for "Ausgewählte abzeichnen (2)". */
export const Selection: Story = {
  play: async ({ canvasElement }) => {
    const queue = canvasElement.querySelector('bh-signoff-queue');
    await untilText(queue, 'Anna Schmidt');
    queue?.shadowRoot?.querySelector<HTMLInputElement>('#select-all')?.click();
    await untilText(queue, 'Ausgewählte abzeichnen (2)');
  },
};

/** The store behind `SelectionWithRefusal`, so its `play` can change a week after the list was loaded. */
let refusalStore: MemoryStore | null = null;

/** After a bulk approval in which one week had changed meanwhile: one approved, one listed with its reason. */
export const SelectionWithRefusal: Story = {
  render: (args) =>
    queueWith(args, (store) => {
      refusalStore = store;
    }),
  play: async ({ canvasElement }) => {
    const queue = canvasElement.querySelector('bh-signoff-queue');
    await untilText(queue, 'Anna Schmidt');
    queue?.shadowRoot?.querySelector<HTMLInputElement>('#select-all')?.click();
    await untilText(queue, 'Ausgewählte abzeichnen (2)');
    const ben = refusalStore?.week(SAMPLE.benW47);
    if (ben) ben.version += 1;
    queue?.shadowRoot?.querySelector<HTMLButtonElement>('button.approve-selected')?.click();
    await untilText(queue, 'nicht abgezeichnet');
  },
};

export const Phone: Story = { globals: { viewport: { value: 'phone' } } };
