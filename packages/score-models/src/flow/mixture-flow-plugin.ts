import { FLOW_PATH_NAMES, type GaussianMixture, checkRunDim, definePlugin, flowPath, gaussianMixture, mixtureFromOptions, mixtureOptions } from '@scoreflow/core';
import { z } from 'zod';
import { mixtureFlow } from './mixture-flow.js';

/** The standard normal N(0, I) of dimension `dim`, as a one-component mixture. */
export const standardNormal = (dim: number): GaussianMixture => gaussianMixture({ means: [new Array<number>(dim).fill(0)], std: 1 });

const options = z
  .strictObject({
    target: mixtureOptions.describe('the mixture at t = 1: a preset or means/weights/std'),
    source: mixtureOptions.optional().describe('the mixture at t = 0; N(0, I) of the run\'s dimension by default'),
    probabilityPath: z.enum(FLOW_PATH_NAMES).default('straight').describe('the conditional path: straight (I-CFM, rectified flow), lipman (FM), bridge (SB-CFM\'s Brownian bridge)'),
    sigma: z.number().min(0).default(0).describe('the path\'s noise: sigma (straight, bridge; > 0 for bridge) or sigma_min (lipman, < 1)'),
  })
  .superRefine((value, ctx) => {
    if (value.probabilityPath === 'bridge' && !(value.sigma > 0)) ctx.addIssue({ code: 'custom', path: ['sigma'], message: `must be > 0 for the bridge path, got ${value.sigma}`, input: value.sigma });
    if (value.probabilityPath === 'lipman' && !(value.sigma < 1)) ctx.addIssue({ code: 'custom', path: ['sigma'], message: `must be < 1 for the lipman path (sigma_min), got ${value.sigma}`, input: value.sigma });
  });

/**
 * `type: mixture-flow`: the exact velocity of conditional flow matching from a `source` mixture
 * (N(0, I) by default) to a `target` mixture along a conditional `probabilityPath` with noise `sigma`, under
 * the independent coupling (see `mixtureFlow`). Its flow carries the source to the target exactly:
 * the reference every trained flow is compared with.
 */
export const mixtureFlowPlugin = definePlugin({
  kind: 'velocity-model',
  name: 'mixture-flow',
  description: 'Exact flow-matching velocity from a Gaussian mixture (N(0, I) by default) to a Gaussian mixture (straight, lipman or bridge path)',
  options,
  create(config, ctx) {
    const target = checkRunDim(mixtureFromOptions(config.target), ctx, 'the target mixture');
    const source = config.source === undefined ? standardNormal(target.dim) : checkRunDim(mixtureFromOptions(config.source), ctx, 'the source mixture');
    return mixtureFlow(source, target, flowPath(config.probabilityPath, config.sigma));
  },
});
