import { canonicalWeekContent, contentHash } from '@berichtsheft/core';
import {
  appRouter,
  createCallerFactory,
  createContext,
  type Database,
  openDatabase,
} from '@berichtsheft/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './seed.js';

const ISSUER = 'http://localhost:4000/oidc';
const createCaller = createCallerFactory(appRouter);

describe('seedDemo', () => {
  let database: Database;
  const as = (subject: string) =>
    createCaller(createContext({ database, identity: { issuer: ISSUER, subject } }));

  beforeAll(async () => {
    database = await openDatabase({});
    await seedDemo(database, ISSUER);
  });
  afterAll(() => database.close());

  async function companyId(): Promise<string> {
    const me = await as('admin.carla').me();
    expect(me.memberships.map((membership) => membership.role).sort()).toEqual([
      'company_admin',
      'training_admin',
    ]);
    const [membership] = me.memberships;
    expect(membership?.companyName).toBe('Musterwerk GmbH');
    return membership?.companyId ?? '';
  }

  it('gives Anna her apprenticeship with a week in every status', async () => {
    const company = await companyId();
    const anna = as('azubi.anna');
    const [apprenticeship, ...others] = await anna.apprenticeships.listMine({ companyId: company });
    expect(others).toEqual([]);
    expect(apprenticeship).toMatchObject({
      apprenticeName: 'Anna Becker',
      occupation: 'Fachinformatikerin Anwendungsentwicklung',
      startDate: '2025-08-01',
      endDate: '2028-07-31',
    });
    const weeks = await anna.weeks.list({
      companyId: company,
      apprenticeshipId: apprenticeship?.id ?? '',
    });
    expect(weeks.map((week) => week.status)).toEqual([
      'draft',
      'submitted',
      'returned',
      'approved',
    ]);

    const approved = await anna.weeks.get({ companyId: company, weekId: weeks[3]?.id ?? '' });
    expect(approved.approval?.approvedByName).toBe('Thomas Krüger');
    expect(approved.approval?.contentHash).toBe(
      await contentHash(
        canonicalWeekContent({ department: approved.department, days: approved.days }),
      ),
    );
    const returned = await anna.weeks.get({ companyId: company, weekId: weeks[2]?.id ?? '' });
    expect(returned.returnReason).toMatch(/Berufsschul/);
    expect(returned.viewer.canEdit).toBe(true);
  });

  it('puts the submitted weeks of Anna and Ben into Thomas’s queue', async () => {
    const company = await companyId();
    const queue = await as('ausbilder.tom').review.queue({ companyId: company });
    expect(queue.map((item) => item.apprenticeName).sort()).toEqual(['Anna Becker', 'Ben Yılmaz']);
    expect(queue.every((item) => item.totalMinutes > 0)).toBe(true);
  });

  it('does nothing when run again', async () => {
    const company = await companyId();
    const before = await as('ausbilder.tom').review.queue({ companyId: company });
    await seedDemo(database, ISSUER);
    expect(await as('ausbilder.tom').review.queue({ companyId: company })).toEqual(before);
    expect((await as('admin.carla').me()).memberships).toHaveLength(2);
  });
});
