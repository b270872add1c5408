import { describe, expect, it } from 'vitest';
import { BUNDLED_WORKER_FILE, workerEntry } from './worker-entry.js';

describe('workerEntry(moduleUrl)', () => {
  it('starts the TypeScript sources through typescript-worker.mjs', () => {
    const entry = workerEntry('file:///repo/packages/score-nets/src/node/parallel/worker-entry.ts');
    expect(entry.url.href).toBe('file:///repo/packages/score-nets/src/node/parallel/typescript-worker.mjs');
    expect(entry.workerData).toEqual({ entry: 'file:///repo/packages/score-nets/src/node/parallel/score-net-worker.ts' });
  });

  it('starts the compiled score-net-worker.js beside the compiled worker-entry.js of an installed package', () => {
    const entry = workerEntry('file:///app/node_modules/@scoreflow/score-nets/dist/node/parallel/worker-entry.js');
    expect(entry.url.href).toBe('file:///app/node_modules/@scoreflow/score-nets/dist/node/parallel/score-net-worker.js');
    expect(entry.workerData).toEqual({});
  });

  it('starts the bundled worker beside a bundle', () => {
    expect(workerEntry('file:///app/dist/chunk-ABC.mjs').url.href).toBe(`file:///app/dist/${BUNDLED_WORKER_FILE}`);
  });
});
