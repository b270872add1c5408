import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from '../testing/use-chromium-gpu.js';
import type { GpuTraining } from './mlp.page.js';
import type { MlpTrainerOptions } from './mlp-trainer.js';
import { doubleGaussianRows } from './testing/dsm-rows.js';
import { relativeError, testDescription, tfAdamTraining, tfDsmGradients } from './testing/tf-mlp.js';

const page = fileURLToPath(new URL('./mlp.page.ts', import.meta.url));
type Description = ReturnType<typeof testDescription>;
const json = (d: Description) => ({ ...d, frequencies: Array.from(d.frequencies), weights: Array.from(d.weights) });
const trained = (d: Description) => d.weights.subarray(0, d.weights.length);

describe('createMlpTrainer(device, description, options) in Chromium (SwiftShader)', () => {
  const gpu = useChromiumGpu();
  const train = (d: Description, options: MlpTrainerOptions, steps: number) => gpu.call<GpuTraining>(page, 'trainOnGpu', json(d), options, steps);

  for (const options of [{}, { activation: 'tanh', residual: true, depth: 3, output: 'denoiser' }, { activation: 'selu', output: 'score', width: 24 }] as const) {
    it(`its loss and gradients equal TF.js autodiff's to 1e-5 relative (${JSON.stringify(options)})`, async () => {
      const description = testDescription(options);
      const gpuRun = await train(description, { batch: 96, clipNorm: 1e30 }, 1);
      const expected = tfDsmGradients(description, doubleGaussianRows(96, 0));
      expect(Math.abs((gpuRun.losses[0] as number) - expected.loss) / expected.loss).toBeLessThan(1e-5);
      expect(relativeError(gpuRun.gradients, expected.gradients)).toBeLessThan(1e-5);
    });
  }

  it("one Adam step equals TF.js's tf.train.adam step (weights to 1e-5 relative)", async () => {
    const description = testDescription({ width: 16 });
    const gpuRun = await train(description, { batch: 64, clipNorm: 1e30, warmup: 0, learningRate: 1e-2 }, 1);
    const reference = tfAdamTraining(description, 1e-2, 1, (step) => doubleGaussianRows(64, step));
    const step = (w: ArrayLike<number>) => Array.from(w, (v, i) => v - (trained(description)[i] as number));
    expect(relativeError(gpuRun.weights, reference.weights)).toBeLessThan(1e-5);
    expect(relativeError(step(gpuRun.weights), step(reference.weights))).toBeLessThan(1e-4);
    const { gradients } = tfDsmGradients(description, doubleGaussianRows(64, 0));
    expect(relativeError(gpuRun.m, gradients.map((g) => 0.1 * g))).toBeLessThan(1e-5);
  });

  it('a short training on the double Gaussian converges with the loss TF.js reaches', async () => {
    const description = testDescription({ width: 32, depth: 2 });
    const steps = 120;
    const gpuRun = await train(description, { batch: 128, clipNorm: 1e30, warmup: 0, learningRate: 1e-2 }, steps);
    const reference = tfAdamTraining(description, 1e-2, steps, (step) => doubleGaussianRows(128, step));
    const tail = (losses: number[]) => losses.slice(-20).reduce((a, b) => a + b, 0) / 20;
    expect(tail(gpuRun.losses)).toBeLessThan(0.6 * (gpuRun.losses[0] as number));
    expect(Math.abs(tail(gpuRun.losses) - tail(reference.losses)) / tail(reference.losses)).toBeLessThan(0.05);
  });
});
