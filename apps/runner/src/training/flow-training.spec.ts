import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { ConfigError } from '@scoreflow/core';
import { readParticleTable } from '@scoreflow/core/node';
import { configErrorOf } from '@scoreflow/core/testing';
import { describe, expect, it } from 'vitest';
import { runCommand, validateCommand } from '../cli/commands.js';
import { trainCommand } from '../cli/train-command.js';
import { trainConfigSchema } from '../config/train-config.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { buildTraining } from './build-training.js';

/** torchcfm's source, the eight Gaussians of `sample_8gaussians` (radius 5, std 0.1^(1/4)). */
const eightGaussians = {
  type: 'gaussian-mixture',
  means: [[5, 0], [-5, 0], [0, 5], [0, -5], [3.5355339, 3.5355339], [3.5355339, -3.5355339], [-3.5355339, 3.5355339], [-3.5355339, -3.5355339]],
  std: 0.5623413,
};

/** A flow training small enough for a test: 20 OT-CFM steps of a 2x16 SELU velocity network, eight Gaussians -> moons. */
const tiny = {
  name: 'tiny-flow',
  seed: 1,
  backend: 'wasm',
  data: { type: 'two-moons', noise: 0.2, shift: [-1 / 3, -1 / 3], scale: 3 },
  network: { width: 16, depth: 2, activation: 'selu', output: 'velocity' },
  training: { objective: 'otcfm', sigma: 0.1, source: eightGaussians, steps: 20, batchSize: 64, poolSize: 512, warmup: 2, learningRate: 0.01, checkpointEvery: 10 },
};

const userMetadata = (out: string) => JSON.parse(readFileSync(join(out, 'checkpoint', 'model.json'), 'utf8')) as { modelTopology: { options: Record<string, unknown> }; userDefinedMetadata: { metadata: Record<string, unknown> } };

/** A run config that integrates `checkpoint` with 10 flow-euler steps from the eight Gaussians. */
const sampleConfig = (checkpoint: string) => ({
  name: 'tiny-flow-sample',
  particles: 200,
  source: eightGaussians,
  pipeline: [{ type: 'flow-euler', velocity: { type: 'network', checkpoint, backend: 'wasm' }, steps: 10, snapshotEvery: 10 }],
  reference: tiny.data,
  metrics: [{ type: 'sliced-wasserstein' }],
  measure: { particles: 200, referenceParticles: 200 },
});

describe('scoreflow train with a flow objective', () => {
  it('trains a velocity network (OT-CFM), records the objective in the checkpoint, and flow-euler samples with it', { timeout: 120_000 }, async () => {
    const { dir, file, out } = configWorkspace(tiny);
    const { lines, io } = quietIo();
    expect(await trainCommand(file, { out }, io)).toBe(0);
    const { modelTopology, userDefinedMetadata } = userMetadata(out);
    expect(modelTopology.options).toMatchObject({ dim: 2, output: 'velocity', activation: 'selu' });
    expect(userDefinedMetadata.metadata).toMatchObject({ objective: 'otcfm', config: { training: { objective: 'otcfm', sigma: 0.1 } } });
    expect(userDefinedMetadata.metadata.sde).toBeUndefined();
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({ status: 'completed', steps: 20, workers: 0, scoreError: null });
    expect(Number.isFinite(metrics.loss)).toBe(true);
    expect(lines.join('\n')).toMatch(/tiny-flow: completed, 20\/20 steps on wasm, loss \(EMA\) [\d.]+/);

    const run = configWorkspace(sampleConfig(join(out, 'checkpoint')));
    const runOut = join(run.dir, 'out');
    expect(await runCommand(run.file, { out: runOut }, quietIo().io)).toBe(0);
    expect(readParticleTable(join(runOut, 'trajectories.arrow')).numRows).toBe(200 * 2);

    // The ode-nll metric measures the trained flow's NLL of the moons (its ODE from t = 1 back to the eight Gaussians).
    const velocity = { type: 'network', checkpoint: join(out, 'checkpoint'), backend: 'wasm' };
    const nll = configWorkspace({ ...sampleConfig(join(out, 'checkpoint')), name: 'tiny-flow-nll', metrics: [{ type: 'ode-nll', velocity, source: eightGaussians, maxSamples: 50, rtol: 1e-4, atol: 1e-4 }] });
    const nllOut = join(nll.dir, 'out');
    expect(await runCommand(nll.file, { out: nllOut }, quietIo().io)).toBe(0);
    const measured = JSON.parse(readFileSync(join(nllOut, 'metrics.json'), 'utf8')).snapshots.at(-1);
    expect(Number.isFinite(measured.values.nll)).toBe(true);
    expect(measured.values.bitsPerDim).toBeCloseTo(measured.values.nll / (2 * Math.LN2), 10);
    expect(measured.settings).toMatchObject({ nllRows: 50 });
    // A score model's metric refuses the velocity checkpoint at its field.
    const nllAsScore = configWorkspace({ ...sampleConfig(join(out, 'checkpoint')), name: 'tiny-flow-nll-as-score', sde: { type: 'vp' }, metrics: [{ type: 'ode-nll', score: velocity }] });
    expect(configErrorOf(() => validateCommand(nllAsScore.file, {}, quietIo().io)).issues).toEqual([
      { path: 'metrics.0.score.checkpoint', message: expect.stringMatching(/^holds a velocity network \(trained by training\.objective otcfm\), not a score network/) },
    ]);

    // The score model `network` refuses the velocity checkpoint, naming the field and the objective.
    const asScore = configWorkspace({
      name: 'velocity-as-score',
      particles: 100,
      sde: { type: 'vp' },
      source: { type: 'prior' },
      pipeline: [{ type: 'euler-maruyama', score: { type: 'network', checkpoint: join(out, 'checkpoint') }, steps: 5 }],
    });
    const refusal = configErrorOf(() => validateCommand(asScore.file, {}, quietIo().io));
    expect(refusal.issues).toEqual([
      { path: 'pipeline.0.score.checkpoint', message: expect.stringMatching(/^holds a velocity network \(trained by training\.objective otcfm\), not a score network/) },
    ]);

    // Reflow learns the pairs (x0, ODE(x0)) of the trained flow, its teacher.
    const reflow = configWorkspace({
      ...tiny,
      name: 'tiny-reflow',
      training: { ...tiny.training, objective: 'reflow', sigma: 0, teacher: { type: 'network', checkpoint: join(out, 'checkpoint'), backend: 'wasm' }, teacherSteps: 10, steps: 10 },
    });
    const reflowOut = join(dir, 'reflow');
    expect(await trainCommand(reflow.file, { out: reflowOut }, quietIo().io)).toBe(0);
    expect(userMetadata(reflowOut).userDefinedMetadata.metadata).toMatchObject({ objective: 'reflow', config: { training: { teacher: { type: 'network', weights: 'ema' }, teacherSteps: 10 } } });
  });

  it('--resume of a flow training (AdamW: training.weightDecay) gives the weights of a straight run, bit for bit; the decay reaches the optimiser', { timeout: 120_000 }, async () => {
    const { dir, file } = configWorkspace({ ...tiny, training: { ...tiny.training, objective: 'sbcfm', sigma: 1, weightDecay: 0.5 } });
    const [straight, resumed, plain] = [join(dir, 'straight'), join(dir, 'resumed'), join(dir, 'plain')];
    const { io } = quietIo();
    expect(await trainCommand(file, { out: straight }, io)).toBe(0);
    expect(await trainCommand(file, { out: resumed, set: ['training.steps=10'] }, io)).toBe(0);
    expect(await trainCommand(file, { out: resumed, resume: true }, io)).toBe(0);
    expect(await trainCommand(file, { out: plain, set: ['training.weightDecay=0'] }, io)).toBe(0);
    const weights = (out: string) => readFileSync(join(out, 'checkpoint', 'weights.bin'));
    expect(weights(resumed).equals(weights(straight))).toBe(true);
    expect(weights(plain).equals(weights(straight))).toBe(false);
    expect(userMetadata(straight).userDefinedMetadata.metadata).toMatchObject({ config: { training: { weightDecay: 0.5 } } });
    expect(trainConfigSchema.safeParse({ ...tiny, training: { ...tiny.training, weightDecay: -1 } }).error?.issues[0]?.path).toEqual(['training', 'weightDecay']);
  });
});

describe('buildTraining(config, registry): flow objectives', () => {
  const registry = createBrowserRegistry();
  const plan = (overrides: { sde?: object; network?: object; training?: object }) =>
    buildTraining(
      trainConfigSchema.parse({
        name: 'flow',
        data: { type: 'two-moons' },
        ...(overrides.sde && { sde: overrides.sde }),
        network: { width: 8, depth: 1, output: 'velocity', ...overrides.network },
        training: { objective: 'icfm', steps: 1, ...overrides.training },
      }),
      registry,
    );

  it('builds the plan: objective, sigma, source, and no exact score', () => {
    const built = plan({ training: { objective: 'sbcfm', sigma: 0.5, reg: 0.2, source: eightGaussians } });
    expect(built.flow).toMatchObject({ objective: 'sbcfm', sigma: 0.5, reg: 0.2, teacherSteps: 100, source: { dim: 2 } });
    expect(built.network).toMatchObject({ dim: 2, output: 'velocity' });
    expect(built.exactScore).toBeUndefined();
    expect(plan({}).flow).toEqual({ objective: 'icfm', sigma: 0, teacherSteps: 100 });
  });

  it('names every field that does not fit the objective', () => {
    const issues = (overrides: Parameters<typeof plan>[0]) => configErrorOf(() => plan(overrides)).issues.map((issue) => issue.path);
    expect(issues({ sde: { type: 'vp' }, network: { output: 'eps', classes: 2 } })).toEqual(['sde', 'network.output', 'network.classes']);
    expect(issues({ training: { objective: 'fm', source: eightGaussians, reg: 1, teacherSteps: 5 } })).toEqual(['training.reg', 'training.source', 'training.teacherSteps']);
    expect(issues({ training: { objective: 'reflow' } })).toEqual(['training.teacher']);
    expect(issues({ training: { objective: 'sbcfm' } })).toEqual(['training.sigma']);
    expect(issues({ training: { source: { type: 'gaussian', dim: 3 } } })).toEqual(['training.source']);
    expect(issues({ training: { source: { type: 'nowhere' } } })).toEqual(['training.source.type']);
    expect(configErrorOf(() => plan({ training: { objective: 'sbcfm' } })).issues[0]?.message).toMatch(/must be > 0 for sbcfm/);
  });

  it('refuses flow options and a velocity output for dsm, and dsm without an SDE', () => {
    const dsm = (config: object) => () => buildTraining(trainConfigSchema.parse({ name: 'dsm', data: { type: 'two-moons' }, training: { steps: 1 }, ...config }), registry);
    expect(configErrorOf(dsm({})).issues).toEqual([{ path: 'sde', message: 'is required for training.objective dsm: the forward SDE, e.g. { type: vp }' }]);
    expect(configErrorOf(dsm({ sde: { type: 'vp' }, network: { output: 'velocity' }, training: { steps: 1, sigma: 0.1 } })).issues.map((issue) => issue.path)).toEqual(['network.output', 'training.sigma']);
    expect(dsm({ sde: { type: 'vp' } })).not.toThrow(ConfigError);
  });
});
