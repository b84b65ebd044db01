import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Environment, RunningServer } from '@berichtsheft/server';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { openPortalSite, type PortalSite } from './portal/listen.js';
import { API_AUDIENCE, createPortal } from './portal/server.js';

export interface DemoOptions {
  /** The portal's port; the API listens on the next one. 0 picks free ports for both. */
  port: number;
  /** Where the embedded database keeps its files; default `./.data`. Ignored with `databaseUrl`. */
  dataDir?: string;
  /** A PostgreSQL URL instead of the embedded database. */
  databaseUrl?: string;
  /** No log lines from the API. */
  quiet?: boolean;
}

export interface RunningDemo {
  portalUrl: string;
  apiUrl: string;
  /** Settles when the API answers with the demo data seeded; rejects when it could not start. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** The Berichtsheft API for the portal's issuer, with the demo data in its database. */
async function startSeededApi(
  options: DemoOptions,
  portalOrigin: string,
  apiPort: number,
): Promise<RunningServer> {
  // Loaded here rather than up front, so the portal answers while the API's code and its database load.
  const [{ createLogger, loadConfig, startServer }, { seedDemo }] = await Promise.all([
    import('@berichtsheft/server'),
    import('./seed.js'),
  ]);
  const issuer = `${portalOrigin}/oidc`;
  const environment: Environment = {
    BH_OIDC_ISSUER: issuer,
    BH_OIDC_AUDIENCE: API_AUDIENCE,
    BH_ALLOWED_ORIGINS: portalOrigin,
    DATABASE_URL: options.databaseUrl,
    BH_DATA_DIR: options.dataDir ?? resolve('.data'),
  };
  // Port 0 (any free port, for tests) is not something an operator configures, so it is set past validation.
  const api = await startServer(
    { ...loadConfig(environment), port: apiPort },
    {
      host: 'localhost',
      handleSignals: false,
      logger: createLogger({ level: options.quiet ? 'silent' : 'info' }),
    },
  );
  try {
    await seedDemo(api.database, issuer);
  } catch (error) {
    await api.close();
    throw error;
  }
  return api;
}

/**
 * The whole demo: the Bildungsportal Musterregion with its login service on `port`, the Berichtsheft API on another
 * origin (so the browser talks to it across origins, as it would to a real deployment), the demo data seeded.
 *
 * With a fixed port the API's URL is known beforehand, so the portal answers at once while the database opens (on a
 * new data directory that takes seconds); its record page waits for `ready`. With port 0 the API's port is known only
 * once it listens, so the portal starts after it.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const site: PortalSite = await openPortalSite(options.port);
  const apiPort = options.port === 0 ? 0 : options.port + 1;
  const api = startSeededApi(options, site.origin, apiPort);
  const ready = api.then(() => {});
  // Whoever awaits `ready` sees a failure; this only keeps an unobserved one from ending the process as unhandled.
  ready.catch(() => {});
  let apiUrl = `http://localhost:${apiPort}`;
  if (apiPort === 0) {
    try {
      apiUrl = (await api).url;
    } catch (error) {
      await site.close();
      throw error;
    }
  }
  site.install(
    createPortal({
      origin: site.origin,
      apiUrl,
      apiReady: ready,
      accounts: DEMO_ACCOUNTS,
      demoPassword: DEMO_PASSWORD,
    }),
  );
  return {
    portalUrl: site.origin,
    apiUrl,
    ready,
    close: async () => {
      await site.close();
      const running = await api.catch(() => undefined);
      await running?.close();
    },
  };
}

function describe(demo: RunningDemo): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.sub.length));
  return [
    '',
    `  Bildungsportal Musterregion   ${demo.portalUrl}`,
    `  Berichtsheft API              ${demo.apiUrl}   (health: ${demo.apiUrl}/healthz)`,
    '',
    `  Demo logins (password "${DEMO_PASSWORD}"):`,
    ...DEMO_ACCOUNTS.map(
      (account) =>
        `    ${account.sub.padEnd(width)}  ${account.name} (${account.roles.join(', ')})`,
    ),
    '',
    '  Stop with Ctrl+C.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const rawPort = process.env.PORT?.trim() || '8080';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65_534) {
    console.error(
      `PORT must be a whole number from 1 to 65534 (the API takes the next port), got "${rawPort}"`,
    );
    process.exitCode = 1;
    return;
  }
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const dataDir = process.env.BH_DATA_DIR?.trim() || undefined;
  const demo = await startDemo({
    port,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(dataDir ? { dataDir } : {}),
  });
  console.log(describe(demo));
  demo.ready.catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`The Berichtsheft API could not start: ${reason}`);
    demo.close().finally(() => process.exit(1));
  });
  const stop = () => {
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`The demo could not start: ${reason}`);
    process.exit(1);
  });
}
