import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  // The playground prints records in the page with the fonts of the installed package, fetched from this path.
  staticDirs: [
    { from: '../node_modules/dejavu-fonts-ttf/ttf', to: '/node_modules/dejavu-fonts-ttf/ttf' },
  ],
  // The stories run the real server in the page on PGlite; Vite's dependency pre-bundling would cut PGlite off from
  // its WebAssembly and file-system image, which it finds next to its own module.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'],
    },
  }),
};

export default config;
