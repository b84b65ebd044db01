import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repositoryRoot = resolve(packageDir, '../..');
const builtCli = join(packageDir, 'dist', 'cli.js');

async function commandTarget(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    bin?: Record<string, string>;
  };
  const target = manifest.bin?.['berichtsheft-server'];
  if (target === undefined) throw new Error('package.json names no berichtsheft-server command');
  return resolve(packageDir, target);
}

function run(command: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, [], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr }));
  });
}

describe('the berichtsheft-server command', () => {
  it('points at a file a fresh clone has, so npm ci links it before any build', async () => {
    const target = relative(packageDir, await commandTarget());
    // npm links a workspace's command only when its file exists at install time; build output does not yet.
    expect(target.split(/[\\/]/)[0]).not.toBe('dist');
    expect(existsSync(join(packageDir, target))).toBe(true);
  });

  it('is linked into node_modules/.bin and runs the built CLI there', async () => {
    const linked = join(repositoryRoot, 'node_modules', '.bin', 'berichtsheft-server');
    expect(existsSync(linked)).toBe(true);
    const { code, stderr } = await run(linked);
    expect(code).toBe(1);
    if (existsSync(builtCli)) {
      expect(stderr).toContain('Invalid configuration');
      expect(stderr).toContain('BH_OIDC_ISSUER');
    } else {
      expect(stderr).toContain('npm run build');
    }
  });

  it('says to build first when the CLI is not built', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'bh-bin-'));
    try {
      await mkdir(join(scratch, 'bin'));
      const copy = join(scratch, 'bin', 'berichtsheft-server.js');
      await copyFile(await commandTarget(), copy);
      const { code, stderr } = await run(copy);
      expect(code).toBe(1);
      expect(stderr).toContain('run `npm run build`');
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
