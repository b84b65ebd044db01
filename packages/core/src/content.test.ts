import { describe, expect, it } from 'vitest';
import { canAddEntry, exceedsDay, isAbsence, LIMITS, TEXT_RULES, textProblem } from './content.js';
import { entryInput, weekSaveInput } from './schemas.js';

describe('day rules', () => {
  it('lets a day hold at most 24 hours of activities', () => {
    expect(exceedsDay({ entries: [{ minutes: 600 }, { minutes: 840 }] })).toBe(false);
    expect(exceedsDay({ entries: [{ minutes: 600 }, { minutes: 841 }] })).toBe(true);
  });

  it('takes activities up to the limit per day', () => {
    const entries = (count: number) => Array.from({ length: count }, () => ({}));
    expect(canAddEntry({ entries: entries(LIMITS.entriesPerDayMax - 1) })).toBe(true);
    expect(canAddEntry({ entries: entries(LIMITS.entriesPerDayMax) })).toBe(false);
  });

  it('counts vacation and sickness as absence, school as attendance', () => {
    expect(isAbsence('vacation')).toBe(true);
    expect(isAbsence('sick')).toBe(true);
    expect(isAbsence('school')).toBe(false);
  });
});

describe('text rules', () => {
  const entry = (text: string) => ({ kind: 'school', form: 'bullets', text, minutes: 60 }) as const;

  it('judge a text as the input schemas do', () => {
    const samples = [
      '',
      '   ',
      'Montage',
      ` ${'x'.repeat(LIMITS.entryTextMax)} `,
      'x'.repeat(4001),
    ];
    for (const text of samples) {
      const fits = textProblem(text, TEXT_RULES.entryText) === null;
      expect(entryInput.safeParse(entry(text)).success, JSON.stringify(text)).toBe(fits);
    }
    expect(textProblem('  ', TEXT_RULES.entryText)).toBe('missing');
    expect(textProblem('x'.repeat(4001), TEXT_RULES.entryText)).toBe('too_long');
  });

  it('let the department be empty but not too long', () => {
    const save = (department: string) =>
      weekSaveInput.safeParse({
        companyId: '0b6f2c3e-8f0a-4c55-9d1e-3f4a5b6c7d8e',
        weekId: '1c7e3d4f-9a1b-4d66-8e2f-4a5b6c7d8e9f',
        version: 1,
        department,
        days: [],
      }).success;
    for (const department of ['', 'Lager', 'x'.repeat(200), 'x'.repeat(201)]) {
      expect(save(department)).toBe(textProblem(department, TEXT_RULES.department) === null);
    }
  });
});
