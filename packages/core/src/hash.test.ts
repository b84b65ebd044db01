import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalWeekContent, type WeekContent } from './content.js';
import { contentHash, weekContentHash } from './hash.js';

const week: WeekContent = {
  department: 'IT-Entwicklung',
  days: [
    { date: '2026-11-24', attendance: 'school', entries: [] },
    {
      date: '2026-11-23',
      attendance: 'company',
      entries: [{ kind: 'company_work', form: 'bullets', text: 'Code-Review', minutes: 90 }],
    },
  ],
};

describe('contentHash', () => {
  it('is the SHA-256 of the RFC 8785 canonical JSON', async () => {
    // Canonical form: {"a":1,"b":[true,null]}
    expect(await contentHash({ b: [true, null], a: 1 })).toBe(
      '1cc69c7fa23616ca2ec3ee70d24390a6225c8832db8a4c814c7e0e7f942f8668',
    );
  });

  it('does not depend on key order or day order', async () => {
    const reordered: WeekContent = { days: [...week.days].reverse(), department: week.department };
    expect(await weekContentHash(reordered)).toBe(await weekContentHash(week));
  });

  it('hashes a week over its canonical content, with optional parts filled in', async () => {
    expect(await weekContentHash(week)).toBe(await contentHash(canonicalWeekContent(week)));
    const filledIn: WeekContent = {
      ...week,
      days: week.days.map((day) => ({
        ...day,
        entries: day.entries.map((entry) => ({ ...entry, lernfeld: null, rahmenplanRefs: [] })),
      })),
    };
    expect(await weekContentHash(filledIn)).toBe(await weekContentHash(week));
  });

  it('changes with any change of text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), async (text) => {
        fc.pre(text !== 'Code-Review');
        const changed: WeekContent = {
          ...week,
          days: week.days.map((day) => ({
            ...day,
            entries: day.entries.map((entry) => ({ ...entry, text })),
          })),
        };
        return (await weekContentHash(changed)) !== (await weekContentHash(week));
      }),
      { numRuns: 50 },
    );
  });
});
