import { afterAll, beforeAll } from 'vitest';
import { type ChromiumGpu, launchChromiumGpu } from './in-chromium.js';

/**
 * Test-only: one headless Chromium with SwiftShader WebGPU for the enclosing `describe` (or spec
 * file), launched in `beforeAll` and closed in `afterAll`. Returns a handle usable inside tests
 * (`gpu.call(page, 'name', ...args)`); used outside a test it throws, saying so.
 */
export function useChromiumGpu(timeout = 120_000): ChromiumGpu {
  let launched: ChromiumGpu | undefined;
  beforeAll(async () => {
    launched = await launchChromiumGpu();
  }, timeout);
  afterAll(() => launched?.close());
  const current = (): ChromiumGpu => {
    if (launched === undefined) throw new Error('useChromiumGpu: Chromium is not launched yet (use the handle inside a test)');
    return launched;
  };
  return {
    call: <T>(entry: string, name: string, ...args: unknown[]) => current().call<T>(entry, name, ...args),
    get page() {
      return current().page;
    },
    close: () => current().close(),
  };
}
