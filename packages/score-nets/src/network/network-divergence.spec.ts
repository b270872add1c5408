import { beforeAll, describe, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { testVpSde } from '../testing/test-sde.js';
import { mlpScoreNetwork } from './mlp.js';
import { networkScore } from './network-score.js';
import { expectDivergence } from '../testing/differenced-divergence.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('networkDivergence', () => {
  for (const output of ['eps', 'score'] as const) {
    it(`networkScore(network, sde).divergence is the trace of the score's Jacobian by finite differences, exactly and along a probe (output ${output})`, async () => {
      const dim = 2;
      const sde = testVpSde();
      const network = mlpScoreNetwork({ dim, width: 32, depth: 2, seed: 3, output });
      const model = networkScore(network, sde);
      await expectDivergence((at, t, out) => model.score(at, t, out), model.divergence!, dim, 0.4);
      network.dispose();
    });
  }
});
