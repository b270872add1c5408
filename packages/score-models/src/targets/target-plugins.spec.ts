import {
  type ConfigError,
  type Density,
  MIXTURE_PRESETS,
  type Target,
  banana,
  createRegistry,
  createRng,
  createRunContext,
  donut,
  funnel,
  gaussianMixture,
  mixtureGradLogDensity,
  mixtureLogDensity,
  ringMixture,
  squiggle,
} from '@scoreflow/core';
import { configErrorOf } from '@scoreflow/core/testing';
import { describe, expect, it } from 'vitest';
import { targetPlugins } from './target-plugins.js';

const registry = createRegistry(targetPlugins);
const scope = (dim = 2) => ({ run: createRunContext({ dim }), path: 'pipeline.0.target' });
const create = (config: unknown, dim = 2): Target => registry.create('target', config, scope(dim));

const configError = (config: unknown, dim = 2): ConfigError => configErrorOf(() => create(config, dim));

/** 64 points of N(0, 3^2 I) in the plane from a fixed seed, in Float32. */
const points = createRng(4).normal(new Float32Array(128), { first: 0, count: 64 }, 2, { step: 0 }).map((v) => 3 * v);

/** Both outputs of a target (or a core density) at `points`. */
function evaluate(target: Pick<Target, 'logDensity' | 'gradLogDensity'> | Density, x = points) {
  return {
    log: Array.from(target.logDensity(x, new Float64Array(x.length / 2))),
    grad: Array.from(target.gradLogDensity(x, new Float32Array(x.length))),
  };
}

const normalLogPdf = (x: number, mu: number, sigma: number) => -0.5 * Math.log(2 * Math.PI * sigma * sigma) - ((x - mu) * (x - mu)) / (2 * sigma * sigma);

/** A config of each target: the defaults, a preset, or an observation for the posterior. */
const configOf = (type: string) =>
  type === 'gaussian-mixture'
    ? { type, preset: 'double-gaussian' }
    : type === 'posterior'
      ? { type, preset: 'double-gaussian', observation: { A: [[1, 0.5]], y: [1], sigma: 0.5 } }
      : { type };

describe('targetPlugins', () => {
  it('lists the eight targets by name, all of kind target', () => {
    expect(registry.list('target').map((plugin) => plugin.name)).toEqual(['banana', 'donut', 'funnel', 'gaussian-mixture', 'posterior', 'ring', 'separated-modes', 'squiggle']);
  });

  it('fills in the documented defaults', () => {
    const defaults = (type: string) => registry.parse('target', { type }, '').options;
    expect(defaults('banana')).toEqual({ scale: 2, curvature: 0.25, width: 1 });
    expect(defaults('donut')).toEqual({ radius: 3, width: 0.5 });
    expect(defaults('funnel')).toEqual({ scale: 3 });
    expect(defaults('squiggle')).toEqual({ scale: 2, amplitude: 1.5, frequency: 1.5, width: 0.4 });
    expect(defaults('ring')).toEqual({ components: 8, radius: 3, std: 0.3 });
    expect(defaults('separated-modes')).toEqual({ offset: 4, std: 0.5 });
  });

  it('every target is normalised, 2-D here, named after its plugin, and its gradient is that of its log density', () => {
    // The contract takes Float32 positions, so the five-point central difference uses h = 2^-10 on
    // positions rounded to multiples of h (shifts are exact): truncation h^4 f^(5) / 30 < 1e-4 even
    // where separated-modes switches modes (over s^2 / (2 d) = 0.03), rounding 3 eps |log p| / (2 h)
    // < 1e-10. Tolerance 1e-3 relative: far below a factor 2 or a sign.
    for (const plugin of registry.list('target')) {
      const config = configOf(plugin.name);
      const target = create(config);
      expect(target.name).toBe(plugin.name);
      expect(target.dim).toBe(2);
      expect(target.normalised).toBe(true);
      const h = 2 ** -10;
      const x = points.map((v) => Math.round(v / h) * h);
      const { log, grad } = evaluate(target, x);
      expect(log.every(Number.isFinite), plugin.name).toBe(true);
      const shifted = (j: number, k: number) => {
        const y = Float32Array.from(x);
        for (let i = 0; i < 64; i++) y[2 * i + j] += k * h;
        return target.logDensity(y, new Float64Array(64));
      };
      for (let j = 0; j < 2; j++) {
        const [m2, m1, p1, p2] = [-2, -1, 1, 2].map((k) => shifted(j, k));
        for (let i = 0; i < 64; i++) {
          const fd = (m2[i] - 8 * m1[i] + 8 * p1[i] - p2[i]) / (12 * h);
          expect(Math.abs(grad[2 * i + j] - fd), `${plugin.name} point ${i} coordinate ${j}`).toBeLessThanOrEqual(1e-3 * (1 + Math.abs(fd)));
        }
      }
    }
  });

  it('banana, donut, funnel and squiggle are the core densities with the same options', () => {
    const cases: [unknown, Density][] = [
      [{ type: 'banana', scale: 1.5, curvature: -0.4, width: 0.7 }, banana({ scale: 1.5, curvature: -0.4, width: 0.7 })],
      [{ type: 'donut', radius: 2, width: 0.3 }, donut({ radius: 2, width: 0.3 })],
      [{ type: 'funnel', scale: 2 }, funnel({ scale: 2 })],
      [{ type: 'squiggle', amplitude: 2, frequency: 0.5 }, squiggle({ amplitude: 2, frequency: 0.5 })],
      [{ type: 'banana' }, banana()],
    ];
    for (const [config, density] of cases) expect(evaluate(create(config))).toEqual(evaluate(density));
  });

  it('gaussian-mixture is mixtureLogDensity / mixtureGradLogDensity of the preset or of the given means', () => {
    const preset = MIXTURE_PRESETS['eight-gaussians']();
    expect(evaluate(create({ type: 'gaussian-mixture', preset: 'eight-gaussians' }))).toEqual({
      log: Array.from(mixtureLogDensity(preset, points, new Float64Array(64))),
      grad: Array.from(mixtureGradLogDensity(preset, points, new Float32Array(128))),
    });
    const mixture = gaussianMixture({ means: [[0, 0, 1], [3, 3, 3]], weights: [1, 3], std: [0.5, 2] });
    const x3 = points.subarray(0, 126);
    const target = create({ type: 'gaussian-mixture', means: [[0, 0, 1], [3, 3, 3]], weights: [1, 3], std: [0.5, 2] }, 3);
    expect(target.dim).toBe(3);
    expect(Array.from(target.logDensity(x3, new Float64Array(42)))).toEqual(Array.from(mixtureLogDensity(mixture, x3, new Float64Array(42))));
  });

  it('ring is the mixture of ringMixture, and separated-modes is 1/2 N((-d, 0), s^2 I) + 1/2 N((d, 0), s^2 I)', () => {
    const ring = ringMixture({ components: 5, radius: 2, std: 0.4 });
    expect(evaluate(create({ type: 'ring', components: 5, radius: 2, std: 0.4 }))).toEqual({
      log: Array.from(mixtureLogDensity(ring, points, new Float64Array(64))),
      grad: Array.from(mixtureGradLogDensity(ring, points, new Float32Array(128))),
    });
    const target = create({ type: 'separated-modes', offset: 3, std: 0.8 });
    const log = target.logDensity(points, new Float64Array(64));
    for (let i = 0; i < 64; i++) {
      const [a, b] = [points[2 * i], points[2 * i + 1]];
      const density = 0.5 * Math.exp(normalLogPdf(a, -3, 0.8) + normalLogPdf(b, 0, 0.8)) + 0.5 * Math.exp(normalLogPdf(a, 3, 0.8) + normalLogPdf(b, 0, 0.8));
      expect(log[i]).toBeCloseTo(Math.log(density), 10);
    }
  });

  it('bad options name the field, the value and what is allowed', () => {
    const issue = (config: unknown) => configError(config).issues[0];
    expect(issue({ type: 'banana', scale: -1 })).toMatchObject({ path: 'pipeline.0.target.scale', message: expect.stringMatching(/>0.*got -1/) });
    expect(issue({ type: 'donut', radius: -2 })).toMatchObject({ path: 'pipeline.0.target.radius', message: expect.stringMatching(/got -2/) });
    expect(issue({ type: 'funnel', scale: 'wide' })).toMatchObject({ path: 'pipeline.0.target.scale', message: expect.stringMatching(/number.*got "wide"/) });
    expect(issue({ type: 'squiggle', width: 0 }).path).toBe('pipeline.0.target.width');
    expect(issue({ type: 'ring', components: 2.5 })).toMatchObject({ path: 'pipeline.0.target.components', message: expect.stringMatching(/int.*got 2.5/) });
    expect(issue({ type: 'separated-modes', offset: 0 }).path).toBe('pipeline.0.target.offset');
    expect(issue({ type: 'separated-modes', distance: 4 }).message).toMatch(/distance/);
    expect(issue({ type: 'gaussian-mixture', preset: 'triple-gaussian' })).toMatchObject({
      path: 'pipeline.0.target.preset',
      message: expect.stringMatching(/eight-gaussians/),
    });
    expect(issue({ type: 'gaussian-mixture', means: [[0, 0], [1, 1]], weights: [1] }).path).toBe('pipeline.0.target.weights');
  });

  it('a target whose dimension is not the run’s throws a ConfigError at its path', () => {
    const error = configError({ type: 'banana' }, 3);
    expect(error.issues).toEqual([{ path: 'pipeline.0.target', message: "the banana target has dimension 2, the run's particles have dimension 3" }]);
    expect(configError({ type: 'gaussian-mixture', preset: 'double-gaussian' }, 1).issues[0].message).toMatch(/gaussian-mixture target has dimension 2/);
  });
});
