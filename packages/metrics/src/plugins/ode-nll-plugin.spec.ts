import { ConfigError, type Sde, createRegistry, createRunContext, definePlugin } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GAUSSIAN_DATA, diffusedGaussianScore, gaussianLawAt, gaussianLogDensity, linearTestSde } from '../test-support/diffused-gaussian.js';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { odeNllPlugin } from './ode-nll-plugin.js';

const { dim, mu, sigma } = GAUSSIAN_DATA;
const sde = linearTestSde(-0.5, 3, true);
/** Stand-ins for the SDE and score-model plugins of other packages (metrics imports core only). */
const testPlugins = [
  definePlugin({ kind: 'sde', name: 'ou', description: 'test OU', options: z.strictObject({}), create: (): Sde => sde }),
  definePlugin({
    kind: 'score-model',
    name: 'gaussian',
    description: 'exact diffused Gaussian score',
    options: z.strictObject({ divergence: z.boolean().default(true) }),
    create: (options, ctx) => diffusedGaussianScore(ctx.sde ?? sde, options.divergence),
  }),
];
const registry = createRegistry([odeNllPlugin, ...testPlugins]);
const scope = { run: createRunContext({ dim }), path: 'metrics.0', sde };

describe('ode-nll', () => {
  it('{ type: ode-nll, score } reports the NLL of the reference in nats and bits per dimension, with the rows and evaluations it used', async () => {
    const metric = registry.create('metric', { type: 'ode-nll', score: { type: 'gaussian' }, rtol: 1e-6, atol: 1e-6, maxSamples: 200, eps: 1e-3 }, scope);
    const reference = gaussianSample(3, 400, [...mu], sigma);
    const particles = gaussianSample(4, 10, [0, 0], 1);
    const values = await metric.measure(particles, reference, dim);
    // The exact NLL of the 200 strided rows under the data law at eps.
    const rows = Float32Array.from({ length: 400 }, (_, i) => reference[4 * Math.floor(i / 2) + (i % 2)]);
    const law = gaussianLawAt(sde, 1e-3);
    const exact = -gaussianLogDensity(rows, dim, law.centre, law.variance, new Float64Array(200)).reduce((a, b) => a + b, 0) / 200;
    expect(values.nll).toBeCloseTo(exact, 4);
    expect(values.bitsPerDim).toBeCloseTo(values.nll / (dim * Math.LN2), 12);
    expect(values.nllStandardError).toBeGreaterThan(0);
    expect(values.nllRows).toBe(200);
    expect(values.nllEvaluations).toBeGreaterThan(10);
    expect(metric.settings).toEqual(['nllRows', 'nllEvaluations']);
    // `of: particles` measures the other sample: points far from the data are less likely.
    const ofParticles = registry.create('metric', { type: 'ode-nll', score: { type: 'gaussian' }, of: 'particles' }, scope);
    expect((await ofParticles.measure(particles, reference, dim)).nll).toBeGreaterThan(values.nll + 1);
  });

  it('rejects a score model without a divergence and a run without an SDE, naming the option', () => {
    const without = () => registry.create('metric', { type: 'ode-nll', score: { type: 'gaussian', divergence: false } }, scope);
    expect(without).toThrow(ConfigError);
    expect(without).toThrow(/metrics\.0\.score: score model 'gaussian' offers no divergence/);
    const noSde = () => registry.create('metric', { type: 'ode-nll', score: { type: 'gaussian' } }, { ...scope, sde: undefined });
    expect(noSde).toThrow(/metrics\.0\.sde: the ode-nll metric \(or its own `sde` option\) needs an SDE/);
    expect(() => registry.create('metric', { type: 'ode-nll', score: { type: 'gaussian' }, sde: { type: 'ou' } }, { ...scope, sde: undefined })).not.toThrow();
    expect(() => registry.parse('metric', { type: 'ode-nll', score: { type: 'gaussian' }, divergence: 'random' }, 'metrics.1')).toThrow(/metrics\.1\.divergence/);
  });
});
