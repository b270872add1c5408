import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { categoricalColour, readGifInfo, rgbOf } from '@scoreflow/viz';
import { readImage } from '@scoreflow/viz/node';
import { describe, expect, it } from 'vitest';
import { runCommand, validateCommand } from '../cli/commands.js';
import { configWorkspace as workspace, quietIo as quiet } from '../testing/cli-harness.js';
import { measuredReverseRun } from '../testing/prior-run.js';
import { countPixels, isInk, near } from '../testing/figure-pixels.js';

const base = measuredReverseRun('figures', 1, 2000, 700, 40, 10);

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
    expect(record).toEqual({ type: 'snapshot', file: 'never.png', written: false, note: 'no snapshot of stage 0 (euler-maruyama) at step 5 was finished' });
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

describe('figures that would mislead or stay empty', () => {
  const chainConfig = (thin: number) => ({
    name: 'chains',
    particles: 4,
    source: { type: 'gaussian', std: 3 },
    pipeline: [{ type: 'hmc', target: { type: 'banana' }, warmup: 10, steps: 30, thin }],
    figures: [{ type: 'trace', file: 'trace.png', chains: 4, coordinates: 1, width: 400, height: 260 }],
  });
  const chainColours = [0, 1, 2, 3].map((k) => near(rgbOf(categoricalColour(k)), 12));
  const anyChain = (r: number, g: number, b: number) => chainColours.some((match) => match(r, g, b));

  it('warns before running when a trace gets one snapshot, then draws each chain as a dot and notes it', async () => {
    const { file, out } = workspace(chainConfig(30));
    const { lines, io } = quiet();
    expect(await runCommand(file, { out }, io)).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(/warning: figures\.0 \(trace\.png\): stage 0 \(hmc\) emits one snapshot per chain \(iteration 30: steps 30, thin 30\), so the trace shows each chain as a dot\. Set pipeline\.0\.thin below steps/);
    // The warning comes before the run's output.
    expect(text.indexOf('warning: figures.0')).toBeLessThan(text.indexOf('output:'));
    const [record] = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).figures;
    expect(record).toMatchObject({ written: true, note: 'one snapshot (iteration 30): each chain is drawn as a dot' });
    expect(text).toContain('warning: figure trace.png: one snapshot (iteration 30): each chain is drawn as a dot');
    // validate says it too, and the config stays valid.
    const checked = quiet();
    expect(validateCommand(file, {}, checked.io)).toBe(0);
    expect(checked.lines.join('\n')).toMatch(/warning: figures\.0 \(trace\.png\): stage 0 \(hmc\) emits one snapshot per chain/);
    // The one iteration sits mid-axis: the chains' dots are in a strip down the middle.
    const image = await readImage(join(out, 'trace.png'));
    expect(countPixels(image, { x: 200 + 28 - 8, y: 50, width: 16, height: 170 }, anyChain)).toBeGreaterThan(15);
  });

  it('draws the chain legend in a row of its own, over no trace', async () => {
    const { file, out } = workspace(chainConfig(1));
    const { lines, io } = quiet();
    expect(await runCommand(file, { out }, io)).toBe(0);
    expect(lines.join('\n')).not.toMatch(/warning/);
    const image = await readImage(join(out, 'trace.png'));
    // Under the title (30 px), the legend row (20 px): the four chains' line samples.
    expect(countPixels(image, { x: 0, y: 30, width: 400, height: 20 }, anyChain)).toBeGreaterThan(4 * 20);
    // No legend box (grey #bbb border, white fill) inside the plot area below it.
    expect(countPixels(image, { x: 60, y: 60, width: 320, height: 150 }, near([187, 187, 187], 2))).toBe(0);
    expect(countPixels(image, { x: 60, y: 60, width: 320, height: 150 }, anyChain)).toBeGreaterThan(200);
  });

  it("shades the metrics' noise floor (two exact samples of the measured sizes), and names it", async () => {
    const figures = [{ type: 'metrics', file: 'metrics.png', metrics: ['sw2'], width: 400, height: 320 }];
    const withBand = workspace({ ...base, figures });
    const { lines, io } = quiet();
    expect(await runCommand(withBand.file, { out: withBand.out }, io)).toBe(0);
    expect(lines.join('\n')).not.toMatch(/not written/);
    // rgba(0, 0, 0, 0.12) over white: grey 224, over a large part of the panel.
    const band = near([224, 224, 224], 3);
    const image = await readImage(join(withBand.out, 'metrics.png'));
    const plot = { x: 70, y: 80, width: 305, height: 195 };
    expect(countPixels(image, plot, band)).toBeGreaterThan(2000);
    // Its swatch in the row under the title.
    expect(countPixels(image, { x: 0, y: 30, width: 400, height: 20 }, band)).toBeGreaterThan(100);
    const without = workspace({ ...base, figures: [{ ...figures[0], noiseFloor: false }] });
    expect(await runCommand(without.file, { out: without.out }, quiet().io)).toBe(0);
    expect(countPixels(await readImage(join(without.out, 'metrics.png')), plot, band)).toBe(0);
  });

  it("the shipped reverse GIF's first frame shows the whole prior: no particle at the edges of its axes", async () => {
    const shipped = join(import.meta.dirname, '../../configs/double-gaussian-reverse.yaml');
    const out = join(workspace({}).dir, 'out');
    const small = ['pipeline.0.steps=100', 'pipeline.0.snapshotEvery=50', 'measure={particles: 300, referenceParticles: 300}'];
    expect(await runCommand(shipped, { out, particles: 2000, set: small }, quiet().io)).toBe(0);
    const first = await readImage(join(out, 'reverse.gif'));
    // The frame's inner area: x 52 .. 464, y 30 .. 440 (480 x 480, top margin 30). 6-px strips
    // just inside its four edges hold (next to) no particle; the middle holds many.
    const strips = [
      { x: 54, y: 32, width: 408, height: 6 },
      { x: 54, y: 432, width: 408, height: 6 },
      { x: 54, y: 32, width: 6, height: 406 },
      { x: 456, y: 32, width: 6, height: 406 },
    ];
    expect(strips.reduce((total, strip) => total + countPixels(first, strip, isInk), 0)).toBeLessThan(40);
    expect(countPixels(first, { x: 208, y: 185, width: 100, height: 100 }, isInk)).toBeGreaterThan(300);
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

  it('names an unknown figure type and lists the types, as for any plugin kind (figures are plugins of kind figure)', async () => {
    expect(await errorOf([{ type: 'movie', file: 'a.gif' }])).toMatch(
      /figures\.0\.type: unknown figure 'movie'\. Available figure plugins: 'animation', 'density', 'image-animation', 'images', 'metrics', 'paths', 'snapshot', 'trace'\./,
    );
    expect(await errorOf([{ type: 'snapshto', file: 'a.png' }])).toMatch(/figures\.0\.type: unknown figure 'snapshto'\..*Did you mean 'snapshot'\?/);
  });

  it("reports a bad figure option in the same pass as a bad plugin of the pipeline", async () => {
    const badStage = { ...base, pipeline: [{ ...base.pipeline[0], steps: -1 }] };
    expect(await errorOf([{ type: 'snapshot', file: 'a.png', layout: 'over' }, { type: 'movie', file: 'b.gif' }], badStage)).toMatch(
      /pipeline\.0\.steps: [\s\S]*figures\.0\.layout: [\s\S]*figures\.1\.type: unknown figure 'movie'/,
    );
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
