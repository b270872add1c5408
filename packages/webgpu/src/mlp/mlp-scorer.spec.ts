import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from '../testing/use-chromium-gpu.js';
import { relativeError, testDescription, tfScore } from './testing/tf-mlp.js';

const page = fileURLToPath(new URL('./mlp.page.ts', import.meta.url));
const json = (d: ReturnType<typeof testDescription>) => ({ ...d, frequencies: Array.from(d.frequencies), weights: Array.from(d.weights) });

describe('createMlpScorer(device, description) in Chromium (SwiftShader)', () => {
  const gpu = useChromiumGpu();

  const x = Array.from({ length: 2 * 100 }, (_, i) => Math.sin(1.7 * i) * 2);
  const cases = [
    { name: 'silu, eps', options: {} },
    { name: 'relu, residual, score, 3 layers', options: { activation: 'relu', residual: true, output: 'score', depth: 3 } },
    { name: 'tanh, denoiser, classes (label 1)', options: { activation: 'tanh', output: 'denoiser', classes: 3, label: 1 } },
    { name: 'width 160 (tiles of 25 rows), dim 3', options: { width: 160, dim: 3 } },
  ] as const;
  for (const { name, options } of cases) {
    it(`its score equals the TF.js network's to 1e-5 relative (${name})`, async () => {
      const description = testDescription(options);
      const xs = x.slice(0, description.dim * 50);
      const gpuScore = await gpu.call<number[]>(page, 'scoreOnGpu', json(description), xs, 0.37, 0.8, 0.6);
      const expected = tfScore(description, Float32Array.from(xs), 0.37, 0.8, 0.6);
      expect(relativeError(gpuScore, expected)).toBeLessThan(1e-5);
    });
  }
});
