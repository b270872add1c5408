import { type BackendName, type Trainer, createTrainer, mlpScoreNetwork, selectBackend } from '@scoreflow/score-nets';
import { vp } from '@scoreflow/sdes';
import { cpus } from 'node:os';
import { createParallelTrainer } from '@scoreflow/score-nets/node';
import type { BenchResult, BenchValue } from '../measure.js';
import { cpuPerUnit, threadCpuMs } from './score-net-thread-cpu.js';

const batchSize = 4096;
/** The MLP 3x128 (SiLU) of the speed target, on 2-D data. */
const architecture = { dim: 2, width: 128, depth: 3 } as const;

/** A fixed 2-D batch (two Gaussian blobs; its content does not change the speed). */
function batchOf(n: number): Float32Array {
  let state = 12345;
  const uniform = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const radius = Math.sqrt(-2 * Math.log(uniform())) * 0.3;
    const angle = 2 * Math.PI * uniform();
    x[2 * i] = (i % 2 === 0 ? 1.5 : -1.5) + radius * Math.cos(angle);
    x[2 * i + 1] = radius * Math.sin(angle);
  }
  return x;
}

/** What one variant measured. */
interface Speed {
  /** Steps per second, best of the runs (wall time). */
  readonly rate: number;
  /** CPU ms per step of this thread and of the busiest other thread (a worker), over all timed runs. */
  readonly cpu: { readonly main: number; readonly busiestOther: number };
}

/** The speed of `trainer`: the best of `repeats` runs of `steps` steps, after `warmup` steps. */
async function speedOf(trainer: Trainer, x: Float32Array, warmup: number, steps: number, repeats: number): Promise<Speed> {
  for (let i = 0; i < warmup; i++) await trainer.step(x);
  let best = Number.POSITIVE_INFINITY;
  const before = threadCpuMs();
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    for (let i = 0; i < steps; i++) await trainer.step(x);
    best = Math.min(best, performance.now() - start);
  }
  return { rate: (1000 * steps) / best, cpu: cpuPerUnit(before, threadCpuMs(), steps * repeats) };
}

interface Variant {
  readonly name: string;
  readonly backend: BackendName;
  /** Worker threads besides the main thread; undefined: `createTrainer` in this thread. */
  readonly workers?: number;
  readonly steps: number;
  readonly repeats: number;
  readonly target?: string;
}

/**
 * Training speed of the MLP 3x128 score network (SiLU, Fourier time embedding) by DSM with Adam
 * on batches of 4096 2-D points, per TensorFlow.js backend: `createTrainer` in one thread, and
 * `createParallelTrainer` with the main thread and one worker per remaining core sharing each
 * batch. The `tensorflow` backend (tfjs-node) is measured when it is installed.
 */
export async function scoreNetTrain(): Promise<BenchResult> {
  const sde = vp();
  const x = batchOf(batchSize);
  const workers = Math.max(1, cpus().length - 1);
  const variants: Variant[] = [
    { name: 'wasm, one thread (createTrainer)', backend: 'wasm', steps: 10, repeats: 3, target: '>= 26 (PyTorch, 2 cores: 53)' },
    { name: `wasm, main + ${workers} worker${workers > 1 ? 's' : ''} (createParallelTrainer)`, backend: 'wasm', workers, steps: 10, repeats: 3, target: '>= 26 (PyTorch, 2 cores: 53)' },
    { name: 'cpu, one thread (createTrainer)', backend: 'cpu', steps: 2, repeats: 1 },
    { name: 'tensorflow, one thread (createTrainer)', backend: 'tensorflow', steps: 10, repeats: 3 },
    { name: `tensorflow, main + ${workers} worker${workers > 1 ? 's' : ''} (createParallelTrainer)`, backend: 'tensorflow', workers, steps: 10, repeats: 3 },
  ];
  const values: BenchValue[] = [];
  const missing: string[] = [];
  for (const variant of variants) {
    try {
      await selectBackend(variant.backend);
    } catch {
      missing.push(variant.backend);
      continue;
    }
    const network = mlpScoreNetwork(architecture);
    const trainer = variant.workers === undefined ? createTrainer(network, sde) : await createParallelTrainer(network, sde, { workers: variant.workers, backend: variant.backend });
    try {
      const { rate, cpu } = await speedOf(trainer, x, 2, variant.steps, variant.repeats);
      values.push({ name: `${variant.name}: training steps per second`, value: rate, unit: '1/s', ...(variant.target && { target: variant.target }) });
      if (cpu.main > 0) {
        const busiest = Math.max(cpu.main, variant.workers === undefined ? 0 : cpu.busiestOther);
        values.push({ name: `${variant.name}: CPU per step, main thread`, value: cpu.main, unit: 'ms' });
        if (variant.workers !== undefined) values.push({ name: `${variant.name}: CPU per step, busiest worker thread`, value: cpu.busiestOther, unit: 'ms' });
        values.push({ name: `${variant.name}: steps per second with a free core per thread (1000 / busiest thread's CPU ms)`, value: 1000 / busiest, unit: '1/s' });
      }
    } finally {
      trainer.dispose();
      network.dispose();
    }
  }
  await selectBackend('wasm');
  const absent = [...new Set(missing)];
  return {
    bench: 'score-net-train: DSM training steps of the MLP 3x128',
    description:
      `MLP 3x128 (SiLU), 2-D data, batch ${batchSize}, Adam with clipping; steps per second, best of 3 runs of 10 steps after 2 (cpu: 2 steps); CPU time per thread from /proc (on a shared machine the wall-time rate also measures the neighbours)` +
      (absent.length > 0 ? `; not installed: ${absent.join(', ')}` : ''),
    values,
  };
}
