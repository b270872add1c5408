import { tf } from './tf.js';

type KernelConfig = tf.KernelConfig;
type KernelFunc = tf.KernelFunc;
type TensorInfo = tf.TensorInfo;

/** Kernels whose wasm implementation is slow with `transposeA` / `transposeB` (tfjs-backend-wasm 4.22). */
export const TRANSPOSED_MATMUL_KERNELS = ['BatchMatMul', '_FusedMatMul'] as const;

const WORKAROUND = Symbol.for('scoreflow.score-nets.transposeFirst');

/**
 * Wraps a matMul kernel (`BatchMatMul` or `_FusedMatMul`) so that it transposes its inputs
 * explicitly with the backend's `Transpose` kernel, then calls `kernel` with
 * `transposeA = transposeB = false`. On tfjs-backend-wasm 4.22 the transposed matMul is 5-9x
 * slower than transpose-then-matMul, and backprop through `matMul` uses it (the gradient of
 * `a b` is `g b^T` and `a^T g`): an MLP 3x128 trains about 4x faster with this wrapper.
 * `transpose` is the backend's Transpose kernel function.
 */
export function transposeFirst(kernel: KernelFunc, transpose: KernelFunc): KernelFunc {
  const wrapped: KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { transposeA, transposeB } = (attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    if (!transposeA && !transposeB) return kernel(args);
    const made: TensorInfo[] = [];
    const swapLast = (x: TensorInfo): TensorInfo => {
      const rank = x.shape.length;
      const perm = Array.from({ length: rank }, (_, i) => (i === rank - 2 ? rank - 1 : i === rank - 1 ? rank - 2 : i));
      const y = transpose({ inputs: { x }, backend, attrs: { perm } }) as TensorInfo;
      made.push(y);
      return y;
    };
    const a = inputs['a'] as TensorInfo;
    const b = inputs['b'] as TensorInfo;
    const result = kernel({
      inputs: { ...inputs, a: transposeA ? swapLast(a) : a, b: transposeB ? swapLast(b) : b },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
    for (const t of made) (backend as unknown as { disposeData(id: object): void }).disposeData(t.dataId);
    return result;
  };
  (wrapped as unknown as Record<symbol, boolean>)[WORKAROUND] = true;
  return wrapped;
}

/** True when `kernelName` on `backendName` is registered as a `transposeFirst` wrapper. */
export function isTransposeFirst(kernelName: string, backendName = 'wasm'): boolean {
  const config = tf.getKernel(kernelName, backendName);
  return config !== undefined && (config.kernelFunc as unknown as Record<symbol, boolean>)[WORKAROUND] === true;
}

/**
 * Re-registers the wasm `BatchMatMul` and `_FusedMatMul` kernels as `transposeFirst` wrappers of
 * the originals (keeping their setup functions). Idempotent. Dense layers stay rank-2 anyway:
 * wasm's fused matMul is wrong for rank-3 inputs with bias or activation (shared/STACK.md).
 */
export function installWasmMatMulWorkaround(): void {
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (transpose === undefined) throw new Error('installWasmMatMulWorkaround: the wasm backend has no Transpose kernel registered.');
  for (const kernelName of TRANSPOSED_MATMUL_KERNELS) {
    if (isTransposeFirst(kernelName)) continue;
    const original = tf.getKernel(kernelName, 'wasm');
    if (original === undefined) throw new Error(`installWasmMatMulWorkaround: the wasm backend has no ${kernelName} kernel registered.`);
    const config: KernelConfig = { ...original, kernelFunc: transposeFirst(original.kernelFunc, transpose.kernelFunc) };
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel(config);
  }
}
