// @ts-expect-error gifenc 1.0.3 ships no type declarations: its API is typed by `Gifenc` below.
import * as gifencModule from 'gifenc';

/** A palette: RGB triplets. */
export type Palette = number[][];

/** The part of gifenc's API used here. */
export interface Gifenc {
  GIFEncoder(): {
    writeFrame(index: Uint8Array, width: number, height: number, options?: { palette?: Palette; delay?: number; repeat?: number }): void;
    finish(): void;
    bytes(): Uint8Array;
  };
  quantize(rgba: Uint8Array | Uint8ClampedArray, colours: number, options?: { format?: 'rgb565' | 'rgb444' | 'rgba4444' }): Palette;
  applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: 'rgb565' | 'rgb444' | 'rgba4444'): Uint8Array;
}

/**
 * gifenc, typed. Its package has a CommonJS `main` (node: the API is the default export) and an
 * ES `module` (bundlers such as vite: the API is the named exports, the default being
 * `GIFEncoder`), so the namespace is read either way.
 */
export const gifenc: Gifenc = (() => {
  const namespace = gifencModule as Partial<Gifenc> & { default?: Partial<Gifenc> };
  const api = typeof namespace.quantize === 'function' ? namespace : namespace.default;
  if (api === undefined || typeof api.quantize !== 'function') throw new Error('gifenc: cannot find quantize() in the module.');
  return api as Gifenc;
})();
