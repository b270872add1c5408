import { describe, expect, it } from 'vitest';
import { mixtureCovariance, mixtureMean } from '../mixture/gaussian-mixture.js';
import { RING_DEFAULTS, ringMixture } from './ring-mixture.js';
import { separatedModesMixture } from './separated-modes.js';

describe('ringMixture({ components, radius, std })', () => {
  it('has the documented defaults K = 8, radius 3, std 0.3', () => {
    expect(RING_DEFAULTS).toEqual({ components: 8, radius: 3, std: 0.3 });
    const ring = ringMixture();
    expect(ring.components).toBe(8);
    expect(ring.dim).toBe(2);
    expect(Array.from(ring.stds)).toEqual(new Array(16).fill(0.3));
    expect(Array.from(ring.weights)).toEqual(new Array(8).fill(1 / 8));
  });

  it('puts the means at radius (cos 2 pi k / K, sin 2 pi k / K), counter-clockwise from the x1 axis', () => {
    const ring = ringMixture({ components: 4, radius: 2 });
    const means = Array.from(ring.means, (v) => Math.round(v * 1e12) / 1e12 + 0);
    expect(means).toEqual([2, 0, 0, 2, -2, 0, 0, -2]);
  });

  it('has mean 0 and covariance (radius^2 / 2 + std^2) I', () => {
    const ring = ringMixture({ components: 6, radius: 3, std: 0.5 });
    mixtureMean(ring).forEach((v) => expect(v).toBeCloseTo(0, 12));
    const cov = mixtureCovariance(ring);
    expect(cov[0]).toBeCloseTo(4.5 + 0.25, 12);
    expect(cov[3]).toBeCloseTo(4.75, 12);
    expect(cov[1]).toBeCloseTo(0, 12);
  });

  it('rejects bad options naming the field', () => {
    expect(() => ringMixture({ components: 2.5 })).toThrow(/ringMixture: 'components' must be an integer >= 1, got 2.5/);
    expect(() => ringMixture({ std: 0 })).toThrow(/ringMixture: 'std' must be a finite number > 0, got 0/);
    expect(() => ringMixture({ radius: -1 })).toThrow(/'radius'/);
  });
});

describe('separatedModesMixture({ offset, std })', () => {
  it('is 1/2 N((-4, 0), 0.25 I) + 1/2 N((4, 0), 0.25 I) by default: covariance diag(16.25, 0.25)', () => {
    const mixture = separatedModesMixture();
    expect(Array.from(mixture.means)).toEqual([-4, 0, 4, 0]);
    expect(Array.from(mixture.stds)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(mixture.weights)).toEqual([0.5, 0.5]);
    expect(Array.from(mixtureCovariance(mixture))).toEqual([16.25, 0, 0, 0.25]);
  });

  it('takes offset and std, and rejects a zero offset naming it', () => {
    expect(Array.from(separatedModesMixture({ offset: 6, std: 1 }).means)).toEqual([-6, 0, 6, 0]);
    expect(() => separatedModesMixture({ offset: 0 })).toThrow(/separatedModesMixture: 'offset' must be a finite number > 0, got 0/);
  });
});
