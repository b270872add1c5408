import { type SoftmaxState, expNonPositive, mergeMax } from './streaming-softmax.js';

/**
 * `accumulateGeneric` for dim = 2, two particles at a time: each centre is loaded once for both, and
 * the two particles' sums form independent dependency chains (the loop is bound by the latency of
 * its additions); about 15% faster than one particle at a time. The same arithmetic, in the same
 * order per particle, as `accumulateGeneric`, except that it adds the terms below exp(-80) of the
 * largest (as exp(-80)) instead of skipping them: a branch there would be mispredicted at
 * moderate s, and in 2-D it saves only two multiply-adds.
 */
export function accumulatePlane(state: SoftmaxState, x: Float32Array, centres: Float64Array, first: number, end: number, negHalfPrecision: number): void {
  const { logits, logitsPair } = state;
  const n = x.length >> 1;
  const c0 = 2 * first;
  const count = end - first;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a0 = x[2 * i];
    const a1 = x[2 * i + 1];
    const b0 = x[2 * i + 2];
    const b1 = x[2 * i + 3];
    let maxA = Number.NEGATIVE_INFINITY;
    let maxB = Number.NEGATIVE_INFINITY;
    for (let k = 0, c = c0; k < count; k++, c += 2) {
      const y0 = centres[c];
      const y1 = centres[c + 1];
      const da0 = a0 - y0;
      const da1 = a1 - y1;
      const db0 = b0 - y0;
      const db1 = b1 - y1;
      const la = (da0 * da0 + da1 * da1) * negHalfPrecision;
      const lb = (db0 * db0 + db1 * db1) * negHalfPrecision;
      logits[k] = la;
      logitsPair[k] = lb;
      if (la > maxA) maxA = la;
      if (lb > maxB) maxB = lb;
    }
    const foldA = mergeMax(state, i, maxA);
    const foldB = mergeMax(state, i + 1, maxB);
    if (foldA && foldB) foldPair(state, i, centres, c0, count);
    else if (foldA) foldOne(state, i, logits, centres, c0, count);
    else if (foldB) foldOne(state, i + 1, logitsPair, centres, c0, count);
  }
  if (i < n) {
    const a0 = x[2 * i];
    const a1 = x[2 * i + 1];
    let maxA = Number.NEGATIVE_INFINITY;
    for (let k = 0, c = c0; k < count; k++, c += 2) {
      const da0 = a0 - centres[c];
      const da1 = a1 - centres[c + 1];
      const la = (da0 * da0 + da1 * da1) * negHalfPrecision;
      logits[k] = la;
      if (la > maxA) maxA = la;
    }
    if (mergeMax(state, i, maxA)) foldOne(state, i, logits, centres, c0, count);
  }
}

/** Adds the chunk's terms exp(l_k - M_i) and exp(l_k - M_i) c_k to S_i and W_i of particle i. */
function foldOne(state: SoftmaxState, i: number, logits: Float64Array, centres: Float64Array, c0: number, count: number): void {
  const { maxes, sums, weighted } = state;
  const max = maxes[i];
  let sum = sums[i];
  let w0 = weighted[2 * i];
  let w1 = weighted[2 * i + 1];
  for (let k = 0, c = c0; k < count; k++, c += 2) {
    const e = expNonPositive(logits[k] - max);
    sum += e;
    w0 += e * centres[c];
    w1 += e * centres[c + 1];
  }
  sums[i] = sum;
  weighted[2 * i] = w0;
  weighted[2 * i + 1] = w1;
}

/** `foldOne` for particles i (logits) and i + 1 (logitsPair) in one loop. */
function foldPair(state: SoftmaxState, i: number, centres: Float64Array, c0: number, count: number): void {
  const { maxes, sums, weighted, logits, logitsPair } = state;
  const maxA = maxes[i];
  const maxB = maxes[i + 1];
  let sumA = sums[i];
  let sumB = sums[i + 1];
  let wa0 = weighted[2 * i];
  let wa1 = weighted[2 * i + 1];
  let wb0 = weighted[2 * i + 2];
  let wb1 = weighted[2 * i + 3];
  for (let k = 0, c = c0; k < count; k++, c += 2) {
    const y0 = centres[c];
    const y1 = centres[c + 1];
    const ea = expNonPositive(logits[k] - maxA);
    const eb = expNonPositive(logitsPair[k] - maxB);
    sumA += ea;
    wa0 += ea * y0;
    wa1 += ea * y1;
    sumB += eb;
    wb0 += eb * y0;
    wb1 += eb * y1;
  }
  sums[i] = sumA;
  sums[i + 1] = sumB;
  weighted[2 * i] = wa0;
  weighted[2 * i + 1] = wa1;
  weighted[2 * i + 2] = wb0;
  weighted[2 * i + 3] = wb1;
}
