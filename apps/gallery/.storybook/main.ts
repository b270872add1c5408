import type { StorybookConfig } from '@storybook/html-vite';

// Our packages export TypeScript sources under the `development` condition; vite compiles them.
// Only main (browser-safe) entries are imported: never `@scoreflow/*/node`.
const config: StorybookConfig = {
  framework: '@storybook/html-vite',
  stories: ['../src/**/*.stories.ts'],
  // Docs pages (autodocs) for the components: description, args table, live examples.
  addons: ['@storybook/addon-docs'],
  staticDirs: [{ from: '../../../packages/viz/assets/fonts', to: '/fonts' }],
  core: { disableTelemetry: true },
  viteFinal: async (vite) => ({
    ...vite,
    resolve: { ...vite.resolve, conditions: ['development', 'browser', 'module', 'import', 'default'] },
    build: { ...vite.build, chunkSizeWarningLimit: 4096 },
  }),
};

export default config;
