import { describe, expect, it } from 'vitest';
import { linearObservation } from './linear-observation.js';
import { observationPseudoInverse } from './observation-pseudo-inverse.js';

describe('observationPseudoInverse(observation)', () => {
  it('is A^T for a selection of coordinates, and A A^+ = I for independent rows', () => {
    expect(Array.from(observationPseudoInverse(linearObservation({ A: [[0, 1, 0]], y: [2] })))).toEqual([0, 1, 0]);
    const observation = linearObservation({ A: [[1, 2, 0], [0, 1, -1]], y: [0, 0] });
    const pinv = observationPseudoInverse(observation);
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        let product = 0;
        for (let j = 0; j < 3; j++) product += observation.A[r * 3 + j] * pinv[j * 2 + c];
        expect(product).toBeCloseTo(r === c ? 1 : 0, 12);
      }
    }
  });
});
