import { schemeTableau10 } from 'd3-scale-chromatic';
import { rgbOf } from './rgb.js';

/** The categorical scheme for labels (Tableau 10, from d3-scale-chromatic). */
export const CATEGORICAL: readonly string[] = schemeTableau10;

/** The colour of category `k` (wrapping round the scheme; negative labels use their magnitude). */
export const categoricalColour = (k: number, scheme: readonly string[] = CATEGORICAL): string => scheme[Math.abs(Math.trunc(k)) % scheme.length];

/** RGB triplets of a categorical scheme, for raster drawing. */
export function categoricalTable(scheme: readonly string[] = CATEGORICAL): Uint8Array {
  const table = new Uint8Array(3 * scheme.length);
  scheme.forEach((colour, k) => table.set(rgbOf(colour), 3 * k));
  return table;
}
