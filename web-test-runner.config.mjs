import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

// Element tests run in the system's Chromium: the browser downloads of Playwright and Puppeteer are not reachable
// from the project's machines, while Debian's package is.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `Chromium was not found at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
      'or point CHROME_PATH at a Chromium or Chrome binary.',
  );
}

/** Answers every call with 401, so the browser tests can drive the real client into its "login needed" path. */
function unauthorizedEndpoint(context, next) {
  if (!context.path.startsWith('/__test/unauthorized/')) return next();
  context.status = 401;
  context.type = 'application/json';
  context.body = JSON.stringify({ error: 'invalid_token' });
  return undefined;
}

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  middleware: [unauthorizedEndpoint],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // esbuild reads the decorator flags from this file itself; it does not follow `extends`.
      tsconfig: 'packages/elements/tsconfig.test.json',
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  // Two cores are shared with other work; one page at a time keeps timings stable.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
};
