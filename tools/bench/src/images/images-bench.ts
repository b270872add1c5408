import { type DataSource, makeParticleBatch } from '@scoreflow/core';
import { type UnetOptions, createTrainer, networkScore, probeWebgpu, selectBackend, train, unetScoreNetwork } from '@scoreflow/score-nets';
import { createParallelTrainer } from '@scoreflow/score-nets/node';
import { vp } from '@scoreflow/sdes';
import { Observable, lastValueFrom, toArray } from 'rxjs';
import { type BenchResult, type BenchValue, bestOf } from '../measure.js';
import { fashionMnistArrays } from './fashion-mnist-arrays.js';

/** The U-Net of apps/runner/configs/images/fashion-mnist-14-train.yaml. */
const UNET_14: UnetOptions = { type: 'unet', height: 14, width: 14, baseChannels: 16, channelMultipliers: [1, 2], groups: 8 };
const BATCH = 64;
const STEPS = Number(process.env.IMAGES_STEPS ?? 20);
const SAMPLE_ROWS = 256;

/** A data source replaying `x` (n x dim) in order: the benchmark's training pool. */
function arraySource(x: Float32Array, dim: number): DataSource {
  return {
    name: 'fashion-mnist-14',
    dim,
    sample: (ctx) =>
      new Observable((subscriber) => {
        const n = Math.min(ctx.particles, x.length / dim);
        for (let first = 0; first < n; first += ctx.batchSize) {
          const rows = Math.min(ctx.batchSize, n - first);
          subscriber.next(makeParticleBatch({ x: x.slice(first * dim, (first + rows) * dim), dim, id: first, step: 0, t: 0 }));
        }
        subscriber.complete();
      }),
  };
}

/** The backends the images bench measures: wasm always, TF.js's WebGPU where an adapter exists. */
type ImagesBackend = 'wasm' | 'webgpu';

/**
 * `images` (runs only when named): the speed of the 14 x 14 Fashion-MNIST recipe on wasm and, where a
 * WebGPU adapter exists (`probeWebgpu`: a browser's or Dawn's in Node), on TF.js's WebGPU backend.
 * Training steps per second (DSM, batch 64, Adam with clipping; on wasm in one thread and with the
 * main thread and one worker, the recipe's setting; on WebGPU in one thread) over `IMAGES_STEPS` steps
 * after the first, and sampling: one network evaluation of 256 images (best of 3), as images per
 * second per evaluation and for the NFE of the samplers of fashion-mnist-14-sample.yaml (ancestral
 * 100, DDIM 50, DPM-Solver++(2M) 20). Without an adapter the description says why WebGPU was not
 * measured.
 */
export async function imagesBench(): Promise<BenchResult> {
  const data = await fashionMnistArrays('train', 2, 4096);
  const webgpu = await probeWebgpu();
  const values = await backendSpeeds('wasm', data);
  let gpu: string;
  if (!webgpu.available) gpu = `(WebGPU not measured: ${webgpu.reason})`;
  else {
    // A failure on the GPU is reported, not thrown: the wasm figures stand (score-nets README, "Backends").
    try {
      values.push(...(await backendSpeeds('webgpu', data)));
      gpu = 'and WebGPU';
    } catch (error) {
      gpu = `(WebGPU failed: ${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return { bench: 'images', description: `Speed of the 14 x 14 Fashion-MNIST U-Net recipe on wasm ${gpu}: DSM training steps/s and images/s sampled (runs only when named).`, values };
}

/** Training and sampling speeds of the 14 x 14 U-Net on one backend. */
async function backendSpeeds(backend: ImagesBackend, data: Awaited<ReturnType<typeof fashionMnistArrays>>): Promise<BenchValue[]> {
  await selectBackend(backend);
  const source = arraySource(data.x, data.dim);
  const sde = vp({ betaMin: 0.1, betaMax: 20 });
  const values: BenchValue[] = [];
  for (const workers of backend === 'wasm' ? [0, 1] : [0]) {
    const network = unetScoreNetwork(UNET_14);
    const options = { learningRate: 2e-3, warmup: 10, clipNorm: 1, seed: 0 };
    const trainer = workers === 0 ? createTrainer(network, sde, options) : await createParallelTrainer(network, sde, { ...options, workers, backend: 'wasm' });
    const records = await lastValueFrom(train(network, sde, source, { steps: STEPS + 1, batchSize: BATCH, poolSize: 4096, trainer, seed: 0 }).pipe(toArray()));
    const first = records[0];
    const last = records.at(-1);
    trainer.dispose();
    network.dispose();
    if (first === undefined || last === undefined) throw new Error('images bench: no training step');
    // stepsPerSecond counts from the start of training; take the steps after the first (warm-up, pool draw).
    const seconds = last.step / last.stepsPerSecond - first.step / first.stepsPerSecond;
    values.push({ name: `U-Net 14 x 14 DSM training on ${backend}, batch ${BATCH}, ${workers === 0 ? 'one thread' : 'main thread + 1 worker'}`, value: (last.step - first.step) / seconds, unit: 'steps/s' });
  }
  const network = unetScoreNetwork(UNET_14);
  const model = networkScore(network, sde);
  const x = data.x.slice(0, SAMPLE_ROWS * data.dim);
  const out = new Float32Array(x.length);
  const ms = await bestOf(3, () => model.score(x, 0.5, out));
  const perEvaluation = (SAMPLE_ROWS * 1000) / ms;
  const where = backend === 'wasm' ? 'wasm, one thread' : 'webgpu';
  values.push({ name: `U-Net 14 x 14 score evaluations, ${SAMPLE_ROWS} images at once, ${where}`, value: perEvaluation, unit: 'images/s' });
  for (const [sampler, nfe] of [['ancestral', 100], ['ddim', 50], ['dpm-solver-2m', 20]] as const) {
    values.push({ name: `images sampled by ${sampler} (${nfe} NFE), ${where}`, value: perEvaluation / nfe, unit: 'images/s' });
  }
  network.dispose();
  return values;
}
