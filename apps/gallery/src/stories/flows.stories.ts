// Flow stories: flow matching's couplings (docs/flows.md), the flows they learn drawn as paths.
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type PluginConfig, collectAll, definePlugin, minibatchCoupling, positionsOf } from '@scoreflow/core';
import type { Meta, StoryObj } from '@storybook/html-vite';
import { createPlotFrame, drawAxes, drawPaths, drawScatter, drawTitle } from '@scoreflow/viz';
import { of } from 'rxjs';
import { z } from 'zod';
import { figure, markPlot, nextFrame } from '../figure.js';
import { coupledFlow, meetings, straightness } from '../flows/index.js';
import { stack, storyRun } from '../pipelines.js';
import { range, select } from './controls.js';

const meta: Meta = { title: 'Flows' };
export default meta;

/** The targets the flows carry N(0, I) to, as data-source config entries. */
const TARGETS: Record<string, PluginConfig> = {
  'eight-gaussians': { type: 'gaussian-mixture', preset: 'eight-gaussians' },
  'two-moons': { type: 'two-moons', preset: 'standard' },
};
const WIDTH = 960;
const HEIGHT = 500;
const DOMAIN: [number, number] = [-4.5, 4.5];

interface CouplingArgs {
  pairs: number;
  target: string;
  sigma: number;
  steps: number;
}

/** Points as the rows of a config entry's `means`. */
const rows = (x: Float32Array) => Array.from({ length: x.length / 2 }, (_, i) => [x[2 * i], x[2 * i + 1]]);

/**
 * One minibatch of `pairs` points of N(0, I) and of a target, paired two ways (Tong et al. 2024):
 * left, I-CFM's independent coupling (every source point with every target point; the exact
 * field is `mixture-flow` between the points); right, OT-CFM's exact assignment (core's
 * `minibatchCoupling`, the Hungarian method; its exact field is `coupledFlow`). Grey: the
 * conditional paths x_t = (1 - t) x0 + t x1 each coupling trains on (for I-CFM, x0_i with x1_i);
 * coloured: the flow each coupling's regression target defines (the marginal velocity with path
 * noise `sigma`), integrated from the source points by `flow-euler`. Independent pairs meet
 * (come within sigma at the same time), flow matching averages their directions and the flow
 * bends; the plan's pairs hardly meet and its flow runs straight. The panel titles give the
 * straightness (mean path length over the distance between the ends; 1 = straight, as
 * `npm run bench -- flows` measures it) and the pairs of conditional paths that meet.
 */
export const IcfmBesideOtcfm: StoryObj<CouplingArgs> = {
  name: 'I-CFM beside OT-CFM',
  args: { pairs: 96, target: 'eight-gaussians', sigma: 0.1, steps: 100 },
  argTypes: {
    pairs: range('Points drawn from N(0, I) and from the target: one minibatch, paired two ways.', 8, 192, 8),
    target: select('The distribution at t = 1.', Object.keys(TARGETS)),
    sigma: range('Noise of the conditional path (torchcfm: 0.1); also the distance at which two paths meet.', 0.02, 0.5, 0.01),
    steps: range('Euler steps of the flow ODE on t in [0, 1] (torchcfm evaluates with 100).', 10, 200, 10),
  },
  render: (args) =>
    figure(WIDTH, HEIGHT, async (ctx, canvas) => {
      const { pairs: n, sigma, steps } = args;
      const { create, run } = storyRun(n, { seed: 1 });
      const [start] = await collectAll(create('data-source', { type: 'gaussian' }, 'source').sample(run));
      const x0 = positionsOf(start);
      const targets = storyRun(n, { seed: 2 });
      const [end] = await collectAll(targets.create('data-source', TARGETS[args.target], 'target').sample(targets.run));
      const x1 = positionsOf(end);
      const plan = minibatchCoupling(x0, x1, 2, { method: 'exact' });
      // The exact assignment keeps x0's rows in order: plan.x1[i] is x0[i]'s partner.
      const couplings = [
        {
          label: 'I-CFM, independent pairs',
          colour: '#1f77b4',
          pairs: { x0, x1 },
          velocity: { type: 'mixture-flow', source: { means: rows(x0), std: 1e-6 }, target: { means: rows(x1), std: 1e-6 }, probabilityPath: 'straight', sigma },
          registry: undefined,
        },
        {
          label: 'OT-CFM, exact assignment',
          colour: '#e6550d',
          pairs: plan,
          velocity: { type: 'coupled-flow' },
          registry: createBrowserRegistry([
            definePlugin({ kind: 'velocity-model', name: 'coupled-flow', description: "OT-CFM's exact field on the story's minibatch", options: z.strictObject({}), create: () => coupledFlow(plan.x0, plan.x1, 2, sigma) }),
          ]),
        },
      ];
      const frames = couplings.map((_, k) =>
        createPlotFrame({ box: { x: (k * WIDTH) / 2, y: 0, width: WIDTH / 2, height: HEIGHT }, x: DOMAIN, y: DOMAIN, margin: { top: 50 }, equalAspect: true }),
      );
      markPlot(canvas, ...frames.map((frame) => frame.inner));
      drawTitle(ctx, { x: 0, y: 0, width: WIDTH, height: HEIGHT }, `flows from N(0, I) to ${args.target}: ${n} pairs, sigma ${sigma}, ${steps} Euler steps`);
      const figures: Record<string, number> = {};
      for (const [k, coupling] of couplings.entries()) {
        const frame = frames[k];
        const flow = storyRun(n, { registry: coupling.registry });
        const snapshots = await collectAll(of(start).pipe(flow.create('stage', { type: 'flow-euler', velocity: coupling.velocity, steps, snapshotEvery: 1 }, 'pipeline.0')));
        const paths = stack(snapshots, n);
        const ratio = straightness(paths);
        const met = meetings(coupling.pairs.x0, coupling.pairs.x1, 2, sigma);
        figures[k === 0 ? 'icfm' : 'otcfm'] = ratio;
        figures[k === 0 ? 'icfmMeetings' : 'otcfmMeetings'] = met;
        drawScatter(ctx, frame, x1, { colour: '#252525', radius: 2 });
        drawPaths(ctx, frame, { paths: n, steps: 2, dim: 2, positions: Float32Array.of(...coupling.pairs.x0, ...coupling.pairs.x1) }, { colour: '#969696', lineWidth: 0.75, opacity: 0.6, start: false });
        drawPaths(ctx, frame, paths, { colour: coupling.colour, lineWidth: 1.25, start: { radius: 2 } });
        drawAxes(ctx, frame, { xLabel: 'x1', yLabel: 'x2', title: `${coupling.label}: straightness ${ratio.toFixed(2)}, ${met} pairs meet` });
        await nextFrame();
      }
      canvas.dataset.straightness = JSON.stringify(figures);
    }),
};
