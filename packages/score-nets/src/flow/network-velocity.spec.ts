import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { expectDivergence } from '../testing/differenced-divergence.js';
import { networkVelocity } from './network-velocity.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('networkVelocity', () => {
  for (const dim of [2, 3]) {
    // silu (the default): smooth, so central differences converge (selu's kink at 0 spoils them).
    it(`networkVelocity(network).divergence is the trace of the velocity's Jacobian by finite differences, exactly and along a probe (dim ${dim})`, async () => {
      const network = mlpScoreNetwork({ dim, width: 32, depth: 2, seed: 4, output: 'velocity' });
      const model = networkVelocity(network);
      for (const t of [0.1, 0.7]) await expectDivergence((x, at, out) => model.velocity(x, at, out), model.divergence!, dim, t);
      network.dispose();
    });
  }

  it('refuses a network that predicts no velocity', () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, depth: 1, seed: 0, output: 'eps' });
    expect(() => networkVelocity(network)).toThrow(/must predict a velocity \(output 'velocity'\), got 'eps'/);
    network.dispose();
  });
});
