/**
 * xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018):
 * 128 bits of state, 32-bit outputs with every bit usable. scoreflow seeds one per block of
 * particle ids and step from Philox4x32 (see `createRng`), so it only ever runs short streams.
 */
export class Xoshiro128 {
  /** State words; public so that hot loops can keep them in local variables (see `fillNormals`). */
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;

  /** Sets the state to the four words; an all-zero state (a fixed point) becomes (1, 0, 0, 0). */
  reset(w0: number, w1: number, w2: number, w3: number): this {
    this.s0 = w0 | 0;
    this.s1 = w1 | 0;
    this.s2 = w2 | 0;
    this.s3 = w3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    return this;
  }

  /** The next 32-bit output, as a uint32. */
  next(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
