import { resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * Two builds of @berichtsheft/elements.
 *
 * Who writes what: `tsc -b` type-checks and emits only the declarations (`emitDeclarationOnly` in
 * packages/elements/tsconfig.json) to packages/elements/dist; rollup emits only JavaScript. Each file therefore has
 * exactly one producer, both commands can run in either order, and neither deletes the other's output.
 *
 * (a) dist/*.js — the npm build: one module per source file (so `sideEffects` and the `define/*` entry points keep
 *     working), with Lit, @lit/*, the client and core left to the consumer's bundler as dependencies.
 * (b) dist/bundle/berichtsheft-elements.js — one self-contained, minified ES module for a host page's
 *     `<script type="module" src=…>`: everything included, all elements defined, providers first.
 */

const elements = 'packages/elements';

const typescript = () =>
  esbuild({
    // The decorator flags (experimentalDecorators, useDefineForClassFields: false) come from this file.
    tsconfig: `${elements}/tsconfig.json`,
    target: 'es2022',
    sourceMap: true,
  });

/** Notes about third-party code that we cannot act on (zod's comment placement, its internal cycles). */
function onwarn(warning, warn) {
  const inDependency = (warning.id ?? warning.ids?.[0] ?? '').includes('node_modules');
  if (inDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
}

const isBareImport = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/**
 * The workspace packages the script-tag bundle includes, taken from their sources: the bundle then never contains a
 * stale build of core or the client, and `npm start` can build it on a fresh clone before anything is compiled.
 */
const WORKSPACE_SOURCES = {
  '@berichtsheft/core': 'packages/core/src/index.ts',
  '@berichtsheft/core/vocabulary': 'packages/core/src/vocabulary.ts',
  '@berichtsheft/client': 'packages/client/src/index.ts',
};
const workspaceSources = () => ({
  name: 'workspace-sources',
  // Both packages declare `"sideEffects": false`, which a path resolved here does not carry by itself.
  resolveId: (id) =>
    id in WORKSPACE_SOURCES
      ? { id: resolve(WORKSPACE_SOURCES[id]), moduleSideEffects: false }
      : null,
});

export default [
  {
    input: {
      index: `${elements}/src/index.ts`,
      all: `${elements}/src/all.ts`,
      'define/bh-provider': `${elements}/src/define/bh-provider.ts`,
      'define/bh-report-editor': `${elements}/src/define/bh-report-editor.ts`,
      'define/bh-signoff-queue': `${elements}/src/define/bh-signoff-queue.ts`,
    },
    external: isBareImport,
    onwarn,
    plugins: [typescript()],
    output: {
      dir: `${elements}/dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `${elements}/src`,
      sourcemap: true,
    },
  },
  {
    input: `${elements}/src/all.ts`,
    onwarn,
    plugins: [
      workspaceSources(),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      typescript(),
      terser({ format: { comments: false }, ecma: 2020, module: true }),
    ],
    output: {
      file: `${elements}/dist/bundle/berichtsheft-elements.js`,
      format: 'es',
      // The English strings are loaded on demand elsewhere; a script-tag file must not fetch chunks.
      inlineDynamicImports: true,
      sourcemap: true,
    },
  },
];
