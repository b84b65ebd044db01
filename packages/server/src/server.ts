import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from './auth/verifier.js';
import type { Config } from './config.js';
import { type Database, type OpenDatabaseOptions, openDatabase } from './db/database.js';
import { createFetchHandler } from './http/fetch-handler.js';
import { createNodeServer } from './http/node-server.js';
import { describeError } from './logging/describe-error.js';
import { createLogger, type Logger } from './logging/logger.js';
import { scheduleRetention } from './maintenance/retention.js';

export interface StartServerOptions {
  /** Interface to listen on; all interfaces when unset. */
  host?: string;
  /** Exit the process on SIGTERM/SIGINT after a graceful shutdown; default true. Embedders pass false. */
  handleSignals?: boolean;
  /** The structured log; by default JSON lines on standard output at the configured level. */
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  server: Server;
  database: Database;
  /** Readiness goes false, in-flight requests finish, then the database closes (S28). */
  close(): Promise<void>;
}

/** How long in-flight requests get to finish on shutdown before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

function describeDatabase(config: Config): string {
  // Never the URL itself: it may carry a password.
  return config.database.kind === 'postgres' ? 'postgres' : `pglite at ${config.database.dataDir}`;
}

function listen(server: Server, port: number, host: string | undefined): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Idle keep-alive connections would otherwise hold the close open until they time out.
    server.closeIdleConnections();
  });
}

/** How the configuration asks for the database to be opened; hosts that mount the handler open it the same way. */
export function databaseOptions(config: Config): OpenDatabaseOptions {
  return {
    ...(config.database.kind === 'postgres'
      ? { url: config.database.url }
      : { dataDir: config.database.dataDir }),
    poolSize: config.databasePool.size,
    acquireTimeoutMs: config.databasePool.acquireTimeoutMs,
  };
}

/** Opens the database (running migrations), then serves the API over HTTP. */
export async function startServer(
  config: Config,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const database = await openDatabase(databaseOptions(config));
  let draining = false;
  const handler = createFetchHandler({
    database,
    verifier: createTokenVerifier(config.oidc),
    allowedOrigins: config.allowedOrigins,
    maxBatch: config.maxBatch,
    maxBodyBytes: config.maxBodyBytes,
    maxFileBytes: config.maxFileBytes,
    maxImportBytes: config.maxImportBytes,
    publicUrl: config.publicUrl,
    isDraining: () => draining,
    logger,
    rateLimits: config.rateLimits,
  });
  const server = createNodeServer(handler);
  let address: AddressInfo;
  try {
    address = await listen(server, config.port, options.host);
  } catch (error) {
    await database.close();
    throw error;
  }
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '::'
      ? options.host
      : 'localhost';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info({ url, database: describeDatabase(config) }, 'listening');
  const retention = scheduleRetention(database, config.retention, (outcome) => {
    if ('error' in outcome) logger.error({ err: describeError(outcome.error) }, 'retention failed');
    else if (outcome.run) logger.info(outcome.run, 'retention applied');
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      retention.stop();
      // Live streams never finish by themselves: they end first, so that their clients reconnect elsewhere at once.
      await database.signals.close();
      await closeServer(server);
      await database.close();
    })();
    return closing;
  };

  if (options.handleSignals ?? true) {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.fatal({ err: describeError(error) }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  }

  return { url, server, database, close };
}
