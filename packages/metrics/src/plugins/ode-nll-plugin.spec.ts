import { ConfigError, type DataSource, type Sde, createRegistry, createRunContext, definePlugin, gaussianMixture } from '@scoreflow/core';
import { EMPTY } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GAUSSIAN_DATA, diffusedGaussianScore, gaussianLawAt, gaussianLogDensity, linearTestSde } from '../test-support/diffused-gaussian.js';
import { GAUSSIAN_FLOW, gaussianFlow, gaussianFlowTargetLogDensity } from '../test-support/gaussian-flow.js';
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
  definePlugin({
    kind: 'velocity-model',
    name: 'gaussian-flow',
    description: 'exact straight flow N(0, I) -> N(mu, s^2 I)',
    options: z.strictObject({ divergence: z.boolean().default(true) }),
    create: (options) => gaussianFlow(options.divergence),
  }),
  definePlugin({
    kind: 'data-source',
    name: 'normal',
    description: 'N(0, I), described as a mixture',
    options: z.strictObject({ known: z.boolean().default(true) }),
    create: (options): DataSource => ({
      name: options.known ? 'normal' : 'points',
      dim,
      sample: () => EMPTY,
      ...(options.known && { describe: () => ({ kind: 'mixture' as const, mixture: gaussianMixture({ means: [[0, 0]], std: 1 }) }) }),
    }),
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

  it('{ type: ode-nll, velocity } reports the NLL of the reference at t = 1 of a flow from N(0, I), or from its `source`', async () => {
    const reference = gaussianSample(5, 300, [...GAUSSIAN_FLOW.mu], GAUSSIAN_FLOW.s);
    const exact = -Array.from({ length: 300 }, (_, i) => gaussianFlowTargetLogDensity(reference, i)).reduce((a, b) => a + b, 0) / 300;
    for (const source of [undefined, { type: 'normal' }]) {
      const metric = registry.create('metric', { type: 'ode-nll', velocity: { type: 'gaussian-flow' }, ...(source && { source }), rtol: 1e-6, atol: 1e-6 }, { ...scope, sde: undefined });
      const values = await metric.measure(new Float32Array(2), reference, dim);
      expect(values.nll).toBeCloseTo(exact, 4);
      expect(values.bitsPerDim).toBeCloseTo(values.nll / (dim * Math.LN2), 12);
      expect(values.nllRows).toBe(300);
      expect(values.nllEvaluations).toBeGreaterThan(10);
    }
  });

  it('names the field and the allowed values when the model is missing, doubled or of the wrong kind', () => {
    const make = (config: Record<string, unknown>) => () => registry.create('metric', { type: 'ode-nll', ...config }, scope);
    expect(make({})).toThrow(/metrics\.0\.score: give exactly one model: score \(a score model, through the probability-flow ODE\) or velocity \(a flow's velocity model, through the flow's ODE\); got neither/);
    expect(make({ score: { type: 'gaussian' }, velocity: { type: 'gaussian-flow' } })).toThrow(/metrics\.0\.score: give exactly one model: .*; got both/);
    expect(make({ velocity: { type: 'gaussian-flow' }, sde: { type: 'ou' } })).toThrow(/metrics\.0\.sde: applies with score only/);
    expect(make({ velocity: { type: 'gaussian-flow' }, eps: 0.001 })).toThrow(/metrics\.0\.eps: applies with score only/);
    expect(make({ score: { type: 'gaussian' }, source: { type: 'normal' } })).toThrow(/metrics\.0\.source: applies with velocity only/);
    // A score model as the velocity, and a velocity model as the score.
    expect(make({ velocity: { type: 'gaussian' } })).toThrow(/metrics\.0\.velocity\.type: unknown velocity-model 'gaussian'\. Available velocity-model plugins: 'gaussian-flow'/);
    expect(make({ score: { type: 'gaussian-flow' } })).toThrow(
      /metrics\.0\.score\.type: unknown score-model 'gaussian-flow'\. Available score-model plugins: 'gaussian'\. 'gaussian-flow' is a velocity-model plugin, not a score-model/,
    );
    expect(make({ score: { type: 'nothing' } })).toThrow(/metrics\.0\.score\.type: unknown score-model 'nothing'/);
    expect(make({ velocity: { type: 'gaussian-flow', divergence: false } })).toThrow(/metrics\.0\.velocity: velocity model 'gaussian-flow' offers no divergence, which the likelihood needs; mixture-flow and network do/);
    expect(make({ velocity: { type: 'gaussian-flow' }, source: { type: 'normal', known: false } })).toThrow(/metrics\.0\.source: data source 'points' gives only samples, and the flow's likelihood needs the source's density at t = 0/);
  });
});
