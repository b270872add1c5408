import { rgb } from 'd3-color';

/** An RGB colour, each channel 0-255. */
export type Rgb = readonly [number, number, number];

/**
 * The RGB channels of a CSS colour (`red`, `#1f77b4`, `rgb(...)`, `hsl(...)`), parsed by d3-color.
 * Throws a RangeError naming the colour when it cannot be parsed.
 */
export function rgbOf(colour: string): Rgb {
  const { r, g, b } = rgb(colour);
  if (!(Number.isFinite(r) && Number.isFinite(g) && Number.isFinite(b))) throw new RangeError(`rgbOf: cannot parse the colour '${colour}'.`);
  return [Math.round(r), Math.round(g), Math.round(b)];
}
