// A figure plugin drawn in the page from a config entry: the runner writes the same entry as a PNG.
import { type FigureCanvas, type PluginConfig, type Stage, createRunContext } from '@scoreflow/core';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { createSnapshotStore } from '@scoreflow/viz';
import { figure, markPlot } from '../figure.js';
import { registry } from '../pipelines.js';
import { componentDocs, range, select, usage } from './controls.js';

const meta: Meta = {
  title: 'Figures',
  parameters: componentDocs(
    "A figure is a plugin (kind `figure`, in `@scoreflow/viz`): a config's `figures` entry, created through the registry like any plugin, drawn by `figure.draw(input, canvas)` from what a run hands over. Here the browser registry of `@scoreflow/catalogue` creates the run (an SDE, a source, a reverse sampler) and the figure from config entries, collects the snapshot the figure asks for (`figure.needs`) from the live stream, and draws it on page canvases: the PNG `scoreflow run` writes for the same entry.",
  ),
};
export default meta;

interface FromConfigArgs {
  particles: number;
  steps: number;
  layout: 'beside' | 'under';
}

/** The run, as a config names it: the seed's reverse SDE from the prior to the double Gaussian. */
const RUN = {
  sde: { type: 'brownian', g: 1, T: 20 },
  source: { type: 'prior' },
  stage: { type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, grid: { type: 'geometric' } },
} as const;

/** A page canvas of `width` x `height`, white, as figures are handed them. */
function pageCanvas(width: number, height: number): FigureCanvas {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('gallery: no 2-D canvas context');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  return canvas;
}

/** The `snapshot` figure of a reverse run, drawn from its config entry through the same plugin the runner uses. */
export const FromConfigEntry: StoryObj<FromConfigArgs> = {
  name: 'From a config entry',
  args: { particles: 5000, steps: 200, layout: 'beside' },
  argTypes: {
    particles: range('Particles of the run (and drawn).', 500, 20_000, 500),
    steps: range('Steps of the reverse SDE.', 20, 1000, 20),
    layout: select('`layout` of the snapshot figure: the density in a panel beside the points, or under them.', ['beside', 'under']),
  },
  parameters: usage(
    "const registry = createBrowserRegistry();\nconst figure = registry.create('figure', { type: 'snapshot', file: 'final.png', density: { type: 'gaussian-mixture', preset: 'double-gaussian' } }, { run, path: 'figures.0' });\nconst drawn = await figure.draw({ run: 'gallery', dim: 2, stages, snapshots, metrics: [] }, pageCanvas);",
  ),
  render: (args) => {
    const width = args.layout === 'beside' ? 960 : 480;
    const height = 480;
    return figure(width, height, async (ctx, canvas) => {
      const run = createRunContext({ name: 'gallery', seed: 0, dim: 2, particles: args.particles });
      const sde = registry.create('sde', RUN.sde, { run, path: 'sde' });
      const source = registry.create('data-source', RUN.source, { run, sde, path: 'source' });
      const stage: Stage = registry.create('stage', { ...RUN.stage, steps: args.steps } as PluginConfig, { run, sde, path: 'pipeline.0' });
      const entry = { type: 'snapshot', file: 'final.png', density: { type: 'gaussian-mixture', preset: 'double-gaussian' }, particles: args.particles, layout: args.layout, width, height };
      const plotted = registry.create('figure', entry, { run, sde, path: 'figures.0' });
      const wanted = plotted.needs.snapshots;
      if (wanted === undefined) throw new Error('a snapshot figure asks for snapshots');
      const store = createSnapshotStore(wanted.particles, wanted.steps);
      await new Promise<void>((done, fail) => source.sample(run).pipe(stage).subscribe({ next: (batch) => store.add(batch), error: fail, complete: done }));
      const drawn = await plotted.draw({ run: 'gallery', dim: 2, stages: [{ type: RUN.stage.type, chains: stage.kind === 'mcmc' }], snapshots: store.snapshots(), metrics: [] }, pageCanvas);
      ctx.drawImage(drawn.canvases[0] as HTMLCanvasElement, 0, 0, width, height);
      // The points' panel (the snapshot figure's margins: 52 left, 42 bottom; beside: 52 top under the title, 70 right; under: 30 top, 16 right).
      const beside = args.layout === 'beside';
      const top = beside ? 52 : 30;
      markPlot(canvas, { x: 52, y: top, width: (beside ? width / 2 - 70 : width - 16) - 52, height: height - top - 42 });
    });
  },
};
