import {
  interpolateBlues,
  interpolateCividis,
  interpolateGreys,
  interpolateInferno,
  interpolateMagma,
  interpolatePlasma,
  interpolateTurbo,
  interpolateViridis,
} from 'd3-scale-chromatic';
import { rgbOf } from './rgb.js';

/**
 * Sequential colour maps by name, from d3-scale-chromatic: the perceptual dark-to-light maps
 * (viridis, magma, inferno, plasma, cividis, turbo) and two white-to-dark ones (blues, greys) for
 * a density under paths or points drawn on top.
 */
export const COLOUR_MAPS = Object.freeze({
  viridis: interpolateViridis,
  magma: interpolateMagma,
  inferno: interpolateInferno,
  plasma: interpolatePlasma,
  cividis: interpolateCividis,
  turbo: interpolateTurbo,
  blues: interpolateBlues,
  greys: interpolateGreys,
});

export type ColourMapName = keyof typeof COLOUR_MAPS;

/** A colour map: a name, or a function from t in [0, 1] to a CSS colour (any d3 interpolator). */
export type ColourMap = ColourMapName | ((t: number) => string);

/** The names of `COLOUR_MAPS`, for messages and config validation. */
export const COLOUR_MAP_NAMES = Object.keys(COLOUR_MAPS) as ColourMapName[];

/** The interpolator of a colour map; an unknown name throws a RangeError listing the names. */
export function interpolatorOf(map: ColourMap): (t: number) => string {
  if (typeof map === 'function') return map;
  const interpolator = COLOUR_MAPS[map];
  if (interpolator === undefined) throw new RangeError(`Unknown colour map '${map}'. Colour maps: ${COLOUR_MAP_NAMES.join(', ')}.`);
  return interpolator;
}

/**
 * A lookup table of `size` colours of `map`: RGB triplets, entry k the colour at t = k / (size - 1).
 * Raster drawing indexes it instead of calling the interpolator per pixel.
 */
export function colourTable(map: ColourMap, size = 256): Uint8Array {
  const interpolate = interpolatorOf(map);
  const table = new Uint8Array(3 * size);
  for (let k = 0; k < size; k++) table.set(rgbOf(interpolate(size === 1 ? 0 : k / (size - 1))), 3 * k);
  return table;
}
