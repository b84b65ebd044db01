import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

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
  const name = `bh_e2e_${randomBytes(6).toString('hex')}`;
  const admin = () => postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  const sql = admin();
  try {
    await sql.unsafe(`create database ${name}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `TEST_DATABASE_URL is set but no database can be created there (${detail}). Start PostgreSQL or unset it.`,
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString() },
    dispose: async () => {
      const cleanup = admin();
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end({ timeout: 5 });
      }
    },
  };
}
