import { ApiError } from '@berichtsheft/client';
import type { SamplePerson } from '@berichtsheft/server/playground';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/bh-signoff-queue.js';
import type { Sample } from '../testing/playground.js';
import { inStoryProvider, loadedSample, sampleLoader, untilText } from '../testing/stories.js';

interface Args {
  person: SamplePerson;
  lang: 'de' | 'en';
}

function queueWith(
  args: Args,
  context: StoryContext<Args>,
  prepare: (sample: Sample) => void = () => {},
) {
  const sample = loadedSample(context);
  prepare(sample);
  return inStoryProvider(
    sample,
    args.person,
    html`<bh-signoff-queue></bh-signoff-queue>`,
    args.lang,
  );
}

const meta: Meta<Args> = {
  title: 'Elements/bh-signoff-queue',
  component: 'bh-signoff-queue',
  args: { person: 'tom', lang: 'de' },
  argTypes: {
    person: { control: 'inline-radio', options: ['tom', 'anna', 'ben', 'carla'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
  },
  loaders: [sampleLoader()],
  render: (args, context) => queueWith(args, context),
};
export default meta;

type Story = StoryObj<Args>;

export const Queue: Story = {};

export const Empty: Story = { args: { person: 'anna' } };

export const English: Story = { args: { lang: 'en' } };

export const Loading: Story = {
  render: (args, context) => queueWith(args, context, (sample) => sample.faults.hold()),
};

export const NetworkError: Story = {
  render: (args, context) =>
    queueWith(args, context, (sample) =>
      sample.faults.failNext(new ApiError('NETWORK_ERROR', 'network_error')),
    ),
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

/** After a bulk approval in which one week had changed meanwhile: one approved, one listed with its reason. */
export const SelectionWithRefusal: Story = {
  play: async (context) => {
    const sample = loadedSample(context);
    const queue = context.canvasElement.querySelector('bh-signoff-queue');
    await untilText(queue, 'Anna Schmidt');
    queue?.shadowRoot?.querySelector<HTMLInputElement>('#select-all')?.click();
    await untilText(queue, 'Ausgewählte abzeichnen (2)');
    // Ben withdraws his week and submits it again: the version the trainer selected is no longer the current one.
    const ben = sample.directAs('ben');
    const { companyId } = sample;
    const held = await sample.read('ben', sample.weeks.benSubmitted);
    const withdrawn = await ben.withdrawWeek({ companyId, weekId: held.id, version: held.version });
    await ben.submitWeek({ companyId, weekId: withdrawn.id, version: withdrawn.version });
    queue?.shadowRoot?.querySelector<HTMLButtonElement>('button.approve-selected')?.click();
    await untilText(queue, 'nicht abgezeichnet');
  },
};

export const Phone: Story = { globals: { viewport: { value: 'phone' } } };
