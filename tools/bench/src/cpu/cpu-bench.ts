import { spawnSync } from 'node:child_process';
import { MIXTURE_PRESETS, type MixturePreset, type ParticleBatch, createRng, createRunContext, positionsOf, rangeIds } from '@scoreflow/core';
import { priorSource } from '@scoreflow/data-sources';
import { type CpuEngine, type ReverseEngine, eulerMaruyama, heun, hmc, mala, odeEuler, randomWalkMetropolis } from '@scoreflow/samplers';
import { mixtureScore, mixtureTarget } from '@scoreflow/score-models';
import { lastValueFrom, toArray } from 'rxjs';
import type { BenchResult, BenchValue } from '../measure.js';
import { type ShardEngine, cpuProblem, runShard, shardKernels } from './shard.js';
import { shardPool } from './shard-pool.js';
import { type Timing, best } from './best-of.js';
import { networkSamplingRows } from './network-bench.js';
import { networkTrainingRows } from './training-bench.js';
import { python } from './python.js';

const particles = 1_000_000;
const steps = 20;
const seed = 0;

/** The figures of issue 19 (another 2-core Xeon, Node 20, one sitting), in ns per particle-step (network sampling in particle-steps/s): used where PyTorch is not installed. */
export const ISSUE_FIGURES = { torch1: 26, torch2: 21.5, numpy: 26, cFastMath: 3.6, torchSampling: 520_000, torchTraining: 41.5 } as const;

/** The CPU stages with a fused WebAssembly kernel that the bench times. */
type KernelStage = 'euler-maruyama' | 'ode-euler' | 'heun';

/** The stage `sampler` on `engine`, from the prior, batches of 65,536 (the double Gaussian, or `preset`): its wall time and its last positions (concatenated). */
async function stage(engine: ReverseEngine, sampler: KernelStage = 'euler-maruyama', preset?: MixturePreset): Promise<{ ms: Timing; x: Float32Array }> {
  const problem = cpuProblem(steps);
  const { sde, times } = problem;
  const mixture = preset === undefined ? problem.mixture : MIXTURE_PRESETS[preset]();
  const options = { sde, score: mixtureScore(mixture, sde), times, snapshotEvery: steps, includeInitial: false, engine };
  const make = { 'euler-maruyama': eulerMaruyama, 'ode-euler': odeEuler, heun }[sampler];
  const ctx = createRunContext({ name: 'bench', seed, dim: 2, particles, batchSize: 65_536 });
  let out: ParticleBatch[] = [];
  const run = async () => {
    out = await lastValueFrom(
      priorSource(sde, 2)
        .sample(ctx)
        .pipe(make({ ...options, rng: ctx.rng }), toArray()),
    );
  };
  const ms = await best(() => undefined, run);
  const x = new Float32Array(particles * 2);
  let at = 0;
  for (const batch of out) {
    x.set(positionsOf(batch), at);
    at += positionsOf(batch).length;
  }
  return { ms, x };
}


/** The MCMC samplers with a WebAssembly kernel that the bench times. */
type McmcMethod = 'random-walk-metropolis' | 'mala' | 'hmc';
const mcmcChains = 100_000;
const mcmcIterations = 50;

/** `method` on `engine`: 100,000 chains on the double Gaussian from the prior, 10 warm-up and 40 iterations, batches of 65,536: its time and final positions. */
async function mcmc(engine: CpuEngine, method: McmcMethod): Promise<{ ms: Timing; x: Float32Array }> {
  const { sde, mixture } = cpuProblem(steps);
  const ctx = createRunContext({ name: 'bench', seed, dim: 2, particles: mcmcChains, batchSize: 65_536 });
  const make = { 'random-walk-metropolis': randomWalkMetropolis, mala, hmc }[method];
  let out: ParticleBatch[] = [];
  const ms = await best(() => undefined, async () => {
    out = await lastValueFrom(
      priorSource(sde, 2)
        .sample(ctx)
        .pipe(make({ target: mixtureTarget(mixture), rng: ctx.rng, warmup: 10, steps: mcmcIterations - 10, thin: mcmcIterations - 10, engine }), toArray()),
    );
  });
  return { ms, x: new Float32Array(out.flatMap((batch) => Array.from(positionsOf(batch)))) };
}

/** ns per particle-step of the PyTorch and numpy reference (`em_step_reference.py`), or undefined where Python or numpy is missing. */
function reference(): Record<string, number | string> | undefined {
  const script = new URL('./em_step_reference.py', import.meta.url).pathname;
  const child = spawnSync(python(), [script, String(particles), String(steps)], { encoding: 'utf8', timeout: 600_000 });
  if (child.status !== 0) {
    process.stderr.write(`cpu bench: the Python reference did not run (${child.error?.message ?? child.stderr.trim().split('\n').at(-1)})\n`);
    return undefined;
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number | string>;
}

const same = (a: Float32Array, b: Float32Array) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

/**
 * `npm run bench -- cpu`: the reverse Euler-Maruyama step with the exact double-Gaussian score on
 * 1,000,000 2-D particles, 20 steps, measured in one run: the `euler-maruyama` stage on TypeScript,
 * on the WebAssembly SIMD kernel (`engine: wasm`) and on the float32 kernel (`engine: wasm-f32`),
 * each kernel alone on one core (main thread) and on two worker threads over a SharedArrayBuffer, and PyTorch / numpy doing the same step
 * (`em_step_reference.py`) where python3 has them; else the issue's figures. It checks that every
 * engine and split gives the same bytes. Then sampling with the MLP score network on TF.js, on
 * score-nets' WebAssembly SIMD kernels and in PyTorch (`networkSamplingRows`), and training it
 * (`networkTrainingRows`). Ratios are the figures to quote: the machine is shared.
 */
export async function cpuBench(): Promise<BenchResult> {
  const ns = (ms: number) => (ms * 1e6) / (particles * steps);
  const typescript = await stage('typescript');
  const wasm = await stage('wasm');
  if (!same(typescript.x, wasm.x)) throw new Error('cpu bench: engine wasm and engine typescript gave different positions.');

  const f32 = await stage('wasm-f32');
  const kernels = shardKernels();
  const { sde } = cpuProblem(steps);
  const x0 = sde.prior(new Float32Array(particles * 2), rangeIds(0, particles), 2, createRng(seed));
  const one = new Float32Array(particles * 2);
  const two = new Float32Array(new SharedArrayBuffer(particles * 8));
  const pool = shardPool(2);
  // Each kernel alone on one core (main thread) and on two workers: the same bytes, checked.
  const onCores = async (engine: ShardEngine) => {
    const oneCore = await best(() => one.set(x0), () => runShard(kernels, { x: one, first: 0, seed, steps }, engine));
    const twoCores = await best(() => two.set(x0), () => pool.run(two, seed, steps, engine), 'workers');
    if (!same(one, two)) throw new Error(`cpu bench: engine ${engine} on two workers gave other positions than on one core.`);
    return { one: oneCore, two: twoCores };
  };
  let wasmCores: { one: Timing; two: Timing };
  let f32Cores: { one: Timing; two: Timing };
  try {
    wasmCores = await onCores('wasm');
    f32Cores = await onCores('wasm-f32');
    if (!same(one, f32.x)) throw new Error('cpu bench: the float32 kernel alone gave other positions than the stage on engine wasm-f32.');
  } finally {
    await pool.close();
  }
  const oneMs = wasmCores.one;

  const ref = reference();
  const figure = (name: string): number | undefined => (typeof ref?.[name] === 'number' ? (ref[name] as number) : undefined);
  const torch1 = figure('torch_1_cpu');
  const torch2 = figure('torch_2_cpu');
  const numpy = figure('numpy_1_cpu');
  const measured = torch1 !== undefined ? `PyTorch ${ref?.torch} measured in this run` : `PyTorch not installed: the issue's figures (${ISSUE_FIGURES.torch1} and ${ISSUE_FIGURES.torch2} ns, another machine)`;
  const both = (name: string, t: Timing, target?: string): BenchValue[] => [
    { name: `${name}: CPU time of the busiest thread`, value: ns(t.cpu), unit: 'ns/particle-step', ...(target === undefined ? {} : { target }) },
    { name: `${name}: wall time`, value: ns(t.wall), unit: 'ns/particle-step' },
  ];
  const t1 = torch1 ?? ISSUE_FIGURES.torch1;
  const t2 = torch2 ?? ISSUE_FIGURES.torch2;
  // A kernel's rows: alone on one core and on two workers, the two-core scaling, and PyTorch over it.
  const kernelRows = (engine: ShardEngine, cores: { one: Timing; two: Timing }): BenchValue[] => [
    ...both(`${engine} kernel alone, one core`, cores.one, '<= 4'),
    ...both(`${engine} kernel, two worker threads (shared memory)`, cores.two),
    { name: `${engine} two-core scaling: one core CPU / busiest worker CPU`, value: cores.one.cpu / cores.two.cpu, unit: 'x', target: 'near 2' },
    { name: `${engine} two-core scaling: one core wall / two workers wall`, value: cores.one.wall / cores.two.wall, unit: 'x', target: 'near 2' },
    { name: `ratio: PyTorch 1 thread / ${engine} kernel one core (CPU time)`, value: t1 / ns(cores.one.cpu), unit: 'x', target: '>= 1' },
    { name: `ratio: PyTorch 2 threads / ${engine} kernel two workers (CPU time of the busiest thread)`, value: t2 / ns(cores.two.cpu), unit: 'x', target: '>= 1' },
  ];
  const values: BenchValue[] = [
    ...both('stage, engine typescript, one core', typescript.ms),
    ...both('stage, engine wasm, one core', wasm.ms),
    { name: 'stage speed-up, wasm over typescript (same bytes), CPU time', value: typescript.ms.cpu / wasm.ms.cpu, unit: 'x' },
    ...kernelRows('wasm', wasmCores),
    { name: `PyTorch, 1 thread, CPU time (${measured})`, value: t1, unit: 'ns/particle-step' },
    { name: 'PyTorch, 2 threads, CPU time of the busiest thread', value: t2, unit: 'ns/particle-step' },
    { name: 'ratio: PyTorch 1 thread / wasm stage one core (CPU time)', value: t1 / ns(wasm.ms.cpu), unit: 'x' },
    { name: 'ratio: PyTorch 1 thread / typescript stage one core (CPU time)', value: t1 / ns(typescript.ms.cpu), unit: 'x' },
    ...both('stage, engine wasm-f32 (float32 kernel, its own normals), one core', f32.ms),
    { name: 'stage speed-up, wasm-f32 over wasm, CPU time', value: wasm.ms.cpu / f32.ms.cpu, unit: 'x' },
    ...kernelRows('wasm-f32', f32Cores),
  ];
  if (torch1 !== undefined) {
    values.push({ name: `ratio: the issue's PyTorch 1 thread (${ISSUE_FIGURES.torch1} ns, another machine) / wasm kernel one core (CPU time)`, value: ISSUE_FIGURES.torch1 / ns(oneMs.cpu), unit: 'x' });
  }
  if (numpy !== undefined) {
    values.push({ name: `numpy ${ref?.numpy}, one core, CPU time`, value: numpy, unit: 'ns/particle-step' });
    values.push({ name: 'ratio: numpy / wasm kernel one core (CPU time)', value: numpy / ns(oneMs.cpu), unit: 'x' });
  }
  // The ODE stages: the probability-flow Euler step (1 NFE) and Heun's step (2 NFE, sigma space), same bytes on both engines.
  for (const sampler of ['ode-euler', 'heun'] as const) {
    const [onTypescript, onWasm] = [await stage('typescript', sampler), await stage('wasm', sampler)];
    if (!same(onTypescript.x, onWasm.x)) throw new Error(`cpu bench: ${sampler} on engine wasm and engine typescript gave different positions.`);
    values.push(...both(`${sampler} stage, engine typescript, one core`, onTypescript.ms), ...both(`${sampler} stage, engine wasm, one core`, onWasm.ms));
    values.push({ name: `${sampler} stage speed-up, wasm over typescript (same bytes), CPU time`, value: onTypescript.ms.cpu / onWasm.ms.cpu, unit: 'x' });
    const onF32 = await stage('wasm-f32', sampler);
    values.push(...both(`${sampler} stage, engine wasm-f32, one core`, onF32.ms));
    values.push({ name: `${sampler} stage speed-up, wasm-f32 over wasm, CPU time`, value: onWasm.ms.cpu / onF32.ms.cpu, unit: 'x' });
  }
  // Eight components: the kernel's generic score (core's writeGradLogDensityGeneric), same bytes on both engines.
  {
    const [onTypescript, onWasm] = [await stage('typescript', 'euler-maruyama', 'eight-gaussians'), await stage('wasm', 'euler-maruyama', 'eight-gaussians')];
    if (!same(onTypescript.x, onWasm.x)) throw new Error('cpu bench: euler-maruyama on eight Gaussians on engine wasm and engine typescript gave different positions.');
    values.push(...both('euler-maruyama stage on eight Gaussians, engine typescript, one core', onTypescript.ms), ...both('euler-maruyama stage on eight Gaussians, engine wasm, one core', onWasm.ms));
    values.push({ name: 'euler-maruyama stage on eight Gaussians speed-up, wasm over typescript (same bytes), CPU time', value: onTypescript.ms.cpu / onWasm.ms.cpu, unit: 'x' });
    const onF32 = await stage('wasm-f32', 'euler-maruyama', 'eight-gaussians');
    values.push(...both('euler-maruyama stage on eight Gaussians, engine wasm-f32, one core', onF32.ms));
    values.push({ name: 'euler-maruyama stage on eight Gaussians speed-up, wasm-f32 over wasm, CPU time', value: onWasm.ms.cpu / onF32.ms.cpu, unit: 'x' });
  }
  // The MCMC transitions (HMC with its default 10 leapfrog steps), same bytes on both engines.
  const perChain = (ms: number) => (ms * 1e6) / (mcmcChains * mcmcIterations);
  for (const method of ['random-walk-metropolis', 'mala', 'hmc'] as const) {
    const [onTypescript, onWasm] = [await mcmc('typescript', method), await mcmc('wasm', method)];
    if (!same(onTypescript.x, onWasm.x)) throw new Error(`cpu bench: ${method} on engine wasm and engine typescript gave different chains.`);
    for (const [engine, timing] of [['typescript', onTypescript.ms], ['wasm', onWasm.ms]] as const) {
      values.push({ name: `${method} stage, engine ${engine}, one core: CPU time of the busiest thread`, value: perChain(timing.cpu), unit: 'ns/chain-iteration' });
      values.push({ name: `${method} stage, engine ${engine}, one core: wall time`, value: perChain(timing.wall), unit: 'ns/chain-iteration' });
    }
    values.push({ name: `${method} stage speed-up, wasm over typescript (same bytes), CPU time`, value: onTypescript.ms.cpu / onWasm.ms.cpu, unit: 'x' });
  }
  for (const [engine, cores] of [['wasm', wasmCores], ['wasm-f32', f32Cores]] as const) {
    values.push({ name: `ratio: the issue's C -O3 -ffast-math (${ISSUE_FIGURES.cFastMath} ns, another machine) / ${engine} kernel one core (CPU time)`, value: ISSUE_FIGURES.cFastMath / ns(cores.one.cpu), unit: 'x' });
  }
  const network = await networkSamplingRows();
  values.push(...network);
  const wasmNetwork = network.find((value) => value.name === 'network sampling, wasm kernels (engine: wasm), main + 1 worker: CPU time of the busiest thread')?.value;
  if (wasmNetwork !== undefined) {
    values.push({ name: `ratio: wasm kernels main + 1 worker / the issue's PyTorch sampling (${ISSUE_FIGURES.torchSampling} particle-steps/s, another machine)`, value: wasmNetwork / ISSUE_FIGURES.torchSampling, unit: 'x' });
  }
  const training = await networkTrainingRows();
  values.push(...training);
  const wasmTraining = training.find((value) => value.name === 'DSM training, wasm kernels, main + 1 worker: CPU time of the busiest thread')?.value;
  if (wasmTraining !== undefined) {
    values.push({ name: `ratio: wasm kernels main + 1 worker / the issue's PyTorch training (${ISSUE_FIGURES.torchTraining} steps/s, OpenBLAS, 2 threads, another machine)`, value: wasmTraining / ISSUE_FIGURES.torchTraining, unit: 'x' });
  }
  return {
    bench: 'CPU: reverse Euler-Maruyama step, network sampling and DSM training, TypeScript vs WebAssembly SIMD vs TF.js vs PyTorch',
    description: `exact step: ${particles.toLocaleString('en')} 2-D particles, ${steps} steps, exact double-Gaussian score; network sampling: the MLP 3x128 SiLU on 10,000 particles, 20 steps; DSM training: that network, batches of 4,096, Adam, 10 steps; all in one run on a machine shared with other work: quote the ratios of CPU times (per-thread, from /proc), not the absolute or wall figures; ${measured}`,
    values,
  };
}
