import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/select-backend.js';
import { describeMlp } from '../../network/describe-mlp.js';
import { mlpScoreNetwork } from '../../network/mlp.js';
import { testVpSde } from '../../testing/test-sde.js';
import { testRows } from '../../wasm/testing/jitter-weights.js';
import { wasmNetworkScore } from '../../wasm/wasm-network-score.js';
import { parallelWasmScore } from './parallel-wasm-score.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();

describe('parallelWasmScore(description, sde, { workers })', () => {
  it('with 1 worker gives the bytes of wasmNetworkScore on this thread, for each output kind, batch size and time', async () => {
    for (const output of ['eps', 'denoiser'] as const) {
      const network = mlpScoreNetwork({ dim: 2, width: 24, depth: 2, seed: 4, output });
      const description = describeMlp(network);
      network.dispose();
      const serial = wasmNetworkScore(description, sde)!;
      const model = (await parallelWasmScore(description, sde, { workers: 1 }))!;
      expect(model.name).toBe(serial.name);
      for (const [n, t] of [[1001, 0.3], [2, 0.9], [1, 0.05], [130, 0.5]] as const) {
        const x = testRows(n, 2);
        const [expected, actual] = [new Float32Array(2 * n), new Float32Array(2 * n)];
        await serial.score(x, t, expected);
        await model.score(x, t, actual);
        expect(actual, `${output}, n = ${n}`).toEqual(expected);
      }
      await model.dispose();
    }
  });

  it('refuses overlapping calls, calls after dispose, and rows of another size', async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, depth: 1 });
    const model = (await parallelWasmScore(describeMlp(network), sde, { workers: 1 }))!;
    network.dispose();
    const x = testRows(64, 2);
    const first = model.score(x, 0.5, new Float32Array(128));
    await expect(model.score(x, 0.5, new Float32Array(128))).rejects.toThrow('parallelWasmScore: a score call is still running (one at a time).');
    await first;
    await expect(model.score(x, 0.5, new Float32Array(3))).rejects.toThrow(/must both hold n \* 2 values, got 128 and 3/);
    await model.dispose();
    await expect(model.score(x, 0.5, new Float32Array(128))).rejects.toThrow('parallelWasmScore: the score model was disposed.');
  });
});
