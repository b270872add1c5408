import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { kindOf } from './budget.js';
import { RACE_ORDER, readContestants } from './contestant.js';
import { describeContestant } from './run-contestant.js';

const dir = resolve(import.meta.dirname, '../../../../../apps/runner/configs/mcmc-vs-diffusion');
const TARGET = { type: 'gaussian-mixture', weights: [0.25, 0.75], means: [[-4, 0], [4, 0]], std: 0.5 };

describe('readContestants(apps/runner/configs/mcmc-vs-diffusion)', () => {
  const contestants = readContestants(dir);
  const registry = createBrowserRegistry();
  const kind = (c: (typeof contestants)[number]) => kindOf(c, describeContestant(registry, c));

  it('reads the six contestants in race order', () => {
    expect(contestants.map((c) => c.name)).toEqual([...RACE_ORDER]);
  });

  it('gives every contestant the same target: as MCMC target or score, and as reference', () => {
    for (const c of contestants) {
      expect(c.reference).toEqual(TARGET);
      expect(c.stage.target ?? c.stage.score).toEqual(TARGET);
    }
  });

  it('sets a top-level sde for the diffusion contestants only; MCMC starts from the broad N(0, 4^2 I)', () => {
    for (const c of contestants) {
      if (kind(c) === 'diffusion') {
        expect(c.sde).toEqual({ type: 'vp' });
        expect(c.particles).toBe(2000);
      } else {
        expect(c.sde).toBeUndefined();
        expect(c.source).toEqual({ type: 'gaussian', std: 4 });
      }
    }
    expect(contestants.map(kind)).toEqual(['parallel-mcmc', 'parallel-mcmc', 'parallel-mcmc', 'single-chain', 'diffusion', 'diffusion']);
  });
});
