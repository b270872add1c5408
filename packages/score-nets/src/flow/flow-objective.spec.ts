import { describe, expect, it } from 'vitest';
import { objectiveRecipe } from './flow-objective.js';

describe('objectiveRecipe(objective, sigma, reg)', () => {
  it("gives SB-CFM Sinkhorn's reg 2 sigma^2 by default and the reg asked for otherwise", () => {
    expect(objectiveRecipe('sbcfm', 0.5).coupling).toEqual({ method: 'sinkhorn', reg: 0.5 });
    expect(objectiveRecipe('sbcfm', 0.5, 0.02).coupling).toEqual({ method: 'sinkhorn', reg: 0.02 });
    expect(objectiveRecipe('otcfm', 0.1).coupling).toEqual({ method: 'exact' });
  });

  it('refuses reg for another objective than sbcfm, and a reg that is not > 0', () => {
    expect(() => objectiveRecipe('otcfm', 0.1, 1)).toThrow(/'reg' \(Sinkhorn's regularisation\) applies to the sbcfm objective only, got it with 'otcfm'/);
    expect(() => objectiveRecipe('sbcfm', 1, 0)).toThrow(/'reg' must be a finite number > 0, got 0/);
    expect(() => objectiveRecipe('sbcfm', 1, Number.POSITIVE_INFINITY)).toThrow(/'reg' must be a finite number > 0/);
  });
});
