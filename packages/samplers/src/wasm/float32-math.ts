const f = Math.fround;
const bits = new Uint32Array(1);
const float = new Float32Array(bits.buffer);

/** Cephes' expf constants (Moshier 1989), in float32 as the kernel holds them. */
const EXP = {
  log2e: f(Math.LOG2E),
  /** 1.5 2^23 + 127: adding it rounds to an integer n and leaves n + 127 in the low bits. */
  shift: 12583039,
  c1: f(0.693359375),
  c2: f(-2.1219444e-4),
  p: [f(5.0000001201e-1), f(1.6666665459e-1), f(4.1665795894e-2), f(8.3334519073e-3), f(1.3981999507e-3), f(1.9875691500e-4)],
} as const;

/**
 * exp(x) in float32, operation for operation as the float32 kernel's `$exp` (Cephes' expf with x
 * clamped to [-50, 50]; Cody and Waite's split of ln 2): `Math.fround` after every operation gives
 * float32's results exactly.
 */
export function expF32(x: number): number {
  const clamped = Math.max(Math.min(x, 50), -50);
  const y = f(f(clamped * EXP.log2e) + EXP.shift);
  const n = f(y - EXP.shift);
  const r = f(f(clamped - f(n * EXP.c1)) - f(n * EXP.c2));
  float[0] = y;
  bits[0] <<= 23;
  const twoToN = float[0];
  const { p } = EXP;
  let q = f(f(p[5] * r) + p[4]);
  q = f(f(q * r) + p[3]);
  q = f(f(q * r) + p[2]);
  q = f(f(q * r) + p[1]);
  q = f(f(q * r) + p[0]);
  return f(f(f(f(q * f(r * r)) + r) + 1) * twoToN);
}

const LN = { sqrt2: f(Math.SQRT2), ln2: f(Math.LN2), series: [f(1 / 9), f(1 / 7), f(0.2), f(1 / 3)] } as const;

/**
 * ln u for u > 0 in float32, operation for operation as the float32 kernel's `$ln`: u = m 2^e
 * with m in [sqrt(1/2), sqrt(2)], ln u = e ln 2 + 2 atanh(s), s = (m - 1) / (m + 1), the series to
 * s^9.
 */
export function lnF32(u: number): number {
  float[0] = u;
  let e = (bits[0] >>> 23) - 127;
  bits[0] = (bits[0] & 0x007fffff) | 0x3f800000;
  let m = float[0];
  if (m > LN.sqrt2) {
    m = f(m * 0.5);
    e += 1;
  }
  const s = f(f(m - 1) / f(m + 1));
  const s2 = f(s * s);
  let series = f(f(s2 * LN.series[0]) + LN.series[1]);
  series = f(f(s2 * series) + LN.series[2]);
  series = f(f(s2 * series) + LN.series[3]);
  series = f(f(s2 * series) + 1);
  return f(f(e * LN.ln2) + f(f(s + s) * series));
}
