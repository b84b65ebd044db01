import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Compiles small consumer projects against the client as npm would install it — its package.json and dist copied
 * into a node_modules of their own, its dependencies next to it — with `skipLibCheck` off, so every published
 * declaration the consumer reaches is checked. The workspace's own node_modules (where @berichtsheft/server lives) is
 * not on the consumer's resolution path.
 */

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const packagesDir = join(repositoryRoot, 'packages');
const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Where Node would find `name` from inside `fromDir` of the workspace. */
function installedDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed`);
  }
}

/** Copies a workspace package the way it is published: its manifest and its dist. */
async function installWorkspacePackage(modules: string, name: string): Promise<Manifest> {
  const source = join(packagesDir, name);
  const dist = join(source, 'dist');
  if (!existsSync(join(dist, 'index.d.ts'))) {
    throw new Error(`packages/${name}/dist is not built: run \`npm run build:packages\` first`);
  }
  const target = join(modules, '@berichtsheft', name);
  await mkdir(target, { recursive: true });
  await cp(join(source, 'package.json'), join(target, 'package.json'));
  await cp(dist, join(target, 'dist'), { recursive: true });
  return JSON.parse(await readFile(join(source, 'package.json'), 'utf8')) as Manifest;
}

/** Third-party dependencies are linked as installed; @berichtsheft/* ones must be copied or stay absent. */
async function linkDependencies(modules: string, manifest: Manifest, fromDir: string) {
  const names = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  for (const name of names.filter((dependency) => !dependency.startsWith('@berichtsheft/'))) {
    const target = join(modules, name);
    if (existsSync(target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await symlink(installedDir(name, fromDir), target, 'dir');
  }
}

interface Compiled {
  exitCode: number;
  /** One entry per diagnostic: `file(line,col): error TSxxxx: …`. */
  errors: string[];
}

function compile(project: string): Promise<Compiled> {
  return new Promise((done) => {
    const options = { cwd: dirname(project) };
    execFile(
      process.execPath,
      [tsc, '-p', project, '--pretty', 'false'],
      options,
      (error, stdout) => {
        const errors = stdout.split('\n').filter((line) => line.includes('error TS'));
        done({ exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0, errors });
      },
    );
  });
}

async function writeProject(
  dir: string,
  files: Record<string, string>,
  skipLibCheck = false,
): Promise<string> {
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck,
        types: [],
      },
      include: Object.keys(files),
    }),
  );
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return join(dir, 'tsconfig.json');
}

const USES_THE_API = `
import { type BerichtsheftApi, createBerichtsheftApi, isApiError } from '@berichtsheft/client';
import type { WeekSummaryView } from '@berichtsheft/core';

const api: BerichtsheftApi = createBerichtsheftApi({
  url: 'https://berichtsheft.example.org',
  getToken: async () => null,
});
export async function firstStatus(): Promise<string | undefined> {
  try {
    const weeks: WeekSummaryView[] = await api.listWeeks({ companyId: 'c', apprenticeshipId: 'a' });
    return weeks[0]?.status;
  } catch (error) {
    return isApiError(error) ? error.code : undefined;
  }
}
`;

const MISSPELLS_A_METHOD = `
import { createBerichtsheftApi } from '@berichtsheft/client';

const api = createBerichtsheftApi({ url: 'https://berichtsheft.example.org', getToken: async () => null });
export const queue = api.reviewQeue('c');
`;

const USES_THE_TRPC_CLIENT = `
import { createBerichtsheftClient } from '@berichtsheft/client/trpc';

const client = createBerichtsheftClient({ url: 'https://berichtsheft.example.org', getToken: async () => null });
export const me = client.me.query();
`;

const MISSPELLS_A_PROCEDURE = `
import { createBerichtsheftClient } from '@berichtsheft/client/trpc';

const client = createBerichtsheftClient({ url: 'https://berichtsheft.example.org', getToken: async () => null });
export const queue = client.review.queu.query({ companyId: 'c' });
`;

describe('the published declarations of @berichtsheft/client', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'bh-client-consumer-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  async function consumerWithoutServer(name: string): Promise<string> {
    const dir = join(scratch, name);
    const modules = join(dir, 'node_modules');
    await mkdir(modules, { recursive: true });
    const client = await installWorkspacePackage(modules, 'client');
    const core = await installWorkspacePackage(modules, 'core');
    await linkDependencies(modules, client, join(packagesDir, 'client'));
    await linkDependencies(modules, core, join(packagesDir, 'core'));
    // @trpc/client's declarations need its peer @trpc/server, which npm installs along with it.
    await linkDependencies(
      modules,
      { peerDependencies: { '@trpc/server': '*' } },
      join(packagesDir, 'client'),
    );
    expect(existsSync(join(modules, '@berichtsheft', 'server'))).toBe(false);
    return dir;
  }

  it('compile for a consumer without @berichtsheft/server, and a misspelt method fails', async () => {
    const dir = await consumerWithoutServer('api');
    const project = await writeProject(dir, {
      'uses-the-api.ts': USES_THE_API,
      'misspells-a-method.ts': MISSPELLS_A_METHOD,
    });
    const { errors } = await compile(project);
    // Exactly the misspelling, nothing unresolved in the package's own declarations.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^misspells-a-method\.ts\(\d+,\d+\): error TS2551: .*reviewQeue/);
  });

  it('keep the router-typed client under ./trpc, where a misspelt procedure fails', async () => {
    const dir = await consumerWithoutServer('trpc');
    const modules = join(dir, 'node_modules');
    // The host that uses ./trpc installs the server package as well; linked, it resolves its own dependencies.
    await symlink(resolve(packagesDir, 'server'), join(modules, '@berichtsheft', 'server'), 'dir');
    // The server's dependencies (drizzle's declarations above all) do not pass a library check of their own, so this
    // consumer skips it, as such a host must; the router's type still reaches the client in full.
    const project = await writeProject(
      dir,
      {
        'uses-the-trpc-client.ts': USES_THE_TRPC_CLIENT,
        'misspells-a-procedure.ts': MISSPELLS_A_PROCEDURE,
      },
      true,
    );
    const { errors } = await compile(project);
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toMatch(/^misspells-a-procedure\.ts\(\d+,\d+\): error TS\d+: .*queu/);
  });
});
