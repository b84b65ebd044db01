import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build } from 'esbuild';

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

/**
 * PGlite, which runs the real server in the test page, reaches for Node modules only on its Node code path, through
 * dynamic imports the browser never executes; they resolve to an empty module so that the page can load.
 */
const NODE_ONLY_MODULE = '/__node-only-module.js';
const nodeOnlyImports = {
  name: 'node-only-imports',
  resolveImport({ source }) {
    const name = source.startsWith('node:') ? source.slice('node:'.length) : source;
    return builtinModules.includes(name) ? NODE_ONLY_MODULE : undefined;
  },
  serve(context) {
    if (context.path === NODE_ONLY_MODULE) return { body: 'export default {};', type: 'js' };
    return undefined;
  },
};

/**
 * PGlite's WebAssembly and its packed file system, served byte for byte: the dev server would otherwise read the
 * `.data` file as text and hand PGlite a corrupted image.
 */
const pgliteAssetsDir = fileURLToPath(
  new URL('node_modules/@electric-sql/pglite/dist/', import.meta.url),
);
const PGLITE_ASSET = /^\/node_modules\/@electric-sql\/pglite\/dist\/([\w.-]+\.(?:wasm|data))$/;
async function pgliteAssets(context, next) {
  const asset = PGLITE_ASSET.exec(context.path);
  if (!asset) return next();
  context.body = await readFile(`${pgliteAssetsDir}${asset[1]}`);
  context.type = asset[1].endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
  return undefined;
}

/**
 * The PDF library that prints records in the playground is made of CommonJS packages with circular requires, which
 * no module-by-module conversion can load; the page gets the printing code bundled by esbuild instead, as Vite
 * (Storybook) bundles it by itself.
 */
const PRINTING = '/__bundled/render-record-pdf.js';
const printingSource = fileURLToPath(
  new URL('packages/server/src/export/pdf/render-record-pdf.ts', import.meta.url),
);
let printingBundle;
const bundledPrinting = {
  name: 'bundled-printing',
  resolveImport({ source }) {
    return source.endsWith('/export/pdf/render-record-pdf.js') ? PRINTING : undefined;
  },
  async serve(context) {
    if (context.path !== PRINTING) return undefined;
    printingBundle ??= build({
      entryPoints: [printingSource],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      conditions: ['browser'],
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0].text);
    return { body: await printingBundle, type: 'js' };
  },
};

/** The fonts a printed record embeds, served byte for byte to the playground that prints in the page. */
const fontsDir = fileURLToPath(new URL('node_modules/dejavu-fonts-ttf/ttf/', import.meta.url));
const FONT_ASSET = /^\/node_modules\/dejavu-fonts-ttf\/ttf\/(DejaVuSans(?:-Bold)?\.ttf)$/;
async function fontAssets(context, next) {
  const asset = FONT_ASSET.exec(context.path);
  if (!asset) return next();
  context.body = await readFile(`${fontsDir}${asset[1]}`);
  context.type = 'font/ttf';
  return undefined;
}

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  middleware: [pgliteAssets, fontAssets, unauthorizedEndpoint],
  plugins: [
    nodeOnlyImports,
    bundledPrinting,
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
