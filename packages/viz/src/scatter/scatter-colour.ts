import type { Domain } from '../context.js';
import { CATEGORICAL, categoricalTable } from '../colour/categorical.js';
import { type ColourMap, colourTable } from '../colour/colour-map.js';
import { rgbOf } from '../colour/rgb.js';

/**
 * How a scatter colours its points: one CSS colour; by label (a categorical scheme, Tableau 10
 * by default); or by a value such as t (a perceptual colour map over `domain`, viridis and the
 * values' range by default).
 */
export type ScatterColour =
  | string
  | { readonly by: 'label'; readonly labels: ArrayLike<number>; readonly scheme?: readonly string[] }
  | { readonly by: 'value'; readonly values: ArrayLike<number>; readonly domain?: Domain; readonly map?: ColourMap };

/** The default colour of an uncoloured scatter. */
export const SCATTER_COLOUR = '#1f5f9f';

/** Per point: an index into `table` (RGB triplets). Resolved once, then looked up in the hot loop. */
export interface ColourLookup {
  readonly table: Uint8Array;
  /** Table entry (not byte offset) of point i. */
  index(i: number): number;
}

/** Resolves a `ScatterColour` for `n` points into a lookup table and an index function. */
export function colourLookup(colour: ScatterColour | undefined, n: number): ColourLookup {
  if (colour === undefined || typeof colour === 'string') {
    return { table: Uint8Array.from(rgbOf(colour ?? SCATTER_COLOUR)), index: () => 0 };
  }
  if (colour.by === 'label') {
    const { labels } = colour;
    if (labels.length < n) throw new RangeError(`drawScatter: ${n} points but ${labels.length} labels.`);
    const table = categoricalTable(colour.scheme ?? CATEGORICAL);
    const size = table.length / 3;
    return { table, index: (i) => Math.abs(Math.trunc(labels[i])) % size };
  }
  const { values } = colour;
  if (values.length < n) throw new RangeError(`drawScatter: ${n} points but ${values.length} colour values.`);
  const [lo, hi] = colour.domain ?? rangeOf(values, n);
  const table = colourTable(colour.map ?? 'viridis');
  const top = table.length / 3 - 1;
  const k = hi > lo ? top / (hi - lo) : 0;
  return {
    table,
    index(i) {
      const v = Math.round((values[i] - lo) * k);
      return v < 0 ? 0 : v > top ? top : v || 0;
    },
  };
}

function rangeOf(values: ArrayLike<number>, n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}
