import { spawnSync } from 'node:child_process';
import { type ScoreModel, createRunContext, positionsOf } from '@scoreflow/core';
import { relativeError } from '@scoreflow/core/testing';
import { priorSource } from '@scoreflow/data-sources';
import { eulerMaruyama } from '@scoreflow/samplers';
import { describeMlp, mlpScoreNetwork, networkScore, selectBackend, wasmNetworkScore } from '@scoreflow/score-nets';
import { parallelNetworkScore, parallelWasmScore } from '@scoreflow/score-nets/node';
import { uniformGrid, vp } from '@scoreflow/sdes';
import { lastValueFrom } from 'rxjs';
import type { BenchValue } from '../measure.js';
import { type Timing, best } from './best-of.js';
import { python } from './python.js';

/** The file name of the BLAS a reference ran with. */
export const blasOf = (ref: Record<string, number | string>) => String(ref.blas).split('/').at(-1);

const particles = 10_000;
const steps = 20;

/** The reverse Euler-Maruyama sampler (VP SDE) over 10,000 particles in one batch with `score`, `steps` steps; the last positions. */
async function sample(score: ScoreModel): Promise<Float32Array> {
  const sde = vp();
  const ctx = createRunContext({ name: 'bench', seed: 0, dim: 2, particles, batchSize: particles });
  const times = uniformGrid().times(sde, steps, 1e-3);
  const last = await lastValueFrom(priorSource(sde, 2).sample(ctx).pipe(eulerMaruyama({ sde, score, rng: ctx.rng, times, snapshotEvery: steps, includeInitial: false })));
  return positionsOf(last).slice();
}

/**
 * Particle-steps per second of the PyTorch reference (`network_reference.py`) on `threads`
 * threads (torch's, OpenBLAS's and OpenMP's alike), sampling (or training: `work.train`), with the BLAS libblas.so.3 resolves to, or
 * with OpenBLAS from `openblas`, a folder holding its libblas.so.3 (`$SCOREFLOW_OPENBLAS`: e.g.
 * Debian's libopenblas0-pthread unpacked by `dpkg -x`, not installed); undefined where torch does not run.
 */
export function reference(threads: number, openblas?: string, work: { rows: number; steps: number; train?: boolean } = { rows: particles, steps }): Record<string, number | string> | undefined {
  const script = new URL('./network_reference.py', import.meta.url).pathname;
  const env = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads), ...(openblas !== undefined && { LD_LIBRARY_PATH: openblas }) };
  const args = [script, String(work.rows), String(work.steps), String(threads), ...(work.train ? ['train'] : [])];
  const child = spawnSync(python(), args, { encoding: 'utf8', timeout: 600_000, env });
  if (child.status !== 0) {
    process.stderr.write(`cpu bench: the network reference did not run (${child.error?.message ?? child.stderr.trim().split('\n').at(-1)})\n`);
    return undefined;
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number | string>;
}

/**
 * The cpu case's network rows: sampling with the MLP 3x128 SiLU eps network (`mlpScoreNetwork({
 * dim: 2 })`, untrained: speed does not depend on the weights) by the `euler-maruyama` stage,
 * 10,000 particles in one batch, 20 steps, its score on TF.js's wasm backend and on score-nets'
 * WebAssembly SIMD kernels (`engine: wasm`), each on one thread and on the main thread + 1 worker;
 * and PyTorch sampling the same network. Rates are particle-steps per second from the CPU time of
 * the busiest thread (what the rate would be with a core per thread), wall-time rates beside them;
 * ratios are taken within this run. Checks that the kernels give the same bytes on 1 and 2
 * threads and the TF.js positions to float32 tolerance.
 */
export async function networkSamplingRows(): Promise<BenchValue[]> {
  await selectBackend('wasm');
  const sde = vp();
  const network = mlpScoreNetwork({ dim: 2 });
  const description = describeMlp(network);
  const variants: [string, 'main' | 'busiest', () => Promise<ScoreModel & { dispose?: () => Promise<void> }>][] = [
    ['TF.js wasm backend, one thread', 'main', async () => networkScore(network, sde)],
    ['TF.js wasm backend, main + 1 worker', 'busiest', () => parallelNetworkScore(network, sde, { workers: 1, backend: 'wasm' })],
    ['wasm kernels (engine: wasm), one thread', 'main', async () => wasmNetworkScore(description, sde)!],
    ['wasm kernels (engine: wasm), main + 1 worker', 'busiest', async () => (await parallelWasmScore(description, sde, { workers: 1 }))!],
  ];
  const rate = (ms: number) => (particles * steps * 1000) / ms;
  const timings: Timing[] = [];
  const positions: Float32Array[] = [];
  const values: BenchValue[] = [];
  for (const [name, threads, make] of variants) {
    const score = await make();
    try {
      let x: Float32Array = new Float32Array(0);
      const timing = await best(() => undefined, async () => (x = await sample(score)), threads, 2);
      timings.push(timing);
      positions.push(x);
      values.push({ name: `network sampling, ${name}: CPU time of the busiest thread`, value: rate(timing.cpu), unit: 'particle-steps/s' });
      values.push({ name: `network sampling, ${name}: wall time`, value: rate(timing.wall), unit: 'particle-steps/s' });
    } finally {
      await score.dispose?.();
    }
  }
  network.dispose();
  const [tf1, tf2, wasm1, wasm2] = timings as [Timing, Timing, Timing, Timing];
  if (Buffer.compare(Buffer.from((positions[2] as Float32Array).buffer), Buffer.from((positions[3] as Float32Array).buffer)) !== 0) {
    throw new Error('cpu bench: the wasm kernels gave other positions on two threads than on one.');
  }
  values.push({ name: 'network sampling: wasm kernels vs TF.js, relative error of the final positions (20 steps)', value: relativeError(positions[2] as Float32Array, positions[0] as Float32Array), unit: '' });
  values.push({ name: 'ratio: wasm kernels / TF.js wasm, one thread (CPU time)', value: tf1.cpu / wasm1.cpu, unit: 'x' });
  values.push({ name: 'ratio: wasm kernels / TF.js wasm, main + 1 worker (busiest thread CPU time)', value: tf2.cpu / wasm2.cpu, unit: 'x' });
  values.push({ name: 'two-thread scaling of the wasm kernels: one thread CPU / busiest of two', value: wasm1.cpu / wasm2.cpu, unit: 'x', target: 'near 2' });
  const openblas = process.env.SCOREFLOW_OPENBLAS;
  for (const [label, folder] of [['Debian default BLAS', undefined], ...(openblas === undefined ? [] : [['OpenBLAS', openblas] as const])] as const) {
    const [one, two] = [reference(1, folder), reference(2, folder)];
    if (one === undefined || two === undefined) continue;
    const which = `PyTorch ${one.torch}, ${label} (${blasOf(one)})`;
    const [torch1, torch2] = [one.torch_1_cpu as number, two.torch_2_cpu as number];
    values.push({ name: `network sampling, ${which}, 1 thread: CPU time`, value: torch1, unit: 'particle-steps/s' });
    values.push({ name: `network sampling, ${which}, 2 threads: CPU time of the busiest thread`, value: torch2, unit: 'particle-steps/s' });
    values.push({ name: `network sampling, ${which}, 2 threads: CPU time of all threads, per core (x 2)`, value: 2 * (two.torch_2_total as number), unit: 'particle-steps/s' });
    values.push({ name: `network sampling, ${which}, 1 thread: wall time`, value: one.torch_1 as number, unit: 'particle-steps/s' });
    values.push({ name: `network sampling, ${which}, 2 threads: wall time`, value: two.torch_2 as number, unit: 'particle-steps/s' });
    values.push({ name: `ratio: wasm kernels one thread / ${which} 1 thread (CPU time)`, value: rate(wasm1.cpu) / torch1, unit: 'x', target: '>= 1' });
    values.push({ name: `ratio: wasm kernels main + 1 worker / ${which} 2 threads (busiest thread CPU time)`, value: rate(wasm2.cpu) / torch2, unit: 'x', target: '>= 1' });
  }
  return values;
}
