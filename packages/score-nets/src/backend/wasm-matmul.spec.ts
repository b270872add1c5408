import { describe, expect, it } from 'vitest';
import { tf } from './tf.js';
import { selectBackend } from './select-backend.js';
import { TRANSPOSED_MATMUL_KERNELS, isTransposeFirst, transposeFirst } from './wasm-matmul.js';

function randomMatrix(rows: number, cols: number, seed: number): Float32Array {
  const out = new Float32Array(rows * cols);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 2147483648 - 0.5;
  }
  return out;
}

async function matMulOn(backend: 'cpu' | 'wasm', transposeA: boolean, transposeB: boolean, fused: boolean): Promise<Float32Array> {
  await selectBackend(backend);
  const a = tf.tensor2d(randomMatrix(5, 7, 1), transposeA ? [7, 5] : [5, 7]);
  const b = tf.tensor2d(randomMatrix(7, 3, 2), transposeB ? [3, 7] : [7, 3]);
  const bias = tf.tensor1d([0.1, -0.2, 0.3]);
  const c = fused
    ? tf.fused.matMul({ a, b, transposeA, transposeB, bias, activation: 'relu' })
    : tf.matMul(a, b, transposeA, transposeB);
  const values = (await c.data()) as Float32Array;
  tf.dispose([a, b, bias, c]);
  return values;
}

describe('wasm transposed-matMul workaround', () => {
  // The problem it works around is in tfjs-backend-wasm 4.22 (shared/STACK.md): if this version
  // changes, measure again before removing the workaround.
  it('selectBackend("wasm") registers BatchMatMul and _FusedMatMul as transpose-first wrappers', async () => {
    expect(await selectBackend('wasm')).toBe('wasm');
    expect(tf.version_core).toBe('4.22.0');
    for (const kernel of TRANSPOSED_MATMUL_KERNELS) expect(isTransposeFirst(kernel, 'wasm')).toBe(true);
  });

  it('transposeFirst(kernel, transpose) calls the kernel with transposeA = transposeB = false and transposed inputs', () => {
    const seen: { attrs: unknown; shapes: number[][] }[] = [];
    const kernel: tf.KernelFunc = ({ inputs, attrs }) => {
      seen.push({ attrs, shapes: [inputs['a']!.shape, inputs['b']!.shape] });
      return inputs['a']!;
    };
    const transpose: tf.KernelFunc = ({ inputs, attrs }) => {
      const { perm } = attrs as { perm: number[] };
      return { ...inputs['x']!, shape: perm.map((p) => inputs['x']!.shape[p]!) };
    };
    const disposed: unknown[] = [];
    const backend = { disposeData: (id: unknown) => disposed.push(id) } as unknown as tf.KernelBackend;
    const a = { dataId: {}, shape: [4, 2], dtype: 'float32' } as tf.TensorInfo;
    const b = { dataId: {}, shape: [3, 4], dtype: 'float32' } as tf.TensorInfo;
    transposeFirst(kernel, transpose)({ inputs: { a, b }, backend, attrs: { transposeA: true, transposeB: true } });
    expect(seen).toEqual([{ attrs: { transposeA: false, transposeB: false }, shapes: [[2, 4], [4, 3]] }]);
    expect(disposed).toHaveLength(2);
  });

  for (const fused of [false, true]) {
    for (const [transposeA, transposeB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      it(`${fused ? 'fused.matMul' : 'matMul'} with transposeA=${transposeA}, transposeB=${transposeB} on wasm equals cpu`, async () => {
        const wasm = await matMulOn('wasm', transposeA, transposeB, fused);
        const cpu = await matMulOn('cpu', transposeA, transposeB, fused);
        for (let i = 0; i < cpu.length; i++) expect(wasm[i]).toBeCloseTo(cpu[i]!, 5);
      });
    }
  }

  it('leaks no tensors', async () => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    await matMulOn('wasm', true, true, true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
