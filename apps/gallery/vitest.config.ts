import { defineConfig } from 'vitest/config';

// The gallery test builds the static Storybook, serves it and opens every story in Chromium.
export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
});
