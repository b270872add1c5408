import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from '@scoreflow/core/testing';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { describeMlp } from '../network/describe-mlp.js';
import { type MlpOptions, mlpScoreNetwork } from '../network/mlp.js';
import { flattenTensors } from '../network/flat-weights.js';
import { testVpSde } from '../testing/test-sde.js';
import type { DsmBatch } from '../training/dsm-batch.js';
import { dsmLoss } from '../training/dsm-loss.js';
import { jitterWeights, testRows } from './testing/jitter-weights.js';
import { wasmDsmGradients } from './wasm-dsm.js';
import type { MlpKernelsVariant } from './wasm-mlp-module.js';
import { enableRelaxedSimd } from '../node/relaxed-simd.js';

beforeAll(async () => {
  await selectBackend('wasm');
  enableRelaxedSimd();
});

/** A DSM batch of n rows under `testVpSde`, times spread over (0, 1), weights in [0.5, 1.5]: a fixed pattern, no RNG. */
function testBatch(n: number, dim: number): DsmBatch {
  const sde = testVpSde();
  const t = Float32Array.from({ length: n }, (_, i) => 0.02 + (0.97 * ((i * 0.618) % 1)));
  return {
    n,
    dim,
    x0: testRows(n, dim),
    z: testRows(n, dim).map((v, i) => Math.cos(v * 7 + i)),
    t,
    mean: t.map((ti) => sde.marginal(ti).mean),
    std: t.map((ti) => sde.marginal(ti).std),
    weight: t.map((_, i) => 0.5 + ((i * 0.37) % 1)),
  };
}

describe('wasmDsmGradients(shape)(weights, batch, scale)', () => {
  const cases: [string, MlpOptions, number, MlpKernelsVariant][] = [
    ['the MLP 3x128 SiLU eps network, 203 rows', { dim: 2, seed: 3 }, 203, 'simd'],
    ['the same on the relaxed-simd build (fused multiply-adds)', { dim: 2, seed: 3 }, 203, 'relaxed-simd'],
    ['width 20, depth 2, dim 3, 16 rows', { dim: 3, width: 20, depth: 2, seed: 4 }, 16, 'simd'],
  ];
  for (const [what, options, n, variant] of cases) {
    it(`gives TF.js's loss and gradients of dsmLoss to 1e-5 of each variable's scale: ${what}`, () => {
      const network = mlpScoreNetwork(options);
      jitterWeights(network, 21);
      const batch = testBatch(n, options.dim);
      const { value, grads } = tf.variableGrads(() => dsmLoss(network, batch, 0.5));
      const expected = network.variables.map((v) => grads[v.name]!.dataSync() as Float32Array);
      const expectedLoss = value.dataSync()[0]!;
      tf.dispose([value, ...Object.values(grads)]);
      const gradients = wasmDsmGradients(describeMlp(network), variant)!;
      const result = gradients(flattenTensors(network.variables), batch, 0.5);
      expect(Math.abs(result.loss / expectedLoss - 1)).toBeLessThan(1e-5);
      let offset = 0;
      expected.forEach((grad, i) => {
        const actual = result.gradients.subarray(offset, offset + grad.length);
        expect(relativeError(actual, grad), `variable ${i}`).toBeLessThan(1e-5);
        offset += grad.length;
      });
      expect(offset).toBe(result.gradients.length);
      network.dispose();
    });
  }

  it('refuses an architecture it does not train, naming what it takes', () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, output: 'score' });
    expect(() => wasmDsmGradients(describeMlp(network))).toThrow(/only an eps network with SiLU, no residual and no classes is trained on wasm, got output 'score'/);
    network.dispose();
  });
});
