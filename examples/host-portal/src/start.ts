import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Environment,
  loadConfig,
  type RunningServer,
  startServer,
} from '@berichtsheft/server';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { openPortalSite, type PortalSite } from './portal/listen.js';
import { API_AUDIENCE, createPortal } from './portal/server.js';
import { seedDemo } from './seed.js';

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
  close(): Promise<void>;
}

/**
 * The whole demo: the Bildungsportal Musterregion with its login service on `port`, the Berichtsheft API on another
 * origin (so the browser talks to it across origins, as it would to a real deployment), the demo data seeded.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const site: PortalSite = await openPortalSite(options.port);
  let api: RunningServer | undefined;
  try {
    const issuer = `${site.origin}/oidc`;
    const environment: Environment = {
      BH_OIDC_ISSUER: issuer,
      BH_OIDC_AUDIENCE: API_AUDIENCE,
      BH_ALLOWED_ORIGINS: site.origin,
      DATABASE_URL: options.databaseUrl,
      BH_DATA_DIR: options.dataDir ?? resolve('.data'),
    };
    // Port 0 (any free port, for tests) is not something an operator configures, so it is set past validation.
    const apiPort = options.port === 0 ? 0 : options.port + 1;
    api = await startServer(
      { ...loadConfig(environment), port: apiPort },
      {
        host: 'localhost',
        handleSignals: false,
        log: options.quiet ? () => {} : (line) => console.log(line),
      },
    );
    await seedDemo(api.database, issuer);
    site.install(
      createPortal({
        origin: site.origin,
        apiUrl: api.url,
        accounts: DEMO_ACCOUNTS,
        demoPassword: DEMO_PASSWORD,
      }),
    );
  } catch (error) {
    await api?.close();
    await site.close();
    throw error;
  }
  const running = api;
  return {
    portalUrl: site.origin,
    apiUrl: running.url,
    close: async () => {
      await site.close();
      await running.close();
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
