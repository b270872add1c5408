/** A scale maps a data value to a pixel coordinate; `ticks` are the values to mark, `label` names one. */
export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  /** Small unlabelled ticks (the 2..9 multiples of each decade on a log scale). */
  readonly minorTicks: readonly number[];
  label(value: number): string;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10^k written with Unicode superscripts, e.g. 10⁵, 10⁻³. */
export const powerOfTen = (k: number): string => `10${k < 0 ? '⁻' : ''}${[...String(Math.abs(k))].map((digit) => SUPERSCRIPT[Number(digit)]).join('')}`;

/**
 * logScale([lo, hi], [a, b]) maps x in the decades around [lo, hi] to a + (b - a) (log10 x - k0) / (k1 - k0),
 * where 10^k0 <= lo and hi <= 10^k1 are the enclosing powers of ten; ticks at every power of ten,
 * labelled as plain numbers from 0.001 to 1000 and as 10^k beyond.
 */
export function logScale(extent: readonly [number, number], range: readonly [number, number]): Scale {
  if (!(extent[0] > 0 && extent[1] >= extent[0])) throw new RangeError(`logScale: expects 0 < lo <= hi, got [${extent.join(', ')}].`);
  const k0 = Math.floor(Math.log10(extent[0]) + 1e-9);
  const k1 = Math.max(k0 + 1, Math.ceil(Math.log10(extent[1]) - 1e-9));
  const [a, b] = range;
  const scale = (value: number) => a + ((b - a) * (Math.log10(value) - k0)) / (k1 - k0);
  const decades = Array.from({ length: k1 - k0 + 1 }, (_, i) => k0 + i);
  return Object.assign(scale, {
    domain: [10 ** k0, 10 ** k1] as const,
    ticks: decades.map((k) => 10 ** k),
    minorTicks: decades.slice(0, -1).flatMap((k) => [2, 3, 4, 5, 6, 7, 8, 9].map((m) => m * 10 ** k)),
    label: (value: number) => {
      const k = Math.round(Math.log10(value));
      return k >= -3 && k <= 3 ? String(Number(value.toPrecision(1))) : powerOfTen(k);
    },
  });
}

/** The step of about `count` ticks over `span`: 1, 2 or 5 times a power of ten (d3's tickStep). */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= 7.5 ? 10 : error >= 3.5 ? 5 : error >= 1.5 ? 2 : 1);
}

/** linearScale([0, hi], [a, b]) maps [0, hi'] linearly onto [a, b], hi' being hi rounded up to a tick (about 5 ticks). */
export function linearScale(extent: readonly [number, number], range: readonly [number, number]): Scale {
  const [lo] = extent;
  const step = niceStep(Math.max(extent[1] - lo, 1e-12), 5);
  const hi = Math.ceil(extent[1] / step - 1e-9) * step;
  const [a, b] = range;
  const scale = (value: number) => a + ((b - a) * (value - lo)) / (hi - lo);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Object.assign(scale, {
    domain: [lo, hi] as const,
    ticks: Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, i) => lo + i * step),
    minorTicks: [],
    label: (value: number) => value.toFixed(decimals),
  });
}
