import { describe, expect, it } from 'vitest';
import {
  dayInput,
  daysOutsideWeek,
  reviewApproveManyInput,
  weekFindInput,
  weekListInput,
  weekOpenInput,
  weekSaveInput,
  weekTransitionInput,
} from './schemas.js';

const companyId = '0b6f2c3e-8f0a-4c55-9d1e-3f4a5b6c7d8e';
const weekId = '1c7e3d4f-9a1b-4d66-8e2f-4a5b6c7d8e9f';

describe('input schemas', () => {
  it('refuse unknown keys instead of ignoring them', () => {
    const result = weekTransitionInput.safeParse({
      companyId,
      weekId,
      version: 1,
      status: 'approved',
    });
    expect(result.success).toBe(false);
  });

  it('refuse a week 53 in a year that has none', () => {
    const base = { companyId, apprenticeshipId: weekId };
    expect(weekOpenInput.safeParse({ ...base, isoYear: 2026, isoWeek: 53 }).success).toBe(true);
    const result = weekOpenInput.safeParse({ ...base, isoYear: 2025, isoWeek: 53 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('That year has no week 53.');
  });

  it('find a week with or without the apprenticeship, strictly', () => {
    const week = { companyId, isoYear: 2026, isoWeek: 48 };
    expect(weekFindInput.safeParse(week).success).toBe(true);
    expect(weekFindInput.safeParse({ ...week, apprenticeshipId: weekId }).success).toBe(true);
    expect(weekFindInput.safeParse({ ...week, apprenticeshipId: 'x' }).success).toBe(false);
    expect(weekFindInput.safeParse({ ...week, isoYear: 2025, isoWeek: 53 }).success).toBe(false);
    expect(weekFindInput.safeParse({ ...week, create: true }).success).toBe(false);
    expect(weekListInput.safeParse({ companyId }).success).toBe(true);
    expect(weekListInput.safeParse({ companyId, apprenticeshipId: weekId }).success).toBe(true);
    expect(weekListInput.safeParse({ companyId, weekId }).success).toBe(false);
  });

  it('refuse activities on a day of absence', () => {
    const entry = { kind: 'company_work', form: 'bullets', text: 'Montage', minutes: 60 } as const;
    const away = dayInput.safeParse({ date: '2026-11-23', attendance: 'sick', entries: [entry] });
    expect(away.error?.issues[0]?.message).toBe('A day of absence carries no activities.');
    expect(
      dayInput.safeParse({ date: '2026-11-23', attendance: 'sick', entries: [] }).success,
    ).toBe(true);
  });

  it('refuse a day with more than 24 hours and duplicate days', () => {
    const entry = {
      kind: 'company_work',
      form: 'free_text',
      text: 'Montage',
      minutes: 800,
    } as const;
    const day = { date: '2026-11-23', attendance: 'company', entries: [entry, entry] } as const;
    const tooLong = weekSaveInput.safeParse({
      companyId,
      weekId,
      version: 1,
      department: '',
      days: [day],
    });
    expect(tooLong.success).toBe(false);
    const duplicate = weekSaveInput.safeParse({
      companyId,
      weekId,
      version: 1,
      department: '',
      days: [
        { ...day, entries: [entry] },
        { ...day, entries: [] },
      ],
    });
    expect(duplicate.error?.issues[0]?.message).toBe('Each day may appear only once.');
  });

  it('trim text and refuse empty entries', () => {
    const parsed = weekSaveInput.safeParse({
      companyId,
      weekId,
      version: 1,
      department: '  Lager ',
      days: [
        {
          date: '2026-11-23',
          attendance: 'company',
          entries: [{ kind: 'school', form: 'bullets', text: '   ', minutes: 0 }],
        },
      ],
    });
    expect(parsed.success).toBe(false);
  });

  it('refuse control characters in text but keep line breaks and tabs', () => {
    const save = (text: string) =>
      weekSaveInput.safeParse({
        companyId,
        weekId,
        version: 1,
        department: '',
        days: [
          {
            date: '2026-11-23',
            attendance: 'company',
            entries: [{ kind: 'company_work', form: 'bullets', text, minutes: 60 }],
          },
        ],
      });
    expect(save('Montage\nPrüfung\tOK').success).toBe(true);
    expect(save('a\u0000b').error?.issues[0]?.message).toBe('Must not contain control characters.');
    expect(save('Glocke\u0007').success).toBe(false);
  });

  it('find days outside the week', () => {
    expect(
      daysOutsideWeek({ isoYear: 2026, isoWeek: 48 }, [
        { date: '2026-11-23' },
        { date: '2026-11-30' },
      ]),
    ).toEqual(['2026-11-30']);
  });

  it('bound a bulk approval to 1..50 distinct weeks and refuse unknown keys', () => {
    const week = (n: number) => ({
      weekId: `1c7e3d4f-9a1b-4d66-8e2f-${String(n).padStart(12, '0')}`,
      version: 1,
    });
    const weeks = (count: number) => Array.from({ length: count }, (_, n) => week(n));
    const valid = { companyId, weeks: weeks(50), idempotencyKey: weekId };
    expect(reviewApproveManyInput.safeParse(valid).success).toBe(true);
    expect(reviewApproveManyInput.safeParse({ companyId, weeks: [] }).success).toBe(false);
    expect(reviewApproveManyInput.safeParse({ companyId, weeks: weeks(51) }).success).toBe(false);
    const twice = reviewApproveManyInput.safeParse({ companyId, weeks: [week(1), week(1)] });
    expect(twice.error?.issues[0]?.message).toBe('Each week may appear only once.');
    const extra = { companyId, weeks: [{ ...week(1), status: 'approved' }] };
    expect(reviewApproveManyInput.safeParse(extra).success).toBe(false);
    expect(reviewApproveManyInput.safeParse({ ...valid, idempotencyKey: 'x' }).success).toBe(false);
  });
});
