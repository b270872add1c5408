import { type Trainer, mlpScoreNetwork, selectBackend } from '@scoreflow/score-nets';
import { createParallelTrainer } from '@scoreflow/score-nets/node';
import { createTrainer, createWasmTrainer, mlpKernelsVariant } from '@scoreflow/score-nets';
import { vp } from '@scoreflow/sdes';
import type { BenchValue } from '../measure.js';
import { type Timing, best } from './best-of.js';
import { blasOf, reference } from './network-bench.js';

const batch = 4096;
const steps = 10;

/**
 * The cpu case's training rows: DSM steps of the MLP 3x128 SiLU eps network with Adam (clipping
 * 1, the trainer's defaults), batches of 4,096 rows of fixed data, under the VP SDE: TF.js's
 * autodiff (`createTrainer`, `createParallelTrainer`) against the WebAssembly SIMD kernels
 * (`createWasmTrainer`, `createParallelTrainer` with `engine: 'wasm'`), one thread and main + 1
 * worker, and PyTorch training the same network (`network_reference.py train`). Steps per second
 * from the CPU time of the busiest thread, ratios within this run.
 */
export async function networkTrainingRows(): Promise<BenchValue[]> {
  await selectBackend('wasm');
  const sde = vp();
  const x0 = Float32Array.from({ length: 2 * batch }, (_, i) => 2 * Math.sin(1.7 * i));
  const variants: [string, 'main' | 'busiest', (network: ReturnType<typeof mlpScoreNetwork>) => Promise<Trainer>][] = [
    ['TF.js wasm backend, one thread', 'main', async (network) => createTrainer(network, sde)],
    ['TF.js wasm backend, main + 1 worker', 'busiest', (network) => createParallelTrainer(network, sde, { workers: 1, backend: 'wasm' })],
    ['wasm kernels, one thread', 'main', async (network) => createWasmTrainer(network, sde)],
    ['wasm kernels, main + 1 worker', 'busiest', (network) => createParallelTrainer(network, sde, { workers: 1, engine: 'wasm' })],
    // What the fused multiply-adds of the relaxed-simd build (the rows above, where it runs) are worth here.
    ['wasm kernels, plain SIMD build (no fused multiply-add), one thread', 'main', async (network) => createWasmTrainer(network, sde, { kernels: 'simd' })],
  ];
  const rate = (ms: number) => (steps * 1000) / ms;
  const values: BenchValue[] = [];
  const timings: Timing[] = [];
  for (const [name, threads, make] of variants) {
    const network = mlpScoreNetwork({ dim: 2 });
    const trainer = await make(network);
    try {
      const timing = await best(() => undefined, async () => {
        for (let i = 0; i < steps; i++) await trainer.step(x0);
      }, threads, 2);
      timings.push(timing);
      values.push({ name: `DSM training, ${name}: CPU time of the busiest thread`, value: rate(timing.cpu), unit: 'steps/s' });
      values.push({ name: `DSM training, ${name}: wall time`, value: rate(timing.wall), unit: 'steps/s' });
    } finally {
      trainer.dispose();
      network.dispose();
    }
  }
  const [tf1, tf2, wasm1, wasm2, plain1] = timings as [Timing, Timing, Timing, Timing, Timing];
  values.push({ name: `wasm kernels' build: ${mlpKernelsVariant()}`, value: mlpKernelsVariant() === 'relaxed-simd' ? 1 : 0, unit: '1 = relaxed-simd' });
  values.push({ name: 'ratio: wasm kernels, relaxed-simd build / plain SIMD build, one thread (CPU time)', value: plain1.cpu / wasm1.cpu, unit: 'x' });
  values.push({ name: 'ratio: wasm kernels / TF.js wasm training, one thread (CPU time)', value: tf1.cpu / wasm1.cpu, unit: 'x' });
  values.push({ name: 'ratio: wasm kernels / TF.js wasm training, main + 1 worker (busiest thread CPU time)', value: tf2.cpu / wasm2.cpu, unit: 'x' });
  const openblas = process.env.SCOREFLOW_OPENBLAS;
  for (const [label, folder] of [['Debian default BLAS', undefined], ...(openblas === undefined ? [] : [['OpenBLAS', openblas] as const])] as const) {
    const [one, two] = [reference(1, folder, { rows: batch, steps, train: true }), reference(2, folder, { rows: batch, steps, train: true })];
    if (one === undefined || two === undefined) continue;
    const which = `PyTorch ${one.torch}, ${label} (${blasOf(one)})`;
    const [torch1, torch2] = [one.torch_1_cpu as number, two.torch_2_cpu as number];
    values.push({ name: `DSM training, ${which}, 1 thread: CPU time`, value: torch1, unit: 'steps/s' });
    values.push({ name: `DSM training, ${which}, 2 threads: CPU time of the busiest thread`, value: torch2, unit: 'steps/s' });
    values.push({ name: `DSM training, ${which}, 1 and 2 threads: wall time`, value: Math.max(one.torch_1 as number, two.torch_2 as number), unit: 'steps/s (the better)' });
    values.push({ name: `ratio: wasm kernels one thread / ${which} 1 thread (CPU time)`, value: rate(wasm1.cpu) / torch1, unit: 'x', target: '>= 1' });
    values.push({ name: `ratio: wasm kernels main + 1 worker / ${which} 2 threads (busiest thread CPU time)`, value: rate(wasm2.cpu) / torch2, unit: 'x', target: '>= 1' });
  }
  return values;
}
