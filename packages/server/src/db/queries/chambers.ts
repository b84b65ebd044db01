import { eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { chambers } from '../schema/index.js';

/** The chamber with this Kammernummer, created if it is not known yet. */
export async function ensureChamber(
  db: Executor,
  chamber: { name: string; chamberNumber: string },
): Promise<string> {
  const [created] = await db
    .insert(chambers)
    .values(chamber)
    .onConflictDoNothing({ target: chambers.chamberNumber })
    .returning({ id: chambers.id });
  if (created) return created.id;
  const [existing] = await db
    .select({ id: chambers.id })
    .from(chambers)
    .where(eq(chambers.chamberNumber, chamber.chamberNumber));
  if (!existing) throw new Error(`Chamber ${chamber.chamberNumber} vanished`);
  return existing.id;
}
