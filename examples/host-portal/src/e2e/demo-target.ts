import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../../../packages/server/src/testing/scratch-database.js';

/** Where an end-to-end run keeps its data: a fresh PostgreSQL database when TEST_DATABASE_URL is set, else PGlite. */
export interface DemoDatabase {
  options: { databaseUrl: string } | { dataDir: string };
  dispose(): Promise<void>;
}

export async function createDemoDatabase(): Promise<DemoDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'bh-e2e-'));
    return {
      options: { dataDir },
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  let scratch: ScratchDatabase;
  try {
    scratch = await createScratchDatabase(adminUrl, 'bh_e2e');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `TEST_DATABASE_URL is set but no database can be created there (${detail}). Start PostgreSQL or unset it.`,
    );
  }
  return { options: { databaseUrl: scratch.url }, dispose: scratch.drop };
}
