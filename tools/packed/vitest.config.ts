import { defineConfig } from 'vitest/config';

// One spec: builds, packs and installs the library packages in a fresh project (minutes of npm).
export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 600_000 },
});
