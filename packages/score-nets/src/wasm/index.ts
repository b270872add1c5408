export { WASM_MLP_ACTIVATIONS, type WasmMlp, createWasmMlp } from './wasm-mlp.js';
export { type MlpKernelsVariant, hasMlpKernels, mlpKernelsVariant } from './wasm-mlp-module.js';
export { scoreOfRows } from './score-of-rows.js';
export { wasmNetworkScore } from './wasm-network-score.js';
export { type WasmDsmResult, type WasmDsmShape, wasmDsmGradients } from './wasm-dsm.js';
export { type WasmTrainerOptions, createWasmTrainer } from './wasm-trainer.js';
