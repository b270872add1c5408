import { type AcceleratedMethod, type AcceleratedStageSpec, MIXTURE_PRESETS, type MlpScoreDescription, createRunContext, makeParticleBatch, rangeIds } from '@scoreflow/core';
import { brownian, geometricGrid } from '@scoreflow/sdes';
import { GPU_CHAIN_METHODS, GPU_METHODS, GPU_SCORES, type DsmRows, createMlpTrainer, webgpuAccelerator } from '@scoreflow/webgpu';
import { lastValueFrom, of } from 'rxjs';

/** Sizes of the GPU figures: the issue's (10M particles, 1,000 fused steps, 100M particles, batches 4,096 and 65,536), or small ones for a test. */
export interface GpuFigureSizes {
  readonly particles: number;
  readonly steps: number;
  readonly fusedSteps: number;
  /** Particles of the "how many fit" figure (one step). */
  readonly manyParticles: number;
  readonly trainBatches: readonly number[];
  readonly trainSteps: number;
  readonly repeats: number;
}

/** The issue's sizes (`npm run bench -- gpu`). */
export const ISSUE_SIZES: GpuFigureSizes = { particles: 10_000_000, steps: 100, fusedSteps: 1000, manyParticles: 100_000_000, trainBatches: [4096, 65_536], trainSteps: 50, repeats: 3 };

/** One measured figure: a JSON line of the bench's output. */
export interface GpuFigure {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly detail?: Readonly<Record<string, number | string | boolean>>;
}

/** The PyTorch 2.11 CUDA figures of the issue, measured on an H200 (same work), and the targets. */
const TARGETS: Record<string, string> = {
  'euler-maruyama': '<= 0.077',
  'euler-maruyama fused': '<= 0.01',
  mlp: '>= 319e6',
  'train 4096': '>= 502',
  'train 65536': '>= 466',
};

/**
 * Times the GPU stages and the WGSL MLP on `device`, the way `npm run bench -- gpu` reports them:
 * every stepped method on `sizes.particles` 2-D particles of the double Gaussian (brownian SDE,
 * exact mixture score in WGSL; one dispatch per step), Euler-Maruyama fused over `fusedSteps`,
 * one step on `manyParticles`, the MLP 3x128 score and its fused DSM training step. A stage's time
 * per particle-step is the difference between a run of `steps` and one of a single step (both
 * upload once and read back once), over `steps - 1` steps: upload and read-back cancel out; each
 * stage is compiled once, in an untimed first run.
 * Browser-safe: the node bench runs it on Dawn, its test in Chromium on SwiftShader.
 */
export async function gpuFigures(device: GPUDevice, sizes: GpuFigureSizes, log: (figure: GpuFigure) => void = () => undefined): Promise<GpuFigure[]> {
  const figures: GpuFigure[] = [];
  const record = (figure: GpuFigure) => {
    figures.push(figure);
    log(figure);
  };
  const accelerator = webgpuAccelerator(async () => ({ device, adapter: { vendor: 'bench', architecture: '' } }));
  const sde = brownian({ g: 1, T: 100 });
  const mixture = MIXTURE_PRESETS['double-gaussian']();
  const stageTime = async (method: AcceleratedMethod, n: number, steps: number, fused: boolean, score = GPU_SCORES[0]) => {
    const forward = method === 'forward';
    const chain = GPU_CHAIN_METHODS.includes(method);
    const times = chain ? new Float64Array(0) : forward ? Float64Array.from({ length: steps + 1 }, (_, k) => (k / steps) * 4) : geometricGrid().times(sde, steps, 1e-3);
    // MCMC: n chains on the double Gaussian's exact density, `steps` iterations without warm-up (one leapfrog step for HMC).
    const steering = chain
      ? { target: { kind: 'mixture' as const, mixture }, chains: { steps, warmup: 0, thin: 1, includeWarmup: false, stepSize: 0.5, adapt: false, targetAcceptance: 0.5, leapfrogSteps: 1 } }
      : { sde: coefficients(times), ...(forward ? {} : { score: score === 'mlp' ? benchMlp() : { kind: 'mixture' as const, mixture } }) };
    const spec: AcceleratedStageSpec = {
      name: `bench-${method}`,
      method,
      times,
      dim: 2,
      ...steering,
      snapshotEvery: steps,
      includeInitial: false,
      seed: 0,
      fused,
      options: { noiseRemoval: true, forward: 'euler-maruyama' },
    };
    const ctx = createRunContext({ dim: 2, particles: n, batchSize: n });
    const batch = makeParticleBatch({ x: sde.prior(new Float32Array(2 * n), rangeIds(0, n), 2, ctx.rng), dim: 2, id: rangeIds(0, n), step: 0, t: times[0] ?? 0 });
    // One stage for every run: its kernel compiles on the first (untimed) run only.
    const stage = accelerator.stage(spec);
    const run = () => lastValueFrom(of(batch).pipe(stage));
    await run();
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < sizes.repeats; r++) {
      const start = performance.now();
      await run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  const coefficients = (times: Float64Array) => ({
    drift: new Float64Array(times.length),
    diffusion: Float64Array.from(times, () => 1),
    mean: Float64Array.from(times, () => 1),
    std: Float64Array.from(times, (t) => Math.sqrt(t)),
  });
  const perStep = async (method: AcceleratedMethod, n: number, steps: number, fused: boolean, score?: string) => {
    const one = await stageTime(method, n, 1, fused, score);
    const many = await stageTime(method, n, steps, fused, score);
    return { ns: (Math.max(0, many - one) * 1e6) / (n * (steps - 1)), endToEndMs: many };
  };

  for (const method of GPU_METHODS) {
    const { ns, endToEndMs } = await perStep(method, sizes.particles, sizes.steps, false);
    record({ figure: `${method}, one dispatch per step`, value: ns, unit: 'ns/particle-step', ...(TARGETS[method] ? { target: TARGETS[method] } : {}), detail: { particles: sizes.particles, steps: sizes.steps, endToEndMs } });
  }
  const fused = await perStep('euler-maruyama', sizes.particles, sizes.fusedSteps, true);
  record({ figure: `euler-maruyama, fused over ${sizes.fusedSteps} steps`, value: fused.ns, unit: 'ns/particle-step', target: TARGETS['euler-maruyama fused'], detail: { particles: sizes.particles, endToEndMs: fused.endToEndMs } });
  if (2 * 4 * sizes.manyParticles <= device.limits.maxStorageBufferBindingSize) {
    const oneStep = await perStep('euler-maruyama', sizes.manyParticles, 2, false);
    record({ figure: `euler-maruyama on ${sizes.manyParticles.toLocaleString('en')} particles, one step`, value: (oneStep.ns * sizes.manyParticles) / 1e6, unit: 'ms/step', target: '<= 8.7 (PyTorch)' });
  }
  if (GPU_SCORES.includes('mlp')) {
    const mlp = await perStep('euler-maruyama', sizes.particles, sizes.steps, false, 'mlp');
    record({ figure: 'euler-maruyama with the MLP 3x128 score', value: 1e9 / mlp.ns, unit: 'particle-steps/s', target: TARGETS.mlp, detail: { particles: sizes.particles, steps: sizes.steps } });
  }
  for (const batch of sizes.trainBatches) {
    const trainer = createMlpTrainer(device, benchMlp(), { batch, warmup: 0 });
    const rows = dsmRows(batch);
    for (let k = 0; k < 3; k++) trainer.step(rows, k);
    await trainer.loss();
    const start = performance.now();
    for (let k = 0; k < sizes.trainSteps; k++) trainer.step(rows, k);
    await trainer.loss();
    const seconds = (performance.now() - start) / 1000;
    trainer.dispose();
    record({ figure: `DSM training step, MLP 3x128, Adam, batch ${batch}`, value: sizes.trainSteps / seconds, unit: 'steps/s', ...(TARGETS[`train ${batch}`] ? { target: TARGETS[`train ${batch}`] } : {}) });
  }
  return figures;
}

/** score-nets' default MLP (3 x 128, SiLU, eps output, 16 Fourier features) with small random weights. */
export function benchMlp(): MlpScoreDescription {
  const dim = 2;
  const width = 128;
  const depth = 3;
  const embedding = 16;
  const size = (dim + embedding) * width + width + (depth - 1) * (width * width + width) + width * dim + dim;
  let state = 12345;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 0.2;
  return {
    kind: 'mlp',
    dim,
    width,
    depth,
    activation: 'silu',
    residual: false,
    output: 'eps',
    frequencies: Float32Array.from({ length: embedding / 2 }, (_, k) => 2 ** k),
    classes: 0,
    labelEmbeddingSize: 0,
    label: 0,
    weights: Float32Array.from({ length: size }, random),
  };
}

/** A DSM batch of `n` rows (double Gaussian, brownian marginals), drawn once: the bench times the device's step, not the host's draws. */
function dsmRows(n: number): DsmRows {
  const ctx = createRunContext({ dim: 2, particles: n });
  const ids = { first: 0, count: n };
  const x0 = ctx.rng.normal(new Float32Array(2 * n), ids, 2, { step: 0, stream: 1 });
  const z = ctx.rng.normal(new Float32Array(2 * n), ids, 2, { step: 0, stream: 2 });
  const t = ctx.rng.uniform(new Float32Array(n), ids, 1, { step: 0, stream: 3 });
  for (let i = 0; i < 2 * n; i++) x0[i] = (i % 4 < 2 ? -2 : 2) + 0.5 * x0[i];
  return { n, dim: 2, x0, z, t, mean: new Float32Array(n).fill(1), std: Float32Array.from(t, Math.sqrt), weight: new Float32Array(n).fill(1) };
}
