import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import {
  type GaussianMixture,
  MIXTURE_PRESETS,
  createRunContext,
  diffuseMixture,
  watchStats,
} from '@scoreflow/core';
import { gaussianMixtureSource } from '@scoreflow/data-sources';
import { slicedWasserstein } from '@scoreflow/metrics';
import type { BenchResult } from '../measure.js';
import { defaultMmd } from './default-mmd.js';
import { samplePositions } from './sample-positions.js';
import { SAMPLER_SWEEPS, type SamplerSweep } from './sampler-sweeps.js';

const registry = createBrowserRegistry();
const particles = 10_000;
const targets = ['double-gaussian', 'eight-gaussians'] as const;
/** Each point is the mean over these seeds: sliced W2 of 10,000 samples moves by about its own size from seed to seed. */
const seeds = [1, 2, 3] as const;

/** An exact sample of `mixture` diffused to time t of the SDE (the law a sampler ending at t targets). */
async function exactSample(mixture: GaussianMixture, mean: number, std: number, seed: number): Promise<Float32Array> {
  const run = createRunContext({ name: 'reference', seed, dim: 2, particles });
  return samplePositions(gaussianMixtureSource(diffuseMixture(mixture, mean, std)).sample(run));
}

/** The metrics between independent exact samples: mean and standard deviation over pairs. */
interface Floor {
  readonly sw2: number;
  readonly sw2Spread: number;
  readonly mmd2: number;
  readonly mmd2Spread: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const spread = (values: readonly number[]) => Math.sqrt(values.reduce((sum, value) => sum + (value - mean(values)) ** 2, 0) / (values.length - 1));

/** One row of the quality table. */
export interface QualityRow {
  readonly target: string;
  readonly sampler: string;
  readonly setting: string;
  readonly nfe: number;
  readonly sw2: number;
  readonly mmd2: number;
  /** The MMD bandwidths (median distance of each seed's reference rows) and the rows MMD^2 used. */
  readonly mmdBandwidths: readonly number[];
  readonly mmdRows: number;
  readonly mmdReferenceRows: number;
  readonly seconds: number;
}

async function runSweep(sweep: SamplerSweep, target: (typeof targets)[number], references: readonly Float32Array[]): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  for (const point of sweep.points) {
    let sw2 = 0;
    let mmd = 0;
    let nfe = 0;
    let seconds = 0;
    const mmdBandwidths: number[] = [];
    let mmdRows = 0;
    let mmdReferenceRows = 0;
    for (const [index, seed] of seeds.entries()) {
      const run = createRunContext({ name: 'quality', seed, dim: 2, particles, batchSize: 10_000 });
      const sde = registry.create('sde', sweep.sde, { run, path: 'sde' });
      const source = registry.create('data-source', { type: 'prior' }, { run, sde, path: 'source' });
      const stage = registry.create(
        'stage',
        { type: sweep.type, score: { type: 'gaussian-mixture', preset: target }, grid: sweep.grid, tEnd: sweep.tEnd, includeInitial: false, ...point.options, snapshotEvery: 1_000_000 },
        { run, sde, path: 'pipeline.0' },
      );
      const stats = watchStats(stage.stats);
      const started = performance.now();
      const x = await samplePositions(source.sample(run).pipe(stage));
      stats.unsubscribe();
      seconds += (performance.now() - started) / 1000 / seeds.length;
      sw2 += slicedWasserstein(x, references[index], 2) / seeds.length;
      const measured = defaultMmd(x, references[index], 2);
      mmd += measured.mmd2 / seeds.length;
      mmdBandwidths.push(measured.bandwidth);
      ({ rows: mmdRows, referenceRows: mmdReferenceRows } = measured);
      nfe += (stats.summary().nfe?.mean ?? Number.NaN) / seeds.length;
    }
    rows.push({ target, sampler: sweep.type, setting: point.label, nfe, sw2, mmd2: mmd, mmdBandwidths, mmdRows, mmdReferenceRows, seconds });
  }
  return rows;
}

/**
 * Sample quality against NFE for every sampler: sliced W2 of 10,000 samples against 10,000 exact
 * samples of the target at the sampler's end time, and MMD^2 as `{ type: mmd }` reports it
 * (`defaultMmd`: h the median distance of the reference rows, 2000 strided rows of each), on the double
 * Gaussian and on eight Gaussians on a ring, each point the mean over three seeds. The noise
 * floor is the same metrics between independent exact samples (mean and spread over five pairs). Writes the table into docs/samplers.md.
 */
export async function samplerQuality(): Promise<BenchResult> {
  const rows: QualityRow[] = [];
  const floors: Record<string, Floor> = {};
  for (const target of targets) {
    const mixture = MIXTURE_PRESETS[target]();
    // Every sweep ends at t = 1e-3 of the VP SDE or an SDE with the same s(t)/m(t) there; the
    // reference is drawn at the end time of each sweep's SDE.
    for (const sweep of SAMPLER_SWEEPS) {
      const run = createRunContext({ name: 'probe', dim: 2 });
      const sde = registry.create('sde', sweep.sde, { run, path: 'sde' });
      const { mean, std } = sde.marginal(sweep.tEnd);
      const references = await Promise.all(seeds.map((seed) => exactSample(mixture, mean, std, 1000 + seed)));
      rows.push(...(await runSweep(sweep, target, references)));
    }
    // The floor: the same metrics between independent exact samples, mean and spread over pairs.
    const pairs = await Promise.all([0, 1, 2, 3, 4].map(async (pair) => [await exactSample(mixture, 1, 0, 2000 + pair), await exactSample(mixture, 1, 0, 3000 + pair)]));
    const sw2s = pairs.map(([a, b]) => slicedWasserstein(a, b, 2));
    const mmds = pairs.map(([a, b]) => defaultMmd(a, b, 2).mmd2);
    floors[target] = { sw2: mean(sw2s), sw2Spread: spread(sw2s), mmd2: mean(mmds), mmd2Spread: spread(mmds) };
  }
  writeQualityDoc(rows, floors);
  return {
    bench: 'sample quality against NFE',
    description: `every sampler, ${particles.toLocaleString('en')} particles, exact mixture score; full table in docs/samplers.md`,
    values: targets.flatMap((target) => [
      { name: `${target}: noise floor sliced W2 (mean of 5 exact pairs)`, value: floors[target].sw2, unit: '' },
      ...bestAtNfe(rows, target, 20).map((row) => ({ name: `${target}: ${row.sampler} ${row.setting} (NFE ${row.nfe}) sliced W2`, value: row.sw2, unit: '' })),
    ]),
  };
}

/** The best row of each sampler at NFE <= `budget`. */
function bestAtNfe(rows: readonly QualityRow[], target: string, budget: number): QualityRow[] {
  const best = new Map<string, QualityRow>();
  for (const row of rows) {
    if (row.target !== target || !(row.nfe <= budget)) continue;
    const current = best.get(row.sampler);
    if (current === undefined || row.sw2 < current.sw2) best.set(row.sampler, row);
  }
  return [...best.values()].sort((a, b) => a.sw2 - b.sw2);
}

const START = '<!-- quality-table:start -->';
const END = '<!-- quality-table:end -->';

function writeQualityDoc(rows: readonly QualityRow[], floors: Record<string, Floor>): void {
  const path = resolve(import.meta.dirname, '../../../../docs/samplers.md');
  const text = readFileSync(path, 'utf8');
  const f = (value: number) => (Math.abs(value) < 1e-3 ? value.toExponential(1) : value.toFixed(4));
  const tables = targets.map((target) => {
    const measured = rows.filter((row) => row.target === target);
    const bandwidths = measured.flatMap((row) => row.mmdBandwidths);
    const used = [...new Set(measured.map((row) => `${row.mmdRows.toLocaleString('en')} of ${particles.toLocaleString('en')} vs ${row.mmdReferenceRows.toLocaleString('en')} of ${particles.toLocaleString('en')}`))].join(', ');
    return [
      `#### ${target} (noise floor: sliced W2 ${f(floors[target].sw2)} ± ${f(floors[target].sw2Spread)}, MMD² ${f(floors[target].mmd2)} ± ${f(floors[target].mmd2Spread)})`,
      '',
      `Mean over ${seeds.length} seeds; ✓ marks a point within the noise floor (sliced W2 below floor + 2 spreads). ` +
        `MMD² is the \`mmd\` metric with its defaults: RBF kernel with h = ${Math.min(...bandwidths).toFixed(3)}-${Math.max(...bandwidths).toFixed(3)} ` +
        `(the median pairwise distance of each reference's rows), on ${used} rows (evenly strided).`,
      '',
      '| sampler | setting | NFE | sliced W2 | MMD² | seconds | |',
      '|---|---|---:|---:|---:|---:|---|',
      ...measured.map((row) => `| ${row.sampler} | ${row.setting} | ${Number.isInteger(row.nfe) ? row.nfe : row.nfe.toFixed(1)} | ${f(row.sw2)} | ${f(row.mmd2)} | ${row.seconds.toFixed(2)} | ${row.sw2 <= floors[target].sw2 + 2 * floors[target].sw2Spread ? '✓' : ''} |`),
    ].join('\n');
  });
  const block = [START, '', ...tables.flatMap((table) => [table, '']), END].join('\n');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`docs/samplers.md lacks the ${START} ... ${END} markers.`);
  writeFileSync(path, text.slice(0, start) + block + text.slice(end + END.length));
}
