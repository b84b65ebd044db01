import { ApiError, type BerichtsheftApi } from '@berichtsheft/client';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/bh-provider.js';
import '../define/bh-report-editor.js';
import { currentWeek, formatWeekParam, shiftWeek } from '../shared/format.js';
import { loadedSample, sampleLoader } from '../testing/stories.js';

/**
 * The overview of the recent weeks above the editor. The sample weeks are placed on the current week and the three
 * before it, so the overview shows every status, and the missing weeks, on any day the stories are opened.
 */

type Overview = 'answers' | 'loading' | 'unavailable';

interface Args {
  /** How many weeks before the current one to open. */
  weeksBack: number;
  lang: 'de' | 'en';
  overview: Overview;
}

function withOverview(api: BerichtsheftApi, overview: Overview): BerichtsheftApi {
  if (overview === 'loading') return { ...api, listWeeks: () => new Promise(() => {}) };
  if (overview === 'unavailable') {
    return {
      ...api,
      listWeeks: () => Promise.reject(new ApiError('SERVICE_UNAVAILABLE', 'unavailable')),
    };
  }
  return api;
}

function render({ weeksBack, lang, overview }: Args, context: StoryContext<Args>) {
  let week = currentWeek();
  for (let i = 0; i < weeksBack; i += 1) week = shiftWeek(week, -1);
  const sample = loadedSample(context);
  return html`<bh-provider
    .api=${withOverview(sample.apiAs('anna'), overview)}
    company-id=${sample.companyId}
    lang=${lang}
  ><bh-report-editor week=${formatWeekParam(week)}></bh-report-editor></bh-provider>`;
}

const meta: Meta<Args> = {
  title: 'Elements/bh-report-editor/Week overview',
  component: 'bh-report-editor',
  args: { weeksBack: 0, lang: 'de', overview: 'answers' },
  argTypes: {
    weeksBack: { control: { type: 'number', min: 0, max: 7 } },
    overview: { control: 'inline-radio', options: ['answers', 'loading', 'unavailable'] },
  },
  loaders: [sampleLoader(currentWeek())],
  render,
};
export default meta;

type Story = StoryObj<Args>;

export const CurrentWeek: Story = {};

export const ReturnedWeekOpen: Story = { args: { weeksBack: 3 } };

export const MissingWeekOpened: Story = { args: { weeksBack: 6 } };

export const Loading: Story = { args: { overview: 'loading' } };

export const Unavailable: Story = { args: { overview: 'unavailable' } };

export const English: Story = { args: { lang: 'en' } };

export const Phone: Story = { globals: { viewport: { value: 'phone' } } };

export const PhoneReturnedWeekOpen: Story = {
  args: { weeksBack: 3 },
  globals: { viewport: { value: 'phone' } },
};
