import { MIXTURE_PRESETS, type ScoreModel, createRunContext } from '@scoreflow/core';
import { gaussianMixtureSource } from '@scoreflow/data-sources';
import { mixtureScore } from '@scoreflow/score-models';
import { vp } from '@scoreflow/sdes';
import { describe, expect, it } from 'vitest';
import { scoreError } from './score-error.js';

describe('scoreError(learned, exact, data, sde, options)', () => {
  const mixture = MIXTURE_PRESETS['double-gaussian']();
  const sde = vp({ betaMin: 0.1, betaMax: 20 });
  const exact = mixtureScore(mixture, sde);
  const zero: ScoreModel = { name: 'zero', dim: 2, score: (_x, _t, out) => void out.fill(0) };
  const run = createRunContext({ name: 'score-error', seed: 3, dim: 2 });

  it('is 0 for the exact score and 1 for a zero score, at t = f T', async () => {
    const rows = await scoreError({ ema: exact, raw: zero }, exact, gaussianMixtureSource(mixture), sde, { particles: 500, fractions: [0.1, 1], run });
    expect(rows.map((row) => row.t)).toEqual([0.1, 1]);
    for (const row of rows) {
      expect(row.relativeMse).toBe(0);
      expect(row.relativeMseRaw).toBeCloseTo(1, 12);
      // At t = T = 1 the VP marginal is nearly N(0, I): E|score|^2 = dim.
      if (row.t === 1) expect(row.exactMeanSquare).toBeCloseTo(2, 0);
    }
  });
});
