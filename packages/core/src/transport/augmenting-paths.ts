/**
 * The exact solution of the square assignment problem on C (row-major n x n) from column
 * potentials v (read and updated in place): for each row in turn, a shortest augmenting path on the
 * reduced costs C_ij - v_j by Dijkstra's method, then the potentials of the columns it settled are
 * raised so that every assigned pair stays at its row's minimum reduced cost (Jonker and Volgenant
 * 1987, "A shortest augmenting path algorithm for dense and sparse linear assignment problems",
 * their augmentation phase; the Hungarian method's dual adjustment in Dijkstra form). Any starting
 * v gives the optimum (it is the row-by-row Hungarian method); good ones (`auctionPrices`) make the
 * paths short. Returns the column of each row.
 */
export function shortestAugmentingPaths(cost: Float64Array, n: number, v: Float64Array): Int32Array {
  const columnOf = new Int32Array(n).fill(-1);
  const rowOf = new Int32Array(n).fill(-1);
  /** Shortest reduced distance from the free row to each column. */
  const distance = new Float64Array(n);
  /** The row from which each column was last reached (the path's predecessor). */
  const predecessor = new Int32Array(n);
  /**
   * The columns, partitioned: [0, low) settled (scanned), [low, up) at the current minimum
   * distance `min` waiting to be scanned, [up, n) not yet at the minimum.
   */
  const columns = new Int32Array(n);
  for (let freeRow = 0; freeRow < n; freeRow++) {
    const freeOffset = freeRow * n;
    for (let j = 0; j < n; j++) {
      distance[j] = cost[freeOffset + j] - v[j];
      predecessor[j] = freeRow;
      columns[j] = j;
    }
    let low = 0;
    let up = 0;
    let lastSettled = -1;
    let min = 0;
    let end = -1;
    while (end < 0) {
      if (up === low) {
        // Gather the columns at the next smallest distance; an unassigned one ends the path.
        lastSettled = low - 1;
        min = distance[columns[up++]];
        for (let k = up; k < n; k++) {
          const j = columns[k];
          const d = distance[j];
          if (d <= min) {
            if (d < min) {
              up = low;
              min = d;
            }
            columns[k] = columns[up];
            columns[up++] = j;
          }
        }
        for (let k = low; k < up; k++) {
          if (rowOf[columns[k]] < 0) {
            end = columns[k];
            break;
          }
        }
        if (end >= 0) break;
      }
      // Scan the row assigned to the next column at distance `min`.
      const scanned = columns[low++];
      const i = rowOf[scanned];
      const offset = i * n;
      const shift = cost[offset + scanned] - v[scanned] - min;
      for (let k = up; k < n; k++) {
        const j = columns[k];
        const d = cost[offset + j] - v[j] - shift;
        if (d < distance[j]) {
          predecessor[j] = i;
          distance[j] = d;
          if (d === min) {
            if (rowOf[j] < 0) {
              end = j;
              break;
            }
            columns[k] = columns[up];
            columns[up++] = j;
          }
        }
      }
    }
    // Raise the settled columns' potentials, then flip the assignments along the path.
    for (let k = 0; k <= lastSettled; k++) {
      const j = columns[k];
      v[j] += distance[j] - min;
    }
    for (;;) {
      const i = predecessor[end];
      rowOf[end] = i;
      const next = columnOf[i];
      columnOf[i] = end;
      if (i === freeRow) break;
      end = next;
    }
  }
  return columnOf;
}
