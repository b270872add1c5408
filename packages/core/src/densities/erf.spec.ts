import { describe, expect, it } from 'vitest';
import { erf, erfc } from './erf.js';

// [x, erf(x), erfc(x)] from SciPy 1.17 (scipy.special.erf / erfc, double precision).
const SCIPY: readonly (readonly [number, number, number])[] = [
  [1e-9, 1.1283791670955127e-9, 0.9999999988716208],
  [0.1, 0.1124629160182849, 0.8875370839817152],
  [0.3, 0.3286267594591274, 0.6713732405408726],
  [0.46875, 0.492613473217938, 0.507386526782062],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [0.9, 0.7969082124228322, 0.20309178757716784],
  [1, 0.8427007929497148, 0.15729920705028516],
  [1.5, 0.9661051464753108, 0.03389485352468927],
  [2, 0.9953222650189527, 0.004677734981047266],
  [2.5, 0.999593047982555, 0.00040695201744495886],
  [3, 0.9999779095030014, 2.2090496998585445e-5],
  [3.9, 0.9999999652077514, 3.479224859723178e-8],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [4.2, 0.9999999971445058, 2.855494179592188e-9],
  [5, 0.9999999999984626, 1.5374597944280347e-12],
  [6, 1, 2.1519736712498913e-17],
  [8, 1, 1.1224297172982928e-29],
  [10, 1, 2.0884875837625446e-45],
  [20, 1, 5.395865611607901e-176],
  [26, 1, 5.663192408856145e-296],
];

const relativeError = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('erf(x) and erfc(x) (Cody 1969)', () => {
  it('erf(x) agrees with SciPy to 1e-15 relative, far below the 1e-7 the donut needs', () => {
    for (const [x, expected] of SCIPY) expect(relativeError(erf(x), expected), `erf(${x})`).toBeLessThan(1e-15);
  });

  it('erfc(x) keeps its relative accuracy in the tail (no cancellation), down to 1e-296', () => {
    for (const [x, , expected] of SCIPY) expect(relativeError(erfc(x), expected), `erfc(${x})`).toBeLessThan(1e-14);
  });

  it('erf is odd and erfc(-x) = 2 - erfc(x)', () => {
    for (const [x] of SCIPY) {
      expect(erf(-x)).toBe(-erf(x));
      expect(erfc(-x)).toBe(2 - erfc(x));
    }
  });

  it('has the limits erf(0) = 0, erf(+-Infinity) = +-1, erfc(Infinity) = 0, and keeps NaN', () => {
    expect(erf(0)).toBe(0);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
  });
});
