import {
  appRouter,
  createCallerFactory,
  createContext,
  type Database,
  openDatabase,
} from '@berichtsheft/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './seed.js';

const FIRST_RUN = 'http://localhost:8080/oidc';
const OTHER_PORT = 'http://localhost:9090/oidc';
const createCaller = createCallerFactory(appRouter);

describe('the demo under another PORT than the one it was seeded with', () => {
  let database: Database;
  const as = (issuer: string, subject: string) =>
    createCaller(createContext({ database, identity: { issuer, subject } }));

  async function annasWeeks(issuer: string) {
    const anna = as(issuer, 'azubi.anna');
    const [membership] = (await anna.me()).memberships;
    const companyId = membership?.companyId ?? '';
    const [apprenticeship] = await anna.apprenticeships.listMine({ companyId });
    const weeks = await anna.weeks.list({ companyId, apprenticeshipId: apprenticeship?.id ?? '' });
    return weeks.map((week) => week.status);
  }

  beforeAll(async () => {
    database = await openDatabase({});
    await seedDemo(database, FIRST_RUN);
  });
  afterAll(() => database.close());

  it('gives every demo account its data under the new issuer', async () => {
    const before = await annasWeeks(FIRST_RUN);
    // Ben signed in under the new port before the demo data followed: the API made him an empty person there.
    expect((await as(OTHER_PORT, 'azubi.ben').me()).memberships).toEqual([]);

    await seedDemo(database, OTHER_PORT);

    expect(await annasWeeks(OTHER_PORT)).toEqual(before);
    const carla = await as(OTHER_PORT, 'admin.carla').me();
    expect(carla.memberships.map((membership) => membership.role).sort()).toEqual([
      'company_admin',
      'training_admin',
    ]);
    const companyId = carla.memberships[0]?.companyId ?? '';
    const queue = await as(OTHER_PORT, 'ausbilder.tom').review.queue({ companyId });
    expect(queue.map((item) => item.apprenticeName).sort()).toEqual(['Anna Becker', 'Ben Yılmaz']);
    const [bens] = await as(OTHER_PORT, 'azubi.ben').apprenticeships.listMine({ companyId });
    expect(bens?.apprenticeName).toBe('Ben Yılmaz');
  });

  it('leaves nothing of the demo under the issuer it left', async () => {
    expect((await as(FIRST_RUN, 'azubi.anna').me()).memberships).toEqual([]);
    expect((await as(FIRST_RUN, 'azubi.ben').me()).memberships).toEqual([]);
  });

  it('follows back when the first port is used again', async () => {
    const before = await annasWeeks(OTHER_PORT);
    await seedDemo(database, FIRST_RUN);
    expect(await annasWeeks(FIRST_RUN)).toEqual(before);
    expect((await as(FIRST_RUN, 'azubi.ben').me()).memberships).toHaveLength(1);
  });
});
