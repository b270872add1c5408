import { type Stage, type VelocityModel, collectAll, createRng, makeParticleBatch, positionsOf, timesOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { flowEuler } from './flow-euler.js';
import { flowHeun } from './flow-heun.js';
import { flowRk45 } from './flow-rk45.js';
import { type FlowSamplerOptions, flowTimes } from './flow-sampler.js';

/** v(x, t) = (1 + t) J x, J the rotation by +90 degrees: the flow from 0 to 1 rotates by 1.5 radians. */
const rotation: VelocityModel = {
  name: 'rotation',
  dim: 2,
  velocity(x, t, out) {
    for (let i = 0; i < x.length; i += 2) {
      out[i] = -(1 + t) * x[i + 1];
      out[i + 1] = (1 + t) * x[i];
    }
  },
};

const n = 64;
const start = createRng(4).normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0, stream: 0 });
const batch = () => makeParticleBatch({ x: start.slice(), dim: 2, id: Uint32Array.from({ length: n }, (_, i) => i), step: 0, t: 0 });

/** The largest distance of the stage's final positions from the exact rotation by 1.5 radians. */
async function errorOf(sampler: (options: FlowSamplerOptions) => Stage, steps: number): Promise<number> {
  const out = await lastValueFrom(from([batch()]).pipe(sampler({ velocity: rotation, rng: createRng(0), times: flowTimes(steps), includeInitial: false, snapshotEvery: steps })));
  const x = positionsOf(out);
  const [c, s] = [Math.cos(1.5), Math.sin(1.5)];
  let worst = 0;
  for (let i = 0; i < 2 * n; i += 2) worst = Math.max(worst, Math.hypot(x[i] - (c * start[i] - s * start[i + 1]), x[i + 1] - (s * start[i] + c * start[i + 1])));
  return worst;
}

/** The log-log slope of the error against the step count, from the first to the last count. */
async function slopeOf(sampler: (options: FlowSamplerOptions) => Stage, counts: number[]): Promise<number> {
  const errors = await Promise.all(counts.map((steps) => errorOf(sampler, steps)));
  return Math.log(errors.at(-1)! / errors[0]) / Math.log(counts.at(-1)! / counts[0]);
}

describe('flow samplers: dx/dt = v(x, t) forward from t = 0 to 1', () => {
  it('flowEuler converges at first order (log-log slope in [-1.2, -0.8])', async () => {
    const slope = await slopeOf(flowEuler, [16, 32, 64, 128]);
    expect(slope).toBeGreaterThan(-1.2);
    expect(slope).toBeLessThan(-0.8);
  });

  it('flowHeun converges at second order (log-log slope in [-2.2, -1.8])', async () => {
    const slope = await slopeOf(flowHeun, [8, 16, 32, 64]);
    expect(slope).toBeGreaterThan(-2.2);
    expect(slope).toBeLessThan(-1.8);
  });

  it('flowRk45 meets its tolerance (error < 1e-4 at rtol = atol = 1e-5) with one snapshot interval', async () => {
    expect(await errorOf((options) => flowRk45({ ...options, rtol: 1e-5, atol: 1e-5 }), 1)).toBeLessThan(1e-4);
  });

  it('emits snapshots stamped with increasing flow times, describes itself as kind flow, counts NFE', async () => {
    let nfe = 0;
    const stage = flowHeun({ velocity: rotation, rng: createRng(0), times: flowTimes(4), onBatchDone: (stats) => (nfe = stats.nfe) });
    expect(stage.kind).toBe('flow');
    expect(stage.plan).toMatchObject({ steps: 4, scoreEvaluationsPerStep: 2 });
    const snapshots = await collectAll(from([batch()]).pipe(stage));
    expect(snapshots.map((s) => timesOf(s)[0])).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(nfe).toBe(8);
  });

  it('rejects decreasing times and a velocity model of another dimension', async () => {
    expect(() => flowEuler({ velocity: rotation, rng: createRng(0), times: Float64Array.of(1, 0) })).toThrow(/flow-euler: times must increase from a value >= 0 \(the flow runs forward\), got 1 then 0/);
    const stage = flowEuler({ velocity: { ...rotation, dim: 3 }, rng: createRng(0), times: flowTimes(2) });
    await expect(lastValueFrom(from([batch()]).pipe(stage))).rejects.toThrow(/dimension/);
    expect(() => flowTimes(0)).toThrow(/flowTimes: 'steps' must be an integer >= 1, got 0/);
  });
});
