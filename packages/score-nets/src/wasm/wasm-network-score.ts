import type { MlpScoreDescription, ScoreModel, Sde } from '@scoreflow/core';
import { createWasmMlp } from './wasm-mlp.js';
import type { MlpKernelsVariant } from './wasm-mlp-module.js';
import { scoreOfRows } from './score-of-rows.js';

/**
 * A `ScoreModel` that evaluates the MLP of `description` (`describeMlp`) with the WebAssembly
 * SIMD kernels (`createWasmMlp`) on this thread, synchronously, and turns its output into a score
 * through the SDE's marginal (`scoreOfRows`, as `networkScore` does with `scoreOf`). Undefined
 * where WebAssembly SIMD (or the `variant` asked for) is missing; throws a `RangeError` for an
 * activation the kernels lack. `name` defaults to `network-<output>`, `variant` to the best build
 * this engine runs.
 */
export function wasmNetworkScore(description: MlpScoreDescription, sde: Sde, options: { readonly name?: string; readonly variant?: MlpKernelsVariant } = {}): ScoreModel | undefined {
  const { name = `network-${description.output}`, variant } = options;
  const mlp = createWasmMlp(description, variant);
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
