import { describe, expect, it } from 'vitest';
import { mixtureCovariance, mixtureMean } from './gaussian-mixture.js';
import { MIXTURE_PRESETS } from './presets.js';

describe('MIXTURE_PRESETS', () => {
  it('double-gaussian has modes at (-2, 0) and (2, 0) with std 0.5: covariance diag(4.25, 0.25)', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    expect([...mixtureMean(mixture)]).toEqual([0, 0]);
    expect([...mixtureCovariance(mixture)]).toEqual([4.25, 0, 0, 0.25]);
  });
  it('eight-gaussians has eight equal modes on a circle of radius 2 sqrt(2): covariance (4 + 1/8) I', () => {
    const mixture = MIXTURE_PRESETS['eight-gaussians']();
    expect(mixture.components).toBe(8);
    const covariance = mixtureCovariance(mixture);
    expect(covariance[0]).toBeCloseTo(4.125, 12);
    expect(covariance[3]).toBeCloseTo(4.125, 12);
    expect(covariance[1]).toBeCloseTo(0, 12);
  });
});
