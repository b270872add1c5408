import type { ReverseEngine } from './wasm-f32-reverse-step.js';

/** A stage's two kernels: each made where its engine is chosen (undefined where it does not apply), with why it cannot run. */
export interface KernelChoices<Wasm, F32> {
  readonly wasm: { readonly make: () => Wasm | undefined; readonly unfit: () => string | undefined };
  readonly f32: { readonly make: () => F32 | undefined; readonly unfit: () => string | undefined };
}

/**
 * The kernel a stage runs on `engine`: the bit-identical `wasm` kernel for `auto` (where it
 * applies) and `wasm`, the float32 one for `wasm-f32`, neither for `typescript`. Throws a
 * RangeError naming `stage` and why where `wasm` or `wasm-f32` is asked for and cannot run.
 */
export function chooseKernel<Wasm, F32>(stage: string, engine: ReverseEngine, choices: KernelChoices<Wasm, F32>): { readonly wasm?: Wasm; readonly f32?: F32 } {
  if (engine === 'typescript') return {};
  const choice = engine === 'wasm-f32' ? choices.f32 : choices.wasm;
  const kernel = choice.make();
  if (kernel === undefined && engine !== 'auto') {
    throw new RangeError(`${stage}: engine '${engine}' cannot run this stage: ${choice.unfit()}; use engine 'auto' or 'typescript'.`);
  }
  return engine === 'wasm-f32' ? { f32: kernel as F32 | undefined } : { wasm: kernel as Wasm | undefined };
}
