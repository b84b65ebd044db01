import { ApiError } from '@berichtsheft/client';
import type { SamplePerson } from '@berichtsheft/server/playground';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/bh-record-export.js';
import type { Sample } from '../testing/playground.js';
import { inStoryProvider, loadedSample, sampleLoader, untilText } from '../testing/stories.js';

interface Args {
  person: SamplePerson;
  lang: 'de' | 'en';
}

function exportWith(
  args: Args,
  context: StoryContext<Args>,
  prepare: (sample: Sample) => void = () => {},
) {
  const sample = loadedSample(context);
  prepare(sample);
  return inStoryProvider(
    sample,
    args.person,
    html`<bh-record-export apprenticeship-id=${sample.apprenticeships.anna}></bh-record-export>`,
    args.lang,
  );
}

const meta: Meta<Args> = {
  title: 'Elements/bh-record-export',
  component: 'bh-record-export',
  args: { person: 'anna', lang: 'de' },
  argTypes: {
    person: { control: 'inline-radio', options: ['anna', 'tom', 'ben', 'carla'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
  },
  loaders: [sampleLoader()],
  render: (args, context) => exportWith(args, context),
};
export default meta;

type Story = StoryObj<Args>;

/** Anna's own record: the PDF for the exam, all her data as a ZIP, the import and the deletion. */
export const Apprentice: Story = {};

/** Her trainer prints the record for the exam; the portable record is Anna's alone. */
export const AsTrainer: Story = { args: { person: 'tom' } };

export const English: Story = { args: { lang: 'en' } };

/** Ben has nothing to do with Anna's apprenticeship: it does not exist for him. */
export const NotVisible: Story = { args: { person: 'ben' } };

export const Loading: Story = {
  render: (args, context) => exportWith(args, context, (sample) => sample.faults.hold()),
};

/** The PDF is being made: what has arrived so far is shown, and the download can be cancelled. */
export const Downloading: Story = {
  play: async (context) => {
    const sample = loadedSample(context);
    const element = context.canvasElement.querySelector('bh-record-export');
    await untilText(element, 'Als PDF herunterladen');
    sample.faults.hold();
    const button = [...(element?.shadowRoot?.querySelectorAll('button') ?? [])].find((found) =>
      found.textContent?.includes('Als PDF herunterladen'),
    );
    button?.click();
    await untilText(element, 'Wird erstellt');
  },
};

/** The record printed in the page by the real server's printing code, with the fonts it embeds. */
export const Printed: Story = {
  play: async (context) => {
    const element = context.canvasElement.querySelector('bh-record-export');
    await untilText(element, 'Als PDF herunterladen');
    const button = [...(element?.shadowRoot?.querySelectorAll('button') ?? [])].find((found) =>
      found.textContent?.includes('Als PDF herunterladen'),
    );
    button?.click();
    await untilText(element, 'Heruntergeladen:');
  },
};

/** Deleting asks first; the answer explains why it cannot happen before the end of the apprenticeship. */
export const ConfirmDeletion: Story = {
  play: async (context) => {
    const element = context.canvasElement.querySelector('bh-record-export');
    await untilText(element, 'Ausbildungsnachweis löschen …');
    element?.shadowRoot?.querySelector<HTMLButtonElement>('#delete')?.click();
    await untilText(element, 'Wirklich löschen?');
  },
};

export const NetworkError: Story = {
  render: (args, context) =>
    exportWith(args, context, (sample) =>
      sample.faults.failNext(new ApiError('NETWORK_ERROR', 'network_error')),
    ),
};

export const Phone: Story = { globals: { viewport: { value: 'phone' } } };
