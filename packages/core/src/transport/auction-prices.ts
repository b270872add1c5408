/**
 * Column prices p for the square assignment problem on C (row-major n x n, finite) by Bertsekas'
 * forward auction with epsilon scaling (Bertsekas 1988, "The auction algorithm: a distributed
 * relaxation method for the assignment problem"; Bertsekas and Castanon 1991 for the scaling),
 * in its minimising form: an unassigned row i bids for the column j* minimising C_ij + p_j,
 * raising p_j* by (second best - best) + epsilon and taking it from its owner. Each phase ends
 * with every row assigned and in epsilon-complementary slackness,
 *
 *   C_{i, j(i)} + p_{j(i)} <= min_j (C_ij + p_j) + epsilon,
 *
 * so the phase's assignment is within n epsilon of the optimum. Epsilon starts at (max C - min C)
 * / `theta` and is divided by `theta` each phase (prices kept, assignment restarted) down to
 * `epsilonFinal` > 0. Only the prices are returned: `shortestAugmentingPaths` turns them into the
 * exact optimum, with augmenting paths that are short because the prices are already nearly
 * optimal duals.
 */
export function auctionPrices(cost: Float64Array, n: number, epsilonFinal: number, theta: number): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const c of cost) {
    if (c < min) min = c;
    if (c > max) max = c;
  }
  const price = new Float64Array(n);
  if (max - min === 0) return price;
  const owner = new Int32Array(n);
  const queue = new Int32Array(n);
  for (let epsilon = Math.max((max - min) / theta, epsilonFinal); ; epsilon = Math.max(epsilon / theta, epsilonFinal)) {
    owner.fill(-1);
    for (let i = 0; i < n; i++) queue[i] = i;
    // The unassigned rows, a ring buffer: `count` of them from `head`.
    let head = 0;
    let count = n;
    while (count > 0) {
      const i = queue[head];
      head = head + 1 === n ? 0 : head + 1;
      count--;
      const row = i * n;
      let best = Number.POSITIVE_INFINITY;
      let second = Number.POSITIVE_INFINITY;
      let bestColumn = 0;
      for (let j = 0; j < n; j++) {
        const w = cost[row + j] + price[j];
        if (w < second) {
          if (w < best) {
            second = best;
            best = w;
            bestColumn = j;
          } else second = w;
        }
      }
      // n = 1 has no second best: any raise keeps the one column the best.
      price[bestColumn] += (second === Number.POSITIVE_INFINITY ? 0 : second - best) + epsilon;
      const outbid = owner[bestColumn];
      owner[bestColumn] = i;
      if (outbid >= 0) {
        queue[(head + count) % n] = outbid;
        count++;
      }
    }
    if (epsilon <= epsilonFinal) return price;
  }
}
