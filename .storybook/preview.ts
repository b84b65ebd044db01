import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    // Every story runs through axe; a violation fails the story's check instead of only warning.
    a11y: { test: 'error' },
    layout: 'padded',
    viewport: {
      options: {
        phone: { name: '360 px phone', styles: { width: '360px', height: '740px' } },
      },
    },
  },
};

export default preview;
