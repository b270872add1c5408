import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { kdeNll } from './kde-nll.js';

describe('kdeNll(data, validation, test)', () => {
  it('of standard normal points is near their entropy log(2 pi e), choosing a bandwidth that is neither the smallest nor the largest', () => {
    const normal = (n: number, seed: number) => createRng(seed).normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0 });
    const result = kdeNll(normal(4000, 1), normal(500, 2), normal(1000, 3));
    // The KDE smooths N(0, I) into N(0, (1 + h^2) I) and carries the sampling error: within 0.1 nats.
    expect(Math.abs(result.nll - Math.log(2 * Math.PI * Math.E))).toBeLessThan(0.1);
    expect(result.bandwidth).toBeGreaterThan(0.01);
    expect(result.bandwidth).toBeLessThan(0.3);
    expect(result.nllStandardError).toBeGreaterThan(0);
  });
});
