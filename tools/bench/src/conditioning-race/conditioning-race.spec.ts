import { createBrowserRegistry } from '@scoreflow/catalogue';
import { describe, expect, it } from 'vitest';
import { CONDITIONING_END, CONDITIONING_START, conditioningTable } from './conditioning-doc.js';
import { conditioningFigure } from './conditioning-figure.js';
import type { ConditioningRow } from './conditioning-row.js';
import { raceConditions } from './conditions.js';
import { CONDITIONING_CONTESTANTS } from './contestants.js';
import { runCondition, upperShare } from './run-condition.js';

describe('the conditioning race', () => {
  it('raceConditions spans the gap: the exact upper-mode share rises from near 0 to near 1', () => {
    const shares = raceConditions(5).map(upperShare);
    expect(shares[0]).toBeLessThan(0.01);
    expect(shares[4]).toBeGreaterThan(0.99);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]);
  });

  it('every contestant runs through the registry and spends no more than its budget of evaluations per particle', async () => {
    const registry = createBrowserRegistry();
    const [c] = raceConditions(1);
    for (const contestant of CONDITIONING_CONTESTANTS) {
      const run = await runCondition(registry, c, contestant.source, contestant.stage(c, 20), 64, 0);
      expect(run.evaluations / 64, contestant.name).toBeLessThanOrEqual(20);
      expect(run.evaluations / 64, contestant.name).toBeGreaterThan(10);
      expect(run.ks).toBeGreaterThanOrEqual(0);
    }
  });

  it('writes one table row per contestant and budget between the markers, and a figure with every contestant', () => {
    const rows: ConditioningRow[] = [
      { contestant: 'mala chains', kind: 'mcmc', perParticle: 20, evaluations: 4e5, seconds: 0.5, ks: 0.49, shareError: 0.44 },
      { contestant: 'twisted smc', kind: 'diffusion', perParticle: 20, evaluations: 3.8e5, seconds: 0.2, ks: 0.1, shareError: 0.019 },
    ];
    const table = conditioningTable(rows, 20, 1000);
    expect(table.startsWith(CONDITIONING_START) && table.endsWith(CONDITIONING_END)).toBe(true);
    expect(table).toContain('| twisted smc | diffusion | 20 | 380,000 | 0.2 | 0.1 | 0.019 |');
    expect(table).toContain('mean KS distance of 0.0275');
    const svg = conditioningFigure(rows, 1000);
    expect(svg).toContain('mala chains');
    expect(svg).toContain('twisted smc');
  });
});
