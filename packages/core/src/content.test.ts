import { describe, expect, it } from 'vitest';
import { canAddEntry, exceedsDay, isAbsence, LIMITS } from './content.js';

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
