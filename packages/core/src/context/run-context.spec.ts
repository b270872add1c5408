import { describe, expect, it } from 'vitest';
import type { Accelerator } from '../contracts/accelerator.js';
import { createRunContext } from './run-context.js';

describe('createRunContext(init)', () => {
  it('carries the run-level device and the accelerator the app acquired', () => {
    const accelerator: Accelerator = { name: 'webgpu', description: 'test', stage: () => { throw new Error('not here'); } };
    const ctx = createRunContext({ dim: 2, device: 'webgpu', accelerator });
    expect(ctx.device).toBe('webgpu');
    expect(ctx.accelerator).toBe(accelerator);
  });

  it('leaves both out by default: stages run on the CPU', () => {
    const ctx = createRunContext({ dim: 2 });
    expect(ctx.device ?? 'cpu').toBe('cpu');
    expect('accelerator' in ctx).toBe(false);
  });
});
