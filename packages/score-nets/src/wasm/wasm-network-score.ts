import type { MlpScoreDescription, ScoreModel, Sde } from '@scoreflow/core';
import { createWasmMlp } from './wasm-mlp.js';
import { scoreOfRows } from './score-of-rows.js';

/**
 * A `ScoreModel` that evaluates the MLP of `description` (`describeMlp`) with the WebAssembly
 * SIMD kernels (`createWasmMlp`) on this thread, synchronously, and turns its output into a score
 * through the SDE's marginal (`scoreOfRows`, as `networkScore` does with `scoreOf`). Undefined
 * where WebAssembly SIMD is missing; throws a `RangeError` for an activation the kernels lack.
 */
export function wasmNetworkScore(description: MlpScoreDescription, sde: Sde, name = `network-${description.output}`): ScoreModel | undefined {
  const mlp = createWasmMlp(description);
  if (mlp === undefined) return undefined;
  const { dim, output } = description;
  return {
    name,
    dim,
    score(x, t, out) {
      mlp.forward(x, t, out);
      const { mean, std } = sde.marginal(t);
      scoreOfRows(output, out, x, mean, std);
    },
  };
}
