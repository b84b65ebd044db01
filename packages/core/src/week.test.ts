import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysOfWeek,
  fourWeekBundles,
  isoWeekName,
  isoWeekOf,
  isoWeeksInYear,
  mondayOf,
  parseIsoDate,
  parseIsoWeekName,
  reportNumberOf,
  trainingYearOf,
  trainingYearPeriods,
  weekOverlaps,
} from './week.js';

describe('ISO weeks', () => {
  it('knows the year boundaries', () => {
    expect(isoWeekOf('2021-01-03')).toEqual({ isoYear: 2020, isoWeek: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ isoYear: 2025, isoWeek: 1 });
    expect(isoWeekOf('2026-11-29')).toEqual({ isoYear: 2026, isoWeek: 48 });
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(mondayOf({ isoYear: 2026, isoWeek: 1 })).toBe('2025-12-29');
  });

  it('maps every day into the week whose seven days contain it', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (date) => {
        const week = isoWeekOf(date);
        const days = daysOfWeek(week);
        return days.includes(date) && isoWeekOf(days[0] ?? '').isoWeek === week.isoWeek;
      }),
    );
  });

  it('refuses dates that do not exist', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('26-1-1')).toBeNull();
    expect(parseIsoDate('2028-02-29')).not.toBeNull();
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('training year', () => {
  it('counts whole years from the start date', () => {
    expect(trainingYearOf('2025-08-01', '2025-08-01')).toBe(1);
    expect(trainingYearOf('2025-08-01', '2026-07-31')).toBe(1);
    expect(trainingYearOf('2025-08-01', '2026-08-01')).toBe(2);
    expect(trainingYearOf('2025-08-01', '2028-07-31')).toBe(3);
    expect(trainingYearOf('2025-08-01', '2025-07-28')).toBe(1);
  });

  it('tells whether a week overlaps the apprenticeship', () => {
    expect(weekOverlaps({ isoYear: 2025, isoWeek: 31 }, '2025-08-01', '2028-07-31')).toBe(true);
    expect(weekOverlaps({ isoYear: 2025, isoWeek: 30 }, '2025-08-01', '2028-07-31')).toBe(false);
  });
});

describe('report numbers', () => {
  it('counts calendar weeks from the week the training starts in, across years', () => {
    expect(reportNumberOf('2024-08-01', { isoYear: 2024, isoWeek: 31 })).toBe(1);
    expect(reportNumberOf('2024-08-01', { isoYear: 2024, isoWeek: 32 })).toBe(2);
    expect(reportNumberOf('2024-08-01', { isoYear: 2025, isoWeek: 1 })).toBe(23);
    expect(reportNumberOf('2024-08-01', { isoYear: 2027, isoWeek: 30 })).toBe(157);
  });
});

describe('ISO week names and training years', () => {
  it('writes and reads weeks as ISO 8601 does, and refuses weeks a year does not have', () => {
    expect(isoWeekName({ isoYear: 2025, isoWeek: 1 })).toBe('2025-W01');
    expect(parseIsoWeekName('2026-W53')).toEqual({ isoYear: 2026, isoWeek: 53 });
    for (const name of ['2025-W53', '2025-W00', '2025-W1', '2025W01', '']) {
      expect(parseIsoWeekName(name)).toBeNull();
    }
  });

  it('splits an apprenticeship into its training years, the last one up to the end', () => {
    const periods = trainingYearPeriods('2025-08-01', '2028-01-31');
    expect(periods.map(({ year, startDate, endDate }) => [year, startDate, endDate])).toEqual([
      [1, '2025-08-01', '2026-07-31'],
      [2, '2026-08-01', '2027-07-31'],
      [3, '2027-08-01', '2028-01-31'],
    ]);
    expect(periods[0]?.from).toEqual({ isoYear: 2025, isoWeek: 31 });
    for (const period of periods) {
      expect(trainingYearOf('2025-08-01', period.startDate)).toBe(period.year);
      expect(trainingYearOf('2025-08-01', period.endDate)).toBe(period.year);
    }
  });
});

describe('four-week bundles', () => {
  it('bundles the record by four report numbers from the first week, the last one up to the end', () => {
    const bundles = fourWeekBundles('2025-08-01', '2025-10-01');
    expect(bundles.map(({ firstReport, lastReport }) => [firstReport, lastReport])).toEqual([
      [1, 4],
      [5, 8],
      [9, 10],
    ]);
    expect(bundles[0]?.from).toEqual({ isoYear: 2025, isoWeek: 31 });
    expect(bundles[0]?.to).toEqual({ isoYear: 2025, isoWeek: 34 });
    expect(bundles[2]?.to).toEqual(isoWeekOf('2025-10-01'));
    expect(fourWeekBundles('2025-08-01', '2028-07-31')).toHaveLength(40);
  });
});
