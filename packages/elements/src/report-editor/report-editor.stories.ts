import { ApiError } from '@berichtsheft/client';
import type { SamplePerson } from '@berichtsheft/server/playground';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/bh-report-editor.js';
import type { Sample } from '../testing/playground.js';
import { inStoryProvider, loadedSample, sampleLoader, untilText } from '../testing/stories.js';

interface Args {
  week: string;
  person: SamplePerson;
  lang: 'de' | 'en';
}

function editorOf(sample: Sample, { week, person, lang }: Args) {
  return inStoryProvider(
    sample,
    person,
    html`<bh-report-editor week=${week}></bh-report-editor>`,
    lang,
  );
}

const render = (args: Args, context: StoryContext<Args>) => editorOf(loadedSample(context), args);

const meta: Meta<Args> = {
  title: 'Elements/bh-report-editor',
  component: 'bh-report-editor',
  args: { week: '2026-W48', person: 'anna', lang: 'de' },
  argTypes: {
    person: { control: 'inline-radio', options: ['anna', 'ben', 'tom', 'carla'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
  },
  loaders: [sampleLoader()],
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
  render: (args, context) => {
    const sample = loadedSample(context);
    sample.faults.hold();
    return editorOf(sample, args);
  },
};

export const ServiceUnavailable: Story = {
  render: (args, context) => {
    const sample = loadedSample(context);
    sample.faults.failNext(new ApiError('SERVICE_UNAVAILABLE', 'unavailable'));
    return editorOf(sample, args);
  },
};

/** Someone saved the week in another tab; the apprentice's text stays and the server version is shown. */
export const StaleVersion: Story = {
  play: async (context) => {
    const sample = loadedSample(context);
    const editor = context.canvasElement.querySelector('bh-report-editor');
    await untilText(editor, 'KW 48/2026');
    await sample.saveElsewhere('anna', sample.weeks.annaDraft, { department: 'Vertrieb' });
    const department = editor?.shadowRoot?.querySelector<HTMLInputElement>('#department');
    if (!department) return;
    department.value = 'Softwareentwicklung (Team Web)';
    department.dispatchEvent(new Event('input'));
    editor?.shadowRoot?.querySelector<HTMLFormElement>('form')?.requestSubmit();
    await untilText(editor, 'an anderer Stelle');
  },
};

export const Phone: Story = { globals: { viewport: { value: 'phone' } } };
