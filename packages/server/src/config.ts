import { resolve } from 'node:path';
import { FILE_LIMITS } from '@berichtsheft/core';
import { z } from 'zod';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './limits/rate-limits.js';
import { DEFAULT_RETENTION, type RetentionPolicy } from './maintenance/retention.js';

/** Signature algorithms the server accepts at most. Symmetric ones (HS*) and `none` are never allowed (RFC 8725). */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;
export type SignatureAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

export const DEFAULT_ALGORITHMS: readonly SignatureAlgorithm[] = [
  'RS256',
  'PS256',
  'ES256',
  'EdDSA',
];

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string };

export interface Config {
  database: DatabaseConfig;
  /** Connections to PostgreSQL at most, and how long work waits for one before the API answers 503 (S26). */
  databasePool: { size: number; acquireTimeoutMs: number };
  port: number;
  oidc: {
    issuer: string;
    audience: string;
    algorithms: SignatureAlgorithm[];
  };
  allowedOrigins: string[];
  maxBatch: number;
  maxBodyBytes: number;
  /** The largest file a message may carry (S20). */
  maxFileBytes: number;
  /** How much the structured log says: `info` writes a line per request, `warn` only faults. */
  logLevel: LogLevel;
  /** Calls per minute and person (S30); 0 switches a limit off. */
  rateLimits: RateLimits;
  /** The largest record file an import takes, and the most it may unpack to. */
  maxImportBytes: number;
  /** Where clients reach the API, for the verification links in printed records; unset: as each request names it. */
  publicUrl: string | undefined;
  /** How long each class of data is kept before the daily job removes it (S24). */
  retention: RetentionPolicy;
}

export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Every problem found in the environment at once, so an operator fixes them in one go. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(
      `Invalid configuration:\n${issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Blank values count as unset: `VAR=` in a shell or an env file means "not given". */
const optionalText = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  });

const requiredText = (expected: string) =>
  optionalText.transform((value, ctx) => {
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: `is required: ${expected}` });
      return z.NEVER;
    }
    return value;
  });

const integerIn = (min: number, max: number, fallback: number) =>
  optionalText.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a whole number from ${min} to ${max}, got "${value}"`,
      });
      return z.NEVER;
    }
    return parsed;
  });

const commaList = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);

const parseUrl = (value: string): URL | null => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

const databaseUrl = optionalText.refine(
  (value) => {
    if (value === undefined) return true;
    const url = parseUrl(value);
    return url !== null && (url.protocol === 'postgres:' || url.protocol === 'postgresql:');
  },
  {
    message:
      'expected a postgres:// or postgresql:// URL, or leave it unset for the embedded database',
  },
);

const issuer = requiredText(
  'the OpenID issuer URL, e.g. https://login.example.com/realms/main',
).refine(
  (value) => {
    const url = parseUrl(value);
    if (url === null || url.search !== '' || url.hash !== '' || url.username || url.password) {
      return false;
    }
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    );
  },
  {
    message:
      'expected an https URL without query or fragment (http only for localhost or 127.0.0.1)',
  },
);

const allowedOrigins = optionalText.transform((value, ctx) => {
  const origins = commaList(value);
  for (const entry of origins) {
    if (entry === '*' || entry === 'null') {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not allowed; list each host portal origin exactly, e.g. https://portal.example.com`,
      });
      continue;
    }
    const url = parseUrl(entry);
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not an origin; expected scheme://host[:port], e.g. https://portal.example.com`,
      });
      continue;
    }
    if (url.origin !== entry) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not an exact origin (no path, trailing slash or upper case); write it as ${url.origin}`,
      });
    }
  }
  return [...new Set(origins)];
});

const algorithms = optionalText.transform((value, ctx): SignatureAlgorithm[] => {
  if (value === undefined) return [...DEFAULT_ALGORITHMS];
  const chosen: SignatureAlgorithm[] = [];
  for (const entry of commaList(value)) {
    const known = ASYMMETRIC_ALGORITHMS.find((alg) => alg === entry);
    if (known === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not allowed; expected a comma list of ${ASYMMETRIC_ALGORITHMS.join(', ')}`,
      });
    } else if (!chosen.includes(known)) {
      chosen.push(known);
    }
  }
  if (chosen.length === 0 && commaList(value).length === 0) {
    ctx.addIssue({ code: 'custom', message: 'expected at least one algorithm' });
  }
  return chosen;
});

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const logLevel = optionalText.transform((value, ctx): LogLevel => {
  if (value === undefined) return 'info';
  const known = LOG_LEVELS.find((level) => level === value);
  if (known === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a level; expected one of ${LOG_LEVELS.join(', ')}`,
    });
    return 'info';
  }
  return known;
});

const publicUrl = optionalText.refine(
  (value) => {
    if (value === undefined) return true;
    const url = parseUrl(value);
    return (
      url !== null &&
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.search === '' &&
      url.hash === ''
    );
  },
  {
    message:
      'expected an http(s) URL without query or fragment, e.g. https://api.example.org/berichtsheft',
  },
);

const environmentSchema = z.object({
  DATABASE_URL: databaseUrl,
  BH_DATA_DIR: optionalText,
  BH_DB_POOL_SIZE: integerIn(1, 500, 10),
  BH_DB_ACQUIRE_TIMEOUT_MS: integerIn(10, 60_000, 2000),
  PORT: integerIn(1, 65_535, 3000),
  BH_OIDC_ISSUER: issuer,
  BH_OIDC_AUDIENCE: requiredText(
    'the audience (resource identifier) access tokens for this API carry',
  ),
  BH_ALLOWED_ORIGINS: allowedOrigins,
  BH_OIDC_ALGORITHMS: algorithms,
  BH_MAX_BATCH: integerIn(1, 1000, 20),
  BH_MAX_BODY_BYTES: integerIn(1024, 64 * 1024 * 1024, 1024 * 1024),
  BH_MAX_FILE_BYTES: integerIn(1024, 100 * 1024 * 1024, FILE_LIMITS.maxBytes),
  BH_LOG_LEVEL: logLevel,
  BH_RATE_LIMIT_PER_MINUTE: integerIn(0, 1_000_000, DEFAULT_RATE_LIMITS.call),
  BH_RATE_LIMIT_APPROVALS_PER_MINUTE: integerIn(0, 1_000_000, DEFAULT_RATE_LIMITS.approval),
  BH_RATE_LIMIT_VERIFICATIONS_PER_MINUTE: integerIn(0, 1_000_000, DEFAULT_RATE_LIMITS.verification),
  BH_RATE_LIMIT_EXPORTS_PER_MINUTE: integerIn(0, 1_000_000, DEFAULT_RATE_LIMITS.export),
  BH_MAX_IMPORT_BYTES: integerIn(1024 * 1024, 2 * 1024 * 1024 * 1024, 256 * 1024 * 1024),
  BH_PUBLIC_URL: publicUrl,
  BH_RETAIN_UNSENT_FILES_HOURS: integerIn(1, 24 * 365, DEFAULT_RETENTION.unsentFilesHours),
  BH_RETAIN_ENDED_RECORDS_DAYS: integerIn(0, 365 * 100, 0),
  BH_RETAIN_RECORD_EVENTS_DAYS: integerIn(1, 365 * 100, DEFAULT_RETENTION.recordEventsDays),
});

export type Environment = Record<string, string | undefined>;

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Environment): Config {
  const picked = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((name) => [name, env[name]]),
  );
  const result = environmentSchema.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        message: issue.message,
      })),
    );
  }
  const values = result.data;
  return {
    database:
      values.DATABASE_URL !== undefined
        ? { kind: 'postgres', url: values.DATABASE_URL }
        : { kind: 'pglite', dataDir: resolve(values.BH_DATA_DIR ?? './.data') },
    databasePool: {
      size: values.BH_DB_POOL_SIZE,
      acquireTimeoutMs: values.BH_DB_ACQUIRE_TIMEOUT_MS,
    },
    port: values.PORT,
    oidc: {
      issuer: values.BH_OIDC_ISSUER,
      audience: values.BH_OIDC_AUDIENCE,
      algorithms: values.BH_OIDC_ALGORITHMS,
    },
    allowedOrigins: values.BH_ALLOWED_ORIGINS,
    maxBatch: values.BH_MAX_BATCH,
    maxBodyBytes: values.BH_MAX_BODY_BYTES,
    maxFileBytes: values.BH_MAX_FILE_BYTES,
    logLevel: values.BH_LOG_LEVEL,
    rateLimits: {
      call: values.BH_RATE_LIMIT_PER_MINUTE,
      approval: values.BH_RATE_LIMIT_APPROVALS_PER_MINUTE,
      verification: values.BH_RATE_LIMIT_VERIFICATIONS_PER_MINUTE,
      export: values.BH_RATE_LIMIT_EXPORTS_PER_MINUTE,
    },
    maxImportBytes: values.BH_MAX_IMPORT_BYTES,
    publicUrl: values.BH_PUBLIC_URL?.replace(/\/+$/, ''),
    retention: {
      unsentFilesHours: values.BH_RETAIN_UNSENT_FILES_HOURS,
      endedRecordsDays:
        values.BH_RETAIN_ENDED_RECORDS_DAYS === 0 ? null : values.BH_RETAIN_ENDED_RECORDS_DAYS,
      recordEventsDays: values.BH_RETAIN_RECORD_EVENTS_DAYS,
    },
  };
}
