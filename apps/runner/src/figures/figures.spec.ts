import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { readGifInfo } from '@scoreflow/viz';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../cli/commands.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';

const quiet = quietIo;

const base = {
  name: 'figures',
  seed: 1,
  particles: 2000,
  batchSize: 700,
  sde: { type: 'brownian', g: 1, T: 20 },
  source: { type: 'prior' },
  pipeline: [
    { type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 40, grid: { type: 'geometric' }, snapshotEvery: 10 },
  ],
  reference: { type: 'gaussian-mixture', preset: 'double-gaussian' },
  metrics: [{ type: 'sliced-wasserstein' }, { type: 'moments' }],
  measure: { particles: 1000, referenceParticles: 1000 },
};

function workspace(config: object): { dir: string; file: string; out: string } {
  const { dir, file } = configWorkspace(config);
  return { dir, file, out: join(dir, 'out') };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('scoreflow run with figures', () => {
  it('writes every figure, of the sizes asked, lists them in metrics.json and prints their paths', async () => {
    const { file, out } = workspace({
      ...base,
      figures: [
        { type: 'snapshot', file: 'final.png', reference: true, width: 640, height: 320, highlight: 3 },
        { type: 'snapshot', file: 'under.png', step: 20, reference: true, layout: 'under' },
        { type: 'animation', file: 'reverse.gif', width: 200, height: 160, particles: 500 },
        { type: 'paths', file: 'paths.png', particles: 5 },
        { type: 'metrics', file: 'metrics.png', x: 'step' },
        { type: 'density', file: 'score.png', reference: true, score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, t: 1, arrows: 12 },
      ],
    });
    const { lines, io } = quiet();
    expect(await runCommand(file, { out }, io)).toBe(0);
    expect(pngSize(join(out, 'final.png'))).toEqual([640, 320]);
    expect(pngSize(join(out, 'under.png'))).toEqual([480, 480]);
    expect(pngSize(join(out, 'paths.png'))).toEqual([480, 480]);
    expect(pngSize(join(out, 'score.png'))).toEqual([560, 480]);
    const [width] = pngSize(join(out, 'metrics.png'));
    expect(width).toBeGreaterThan(300);
    // Snapshots at steps 0, 10, 20, 30, 40: five frames.
    expect(readGifInfo(readFileSync(join(out, 'reverse.gif')))).toMatchObject({ width: 200, height: 160, frames: 5 });
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics.figures).toEqual([
      { type: 'snapshot', file: 'final.png', written: true, width: 640, height: 320 },
      { type: 'snapshot', file: 'under.png', written: true, width: 480, height: 480 },
      { type: 'animation', file: 'reverse.gif', written: true, width: 200, height: 160, frames: 5 },
      { type: 'paths', file: 'paths.png', written: true, width: 480, height: 480 },
      expect.objectContaining({ type: 'metrics', file: 'metrics.png', written: true }),
      { type: 'density', file: 'score.png', written: true, width: 560, height: 480 },
    ]);
    expect(lines).toContain(`figure: ${join(out, 'final.png')}`);
    const resolved = JSON.parse(readFileSync(join(out, 'config.resolved.json'), 'utf8'));
    expect(resolved.figures[0]).toMatchObject({ type: 'snapshot', step: 'last', particles: 20_000, layout: 'beside' });
    expect(resolved.figures[5].score).toMatchObject({ type: 'gaussian-mixture', preset: 'double-gaussian' });
  });

  it('draws an MCMC chain over its target and its trace', async () => {
    const { file, out } = workspace({
      name: 'chain',
      particles: 3,
      source: { type: 'gaussian' },
      pipeline: [{ type: 'hmc', target: { type: 'banana' }, warmup: 20, steps: 30, includeWarmup: true }],
      figures: [
        { type: 'paths', file: 'chain.png', particles: 1, density: { type: 'banana' }, end: true },
        { type: 'trace', file: 'trace.png', chains: 3, coordinates: 2, width: 500, height: 300 },
      ],
    });
    expect(await runCommand(file, { out }, quiet().io)).toBe(0);
    expect(pngSize(join(out, 'chain.png'))).toEqual([480, 480]);
    expect(pngSize(join(out, 'trace.png'))).toEqual([500, 300]);
  });

  it('draws image data as a grid, the source itself when the pipeline is empty', async () => {
    const { file, out } = workspace({
      name: 'images',
      dim: 16,
      particles: 10,
      source: { type: 'gaussian', dim: 16, std: 0.5 },
      figures: [{ type: 'images', file: 'images.png', count: 9, width: 120, height: 120 }],
    });
    expect(await runCommand(file, { out }, quiet().io)).toBe(0);
    expect(pngSize(join(out, 'images.png'))).toEqual([120, 120]);
    const notSquare = workspace({ name: 'bad', dim: 12, source: { type: 'gaussian', dim: 12 }, figures: [{ type: 'images', file: 'a.png' }] });
    await expect(runCommand(notSquare.file, { out: notSquare.out }, quiet().io)).rejects.toThrow(/figures\.0\.shape: is needed: the dimension 12 is not a square/);
  });

  it('records a figure with nothing to draw instead of failing the run', async () => {
    const { file, out } = workspace({ ...base, figures: [{ type: 'snapshot', file: 'never.png', step: 5 }] });
    const { lines, io } = quiet();
    expect(await runCommand(file, { out }, io)).toBe(0);
    expect(existsSync(join(out, 'never.png'))).toBe(false);
    const [record] = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).figures;
    expect(record).toEqual({ type: 'snapshot', file: 'never.png', written: false, note: 'no snapshot of stage 1 (euler-maruyama) at step 5 was finished' });
    expect(lines.join('\n')).toMatch(/figure never\.png not written: no snapshot/);
  });

  it('still writes its figures, of what was finished, when interrupted', async () => {
    const long = { ...base, pipeline: [{ ...base.pipeline[0], steps: 1_000_000, snapshotEvery: 200 }] };
    const { file, out } = workspace({
      ...long,
      figures: [
        { type: 'snapshot', file: 'last.png', reference: true },
        { type: 'animation', file: 'so-far.gif', particles: 500, width: 160, height: 160 },
        { type: 'paths', file: 'paths.png', particles: 3 },
      ],
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    expect(await runCommand(file, { out, signal: controller.signal }, quiet().io)).toBe(130);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics.status).toBe('interrupted');
    expect(metrics.figures.map((figure: { written: boolean }) => figure.written)).toEqual([true, true, true]);
    expect(pngSize(join(out, 'last.png'))).toEqual([960, 480]);
    expect(readGifInfo(readFileSync(join(out, 'so-far.gif'))).frames).toBeGreaterThanOrEqual(1);
  });
});

describe('figure config errors', () => {
  const errorOf = async (figures: object[], config: object = base) => {
    const { file, out } = workspace({ ...config, figures });
    const error = await runCommand(file, { out }, quiet().io).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(existsSync(out)).toBe(false); // nothing written
    return error!.message;
  };

  it('names the field of a bad option, with what is allowed', async () => {
    expect(await errorOf([{ type: 'animation', file: 'a.gif', particles: 0 }])).toMatch(/figures\.0\.particles: .*>=1.*got 0/);
    expect(await errorOf([{ type: 'snapshot', file: 'a.png', step: 'first' }])).toMatch(/figures\.0\.step: expected "last" or a step number, got "first"/);
    expect(await errorOf([{ type: 'snapshot', file: 'a.gif' }])).toMatch(/figures\.0\.file: .*ending in \.png/);
    expect(await errorOf([{ type: 'snapshot', file: 'a.png', layout: 'over' }])).toMatch(/figures\.0\.layout: .*"beside".*"under"/);
    expect(await errorOf([{ type: 'snapshot', file: 'a.png', colour: 'red' }])).toMatch(/figures\.0\.colour: .*"auto"/);
    expect(await errorOf([{ type: 'density', file: 'a.png', map: 'rainbow' }])).toMatch(/figures\.0\.map: .*"viridis"/);
    expect(await errorOf([{ type: 'metrics', file: 'a.png', bogus: 1 }])).toMatch(/figures\.0: Unrecognized key: "bogus"/);
  });

  it('names an unknown figure type and lists the types', async () => {
    expect(await errorOf([{ type: 'movie', file: 'a.gif' }])).toMatch(/figures\.0\.type: unknown figure type; figure types: snapshot, animation, paths, metrics, trace, density, images/);
  });

  it('checks figures against the run: stage, reference, metrics, file names, nested plugins', async () => {
    expect(await errorOf([{ type: 'paths', file: 'a.png', stage: 1 }])).toMatch(/figures\.0\.stage: is 1, but the pipeline has 1 stage \(stage 0\)/);
    const { reference: _reference, metrics: _metrics, ...bare } = base;
    expect(await errorOf([{ type: 'snapshot', file: 'a.png', reference: true }, { type: 'metrics', file: 'm.png' }], bare)).toMatch(
      /figures\.0\.reference: needs a reference data source[\s\S]*figures\.1\.type: a metrics figure needs metrics/,
    );
    expect(await errorOf([{ type: 'paths', file: 'a.png' }, { type: 'metrics', file: 'a.png' }])).toMatch(/figures\.1\.file: 'a\.png' is also written by figures\.0/);
    expect(await errorOf([{ type: 'paths', file: 'a.png', density: { type: 'banana', scale: -1 } }])).toMatch(/figures\.0\.density\.scale: /);
    expect(await errorOf([{ type: 'density', file: 'a.png', score: { type: 'gaussian-mixture', preset: 'triple' } }])).toMatch(/figures\.0\.score\.preset: /);
    expect(await errorOf([{ type: 'density', file: 'a.png' }])).toMatch(/figures\.0\.type: a density figure needs a target, a score or reference: true/);
  });
});
