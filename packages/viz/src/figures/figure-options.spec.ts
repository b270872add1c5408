import type { PluginContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { createNested } from './figure-options.js';

describe('createNested', () => {
  it("creates the plugin an option names at the option's path, and nothing when it names none", () => {
    const calls: unknown[][] = [];
    const ctx = { path: 'figures.2', create: (...args: unknown[]) => (calls.push(args), 'made') } as unknown as PluginContext;
    expect(createNested(ctx, 'target', { type: 'banana' }, 'density')).toBe('made');
    expect(calls).toEqual([['target', { type: 'banana' }, 'figures.2.density']]);
    expect(createNested(ctx, 'score-model', undefined, 'score')).toBeUndefined();
    expect(calls).toHaveLength(1);
  });
});
