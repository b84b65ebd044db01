import { ApiError } from '@berichtsheft/client';
import type { SamplePerson } from '@berichtsheft/server/playground';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/bh-dialogue-thread.js';
import type { Sample } from '../testing/playground.js';
import { inStoryProvider, loadedSample, sampleLoader, untilText } from '../testing/stories.js';

interface Args {
  person: SamplePerson;
  lang: 'de' | 'en';
  /** Whether the thread is about the sample's submitted week instead of the whole apprenticeship. */
  aboutWeek: boolean;
}

/** A short conversation about Anna's apprenticeship with a file, sent through the real procedures. */
async function converse(sample: Sample, weekId?: string): Promise<void> {
  const ref = {
    companyId: sample.companyId,
    apprenticeshipId: sample.apprenticeships.anna,
    ...(weekId ? { weekId } : {}),
  };
  const lines: [SamplePerson, string][] = [
    ['anna', 'Ich war Dienstag in der Berufsschule – soll ich das als eigenen Tag eintragen?'],
    ['tom', 'Ja, bitte mit Lernfeld und Themen. Danke fürs Nachfragen!'],
    ['anna', 'Erledigt. Ich reiche die Woche heute noch ein.'],
  ];
  for (const [person, body] of lines) {
    await sample.directAs(person).postMessage({ ...ref, body, clientKey: crypto.randomUUID() });
  }
  const timetable = new Blob(['%PDF-1.7\nStundenplan November\n%%EOF'], {
    type: 'application/pdf',
  });
  const file = await sample
    .directAs('anna')
    .uploadMessageFile(sample.companyId, timetable, 'Stundenplan November.pdf');
  await sample.directAs('anna').postMessage({
    ...ref,
    body: 'Hier noch der Stundenplan.',
    clientKey: crypto.randomUUID(),
    attachmentIds: [file.id],
  });
}

function threadWith(
  args: Args,
  context: StoryContext<Args>,
  prepare: (sample: Sample) => void = () => {},
) {
  const sample = loadedSample(context);
  prepare(sample);
  const weekId = args.aboutWeek ? sample.weeks.annaSubmitted : '';
  return inStoryProvider(
    sample,
    args.person,
    html`<bh-dialogue-thread apprenticeship-id=${sample.apprenticeships.anna} week-id=${weekId}></bh-dialogue-thread>`,
    args.lang,
  );
}

const conversationLoader = async (context: StoryContext<Args>) => {
  const { sample } = await sampleLoader()();
  await converse(sample, context.args.aboutWeek ? sample.weeks.annaSubmitted : undefined);
  return { sample };
};

const meta: Meta<Args> = {
  title: 'Elements/bh-dialogue-thread',
  component: 'bh-dialogue-thread',
  args: { person: 'anna', lang: 'de', aboutWeek: false },
  argTypes: {
    person: { control: 'inline-radio', options: ['anna', 'tom', 'ben', 'carla'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
    aboutWeek: { control: 'boolean' },
  },
  loaders: [conversationLoader],
  render: (args, context) => threadWith(args, context),
};
export default meta;

type Story = StoryObj<Args>;

export const Conversation: Story = {};

export const AsTrainer: Story = { args: { person: 'tom' } };

export const AboutAWeek: Story = { args: { aboutWeek: true } };

export const English: Story = { args: { lang: 'en' } };

export const Empty: Story = { loaders: [sampleLoader()] };

/** Ben takes no part in Anna's dialogue: for him it does not exist. */
export const NotAParticipant: Story = { args: { person: 'ben' } };

export const Loading: Story = {
  render: (args, context) => threadWith(args, context, (sample) => sample.faults.hold()),
};

export const NetworkError: Story = {
  render: (args, context) =>
    threadWith(args, context, (sample) =>
      sample.faults.failNext(new ApiError('NETWORK_ERROR', 'network_error')),
    ),
};

/** A message that could not be sent stays in the composer's list with "Erneut senden". */
export const SendingFailed: Story = {
  play: async (context) => {
    const sample = loadedSample(context);
    const thread = context.canvasElement.querySelector('bh-dialogue-thread');
    await untilText(thread, 'Erledigt.');
    const field = thread?.shadowRoot?.querySelector<HTMLTextAreaElement>('#composer');
    if (!field) return;
    field.value = 'Kommt das an?';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    sample.faults.failNext(new ApiError('NETWORK_ERROR', 'network_error'));
    field.form?.requestSubmit();
    await untilText(thread, 'Nicht gesendet.');
  },
};

export const Phone: Story = { globals: { viewport: { value: 'phone' } } };
