import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIssuer, reservePort, startLocalIssuer } from './auth/testing/local-issuer.js';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (through tsx) with exactly the given environment. */
function runCli(env: Record<string, string>): {
  child: ChildProcess;
  output: () => Finished;
  exited: Promise<Finished>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const output = () => ({ code: child.exitCode, stdout, stderr });
  const exited = new Promise<Finished>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, output, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('berichtsheft-server', () => {
  let issuer: LocalIssuer;
  let dataDir: string;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    dataDir = await mkdtemp(join(tmpdir(), 'bh-cli-'));
  });

  afterAll(async () => {
    await issuer.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a bad configuration, naming each variable, with exit code 1', async () => {
    const { code, stdout, stderr } = await runCli({
      DATABASE_URL: '',
      BH_OIDC_ISSUER: 'http://issuer.example',
      BH_ALLOWED_ORIGINS: '*',
    }).exited;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Invalid configuration:');
    expect(stderr).toMatch(/BH_OIDC_ISSUER: expected an https URL/);
    expect(stderr).toMatch(/BH_OIDC_AUDIENCE: is required/);
    expect(stderr).toMatch(/BH_ALLOWED_ORIGINS: "\*" is not allowed/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('serves on the embedded database, answers with a verified identity, and exits 0 on SIGTERM', async () => {
    const port = await reservePort();
    const run = runCli({
      PORT: String(port),
      BH_DATA_DIR: dataDir,
      BH_OIDC_ISSUER: issuer.issuer,
      BH_OIDC_AUDIENCE: issuer.audience,
    });
    try {
      await waitFor(() => run.output().stdout.includes('"msg":"listening"'), 60_000);
      const listening = run
        .output()
        .stdout.split('\n')
        .map((line) => (line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {}))
        .find((line) => line.msg === 'listening');
      expect(listening).toMatchObject({
        level: 'info',
        service: 'berichtsheft-server',
        url: `http://localhost:${port}`,
        database: `pglite at ${dataDir}`,
      });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      const me = await fetch(`http://127.0.0.1:${port}/trpc/me`, {
        headers: {
          authorization: `Bearer ${await issuer.sign({ claims: { name: 'Anna Azubi' } })}`,
        },
      });
      expect(me.status).toBe(200);
      expect(await me.text()).toContain('Anna Azubi');
      run.child.kill('SIGTERM');
      const finished = await run.exited;
      expect(finished.code).toBe(0);
      expect(finished.stdout).toContain('"signal":"SIGTERM","msg":"shutting down"');
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, 90_000);
});
