export { readBearer } from './auth/bearer.js';
export { AUTH_FAILURE_REASONS, type AuthFailureReason } from './auth/reasons.js';
export {
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifyResult,
} from './auth/verifier.js';
export {
  type Config,
  ConfigError,
  type ConfigIssue,
  type DatabaseConfig,
  type Environment,
  LOG_LEVELS,
  type LogLevel,
  loadConfig,
  type SignatureAlgorithm,
} from './config.js';
export { type Context, createContext, type Identity } from './context.js';
export { type Database, type OpenDatabaseOptions, openDatabase } from './db/database.js';
export * as queries from './db/queries/index.js';
export * as schema from './db/schema/index.js';
export { createFetchHandler, type FetchHandlerOptions } from './http/fetch-handler.js';
export { createNodeServer, toNodeListener } from './http/node-server.js';
export type { FetchHandler } from './http/request-handler.js';
export {
  DEFAULT_RATE_LIMITS,
  LIMIT_CLASSES,
  type LimitClass,
  type RateLimits,
} from './limits/rate-limits.js';
export { describeError, type ErrorDescription } from './logging/describe-error.js';
export { createLogger, type Logger, type LoggerOptions } from './logging/logger.js';
export { type AppRouter, appRouter } from './routers/index.js';
export {
  databaseOptions,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './server.js';
export { createCallerFactory } from './trpc/init.js';
