import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, type Environment, loadConfig } from './config.js';

const minimal: Environment = {
  BH_OIDC_ISSUER: 'https://login.example.com/realms/main',
  BH_OIDC_AUDIENCE: 'berichtsheft-api',
};

function issuesOf(env: Environment): Record<string, string> {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return Object.fromEntries(error.issues.map((issue) => [issue.variable, issue.message]));
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the defaults for an embedded database', () => {
    const config = loadConfig(minimal);
    expect(config).toEqual({
      database: { kind: 'pglite', dataDir: resolve('./.data') },
      databasePool: { size: 10, acquireTimeoutMs: 2000 },
      port: 3000,
      oidc: {
        issuer: 'https://login.example.com/realms/main',
        audience: 'berichtsheft-api',
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      },
      allowedOrigins: [],
      maxBatch: 20,
      maxBodyBytes: 1024 * 1024,
      maxFileBytes: 10 * 1024 * 1024,
      logLevel: 'info',
      rateLimits: { call: 600, approval: 60, verification: 30, export: 10 },
      maxImportBytes: 256 * 1024 * 1024,
      publicUrl: undefined,
      retention: { unsentFilesHours: 24, endedRecordsDays: null, recordEventsDays: 3 * 365 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...minimal,
      DATABASE_URL: 'postgresql://app@db.internal:5432/berichtsheft',
      PORT: '8080',
      BH_ALLOWED_ORIGINS: 'https://portal.example.com, http://localhost:5173',
      BH_OIDC_ALGORITHMS: 'ES256,RS256',
      BH_MAX_BATCH: '5',
      BH_MAX_BODY_BYTES: '2048',
      BH_DB_POOL_SIZE: '25',
      BH_DB_ACQUIRE_TIMEOUT_MS: '500',
      BH_LOG_LEVEL: 'warn',
      BH_RATE_LIMIT_PER_MINUTE: '1200',
      BH_RATE_LIMIT_APPROVALS_PER_MINUTE: '0',
      BH_RATE_LIMIT_VERIFICATIONS_PER_MINUTE: '10',
      BH_RATE_LIMIT_EXPORTS_PER_MINUTE: '3',
      BH_MAX_IMPORT_BYTES: '10485760',
      BH_PUBLIC_URL: 'https://api.example.org/berichtsheft/',
      BH_RETAIN_UNSENT_FILES_HOURS: '48',
      BH_RETAIN_ENDED_RECORDS_DAYS: '3650',
      BH_RETAIN_RECORD_EVENTS_DAYS: '730',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgresql://app@db.internal:5432/berichtsheft',
    });
    expect(config.port).toBe(8080);
    expect(config.allowedOrigins).toEqual(['https://portal.example.com', 'http://localhost:5173']);
    expect(config.oidc.algorithms).toEqual(['ES256', 'RS256']);
    expect(config.maxBatch).toBe(5);
    expect(config.maxBodyBytes).toBe(2048);
    expect(config.databasePool).toEqual({ size: 25, acquireTimeoutMs: 500 });
    expect(config.logLevel).toBe('warn');
    expect(config.rateLimits).toEqual({ call: 1200, approval: 0, verification: 10, export: 3 });
    expect(config.maxImportBytes).toBe(10 * 1024 * 1024);
    expect(config.publicUrl).toBe('https://api.example.org/berichtsheft');
    expect(config.retention).toEqual({
      unsentFilesHours: 48,
      endedRecordsDays: 3650,
      recordEventsDays: 730,
    });
  });

  it('refuses a public URL with a query, and keeps ended records when no period is set', () => {
    expect(issuesOf({ ...minimal, BH_PUBLIC_URL: 'https://api.example.org/?x=1' })).toHaveProperty(
      'BH_PUBLIC_URL',
    );
    expect(
      loadConfig({ ...minimal, BH_RETAIN_ENDED_RECORDS_DAYS: '0' }).retention.endedRecordsDays,
    ).toBeNull();
  });

  it('treats blank values as unset and uses BH_DATA_DIR for the embedded database', () => {
    const config = loadConfig({
      ...minimal,
      DATABASE_URL: '',
      PORT: ' ',
      BH_DATA_DIR: '/var/lib/bh',
    });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/var/lib/bh' });
    expect(config.port).toBe(3000);
  });

  it('accepts http issuers only on loopback hosts', () => {
    expect(loadConfig({ ...minimal, BH_OIDC_ISSUER: 'http://localhost:4000' }).oidc.issuer).toBe(
      'http://localhost:4000',
    );
    expect(
      loadConfig({ ...minimal, BH_OIDC_ISSUER: 'http://127.0.0.1:4000/oidc' }).oidc.issuer,
    ).toBe('http://127.0.0.1:4000/oidc');
    expect(issuesOf({ ...minimal, BH_OIDC_ISSUER: 'http://login.example.com' })).toHaveProperty(
      'BH_OIDC_ISSUER',
    );
  });

  it('lists every problem at once, naming the variable and what is expected', () => {
    const issues = issuesOf({
      DATABASE_URL: 'mysql://db/app',
      PORT: '70000',
      BH_ALLOWED_ORIGINS: '*,https://portal.example.com/app,null,ftp://x',
      BH_OIDC_ALGORITHMS: 'RS256,HS256,none',
      BH_MAX_BATCH: '0',
    });
    expect(Object.keys(issues).sort()).toEqual([
      'BH_ALLOWED_ORIGINS',
      'BH_MAX_BATCH',
      'BH_OIDC_ALGORITHMS',
      'BH_OIDC_AUDIENCE',
      'BH_OIDC_ISSUER',
      'DATABASE_URL',
      'PORT',
    ]);
    expect(issues.DATABASE_URL).toMatch(/postgres:\/\/ or postgresql:\/\//);
    expect(issues.PORT).toMatch(/from 1 to 65535.*"70000"/);
    expect(issues.BH_OIDC_ISSUER).toMatch(/is required/);
    expect(issues.BH_OIDC_AUDIENCE).toMatch(/is required/);
    expect(issues.BH_MAX_BATCH).toMatch(/from 1 to 1000/);
  });

  it('refuses wildcard, null, paths and non-web schemes in the origin list', () => {
    const error = (() => {
      try {
        loadConfig({
          ...minimal,
          BH_ALLOWED_ORIGINS:
            '*,null,https://portal.example.com/app,https://Portal.example.com,ftp://x',
        });
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const messages = (error as ConfigError).issues
      .filter((issue) => issue.variable === 'BH_ALLOWED_ORIGINS')
      .map((issue) => issue.message);
    expect(messages).toHaveLength(5);
    expect(messages.join('\n')).toMatch(/write it as https:\/\/portal\.example\.com/);
    expect((error as ConfigError).message).toMatch(
      /^Invalid configuration:\n {2}BH_ALLOWED_ORIGINS: /,
    );
  });

  it('refuses a log level pino does not know', () => {
    expect(issuesOf({ ...minimal, BH_LOG_LEVEL: 'verbose' }).BH_LOG_LEVEL).toMatch(
      /"verbose" is not a level/,
    );
  });

  it('refuses symmetric and unknown signature algorithms', () => {
    expect(issuesOf({ ...minimal, BH_OIDC_ALGORITHMS: 'HS256' }).BH_OIDC_ALGORITHMS).toMatch(
      /"HS256" is not allowed/,
    );
    expect(issuesOf({ ...minimal, BH_OIDC_ALGORITHMS: ' , ' }).BH_OIDC_ALGORITHMS).toMatch(
      /at least one/,
    );
  });

  it('refuses ports that are not whole numbers', () => {
    expect(issuesOf({ ...minimal, PORT: '80a' }).PORT).toMatch(/whole number/);
    expect(issuesOf({ ...minimal, PORT: '0' }).PORT).toMatch(/whole number/);
  });

  it('refuses a database pool without connections and acquisition timeouts out of range', () => {
    const issues = issuesOf({
      ...minimal,
      BH_DB_POOL_SIZE: '0',
      BH_DB_ACQUIRE_TIMEOUT_MS: '2s',
    });
    expect(issues.BH_DB_POOL_SIZE).toMatch(/from 1 to 500/);
    expect(issues.BH_DB_ACQUIRE_TIMEOUT_MS).toMatch(/from 10 to 60000, got "2s"/);
    expect(issuesOf({ ...minimal, BH_DB_ACQUIRE_TIMEOUT_MS: '600000' })).toHaveProperty(
      'BH_DB_ACQUIRE_TIMEOUT_MS',
    );
  });
});
