import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIssuer, reservePort, startLocalIssuer } from './auth/testing/local-issuer.js';
import { listening, logLinesOf, runCli } from './testing/server-process.js';

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
      await listening(run);
      expect(logLinesOf(run).find((line) => line.msg === 'listening')).toMatchObject({
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
