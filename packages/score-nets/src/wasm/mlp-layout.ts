import type { MlpScoreDescription } from '@scoreflow/core';

/** One dense layer as the kernel reads it: k x n weights (padded), packed in strips of 8 columns, and n biases. */
export interface PackedLayer {
  /** Rows of the weights (inputs). */
  readonly k: number;
  /** Columns (outputs, rounded up to a multiple of 8). */
  readonly n: number;
  /** Byte offsets of the packed weights and of the bias in the kernel's memory. */
  readonly w: number;
  readonly b: number;
}

/** Where everything sits in the memory of one `createWasmMlp` instance (byte offsets, 16-aligned). */
export interface MlpLayout {
  /** The first layer (its x rows only: the time and label rows fold into its bias), the other hidden layers, the output layer. */
  readonly layers: readonly PackedLayer[];
  /** Rows per chunk (a multiple of 4). */
  readonly chunk: number;
  /** The chunk of inputs (chunk x layers[0].k), the two hidden buffers (chunk x width), the outputs (chunk x out.n). */
  readonly x: number;
  readonly h: readonly [number, number];
  readonly out: number;
  /** Bytes in all. */
  readonly bytes: number;
}

/** `value` rounded up to a multiple of `multiple`. */
export const up = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;

/**
 * Hands out 16-byte-aligned regions of the kernels' memory from byte 256 on (bytes 0 .. 255 are
 * the kernels' null pointer and constants): `take(floats)` returns a region's byte offset,
 * `layer(k, n)` a packed layer's weights and bias, `bytes()` the end.
 */
export function memoryRegions() {
  let offset = 256;
  const take = (floats: number) => {
    const at = offset;
    offset += up(floats * 4, 16);
    return at;
  };
  return { take, layer: (k: number, n: number): PackedLayer => ({ k, n, w: take(k * n), b: take(n) }), bytes: () => offset };
}

/**
 * The kernel's memory layout for `description` with `chunk` rows at a time: bytes 0 .. 255 stay free
 * (the kernels' null pointer and constants), then each layer's packed weights and bias, then the
 * activation buffers.
 */
export function mlpLayout(description: Pick<MlpScoreDescription, 'dim' | 'width' | 'depth'>, chunk: number): MlpLayout {
  const { dim, width, depth } = description;
  const wide = up(width, 8);
  const { take, layer, bytes } = memoryRegions();
  const layers = [layer(dim, wide), ...Array.from({ length: depth - 1 }, () => layer(wide, wide)), layer(wide, up(dim, 8))];
  const x = take(chunk * dim);
  const h: [number, number] = [take(chunk * wide), take(chunk * wide)];
  const out = take(chunk * up(dim, 8));
  return { layers, chunk, x, h, out, bytes: bytes() };
}

/**
 * Copies rows `from .. from + k - 1` of the row-major `rows x columns` matrix at `source[at]`
 * into `target` as the kernel reads weights (`mlp.wat`): strips of 8 columns, each k x 8,
 * padded with zeros to `packed.k` x `packed.n`.
 */
export function packWeights(target: Float32Array, packed: PackedLayer, source: Float32Array, at: number, columns: number, k: number, from = 0): void {
  const base = packed.w / 4;
  target.fill(0, base, base + packed.k * packed.n);
  for (let s = 0; s < packed.n / 8; s++) {
    for (let r = 0; r < k; r++) {
      for (let c = 0; c < 8 && 8 * s + c < columns; c++) {
        target[base + (s * packed.k + r) * 8 + c] = source[at + (from + r) * columns + 8 * s + c] as number;
      }
    }
  }
}
