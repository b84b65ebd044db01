import type { MeView } from '@berichtsheft/core';
import { listMembershipsOfPerson } from '../db/queries/memberships.js';
import { protectedProcedure } from '../trpc/procedures.js';

/** The caller and the companies they belong to; the first call creates the person. */
export const meProcedure = protectedProcedure.query(async ({ ctx }): Promise<MeView> => {
  return {
    person: {
      id: ctx.person.id,
      displayName: ctx.person.displayName,
      email: ctx.person.email,
    },
    memberships: await listMembershipsOfPerson(ctx.db, ctx.person.id),
  };
});
