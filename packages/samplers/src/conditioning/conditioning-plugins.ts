import { atConfigPath } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { observationFor, observationOption } from './conditioning-options.js';
import { dps } from './dps.js';
import { repaint } from './repaint.js';
import { replacement } from './replacement.js';
import { twistedSmc } from './smc/twisted-smc.js';

const noiseRemoval = z.boolean().default(true).describe('take the last step without noise');

/** `replacement`: inpainting by replacement after each reverse step (score_sde's `get_pc_inpainter`; see `replacement`). */
export const replacementPlugin = reverseSamplerPlugin({
  name: 'replacement',
  description: 'Conditioning on y = A x by replacement after every reverse step (score_sde inpainting; biased)',
  defaults: { steps: 500, snapshotEvery: 50, tEnd: 1e-3 },
  options: { observation: observationOption, noiseRemoval },
  create: (sampler, options, ctx) => replacement({ ...sampler, observation: observationFor(options.observation, sampler.score.dim, ctx.path), noiseRemoval: options.noiseRemoval }),
});

/** `repaint`: replacement with resampling jumps (Lugmayr et al. 2022; see `repaint`). */
export const repaintPlugin = reverseSamplerPlugin({
  name: 'repaint',
  description: 'RePaint: replacement plus r - 1 jumps back by forward noise per step (Lugmayr et al. 2022; biased)',
  defaults: { steps: 250, snapshotEvery: 25, tEnd: 1e-3 },
  options: {
    observation: observationOption,
    resampling: z.number().int().min(1).max(1000).default(10).describe('r: reverse passes per step (RePaint: 10)'),
  },
  create: (sampler, options, ctx) => repaint({ ...sampler, observation: observationFor(options.observation, sampler.score.dim, ctx.path), resampling: options.resampling }),
});

/** `dps`: diffusion posterior sampling (Chung et al. 2022; see `dps`). */
export const dpsPlugin = reverseSamplerPlugin({
  name: 'dps',
  description: 'Diffusion posterior sampling: reverse step minus zeta grad |y - A x0_hat| (Chung et al. 2022; biased), 3 NFE per step',
  defaults: { steps: 500, snapshotEvery: 50, tEnd: 1e-3 },
  options: {
    observation: observationOption,
    scale: z.number().min(0).max(1e6).default(0.05).describe('zeta: step along -grad |y - A x0_hat| per reverse step'),
    noiseRemoval,
  },
  create: (sampler, options, ctx) => dps({ ...sampler, observation: observationFor(options.observation, sampler.score.dim, ctx.path), scale: options.scale, noiseRemoval: options.noiseRemoval }),
});

/** `twisted-smc`: sequential Monte Carlo over the reverse process (Wu et al. 2023; see `twistedSmc`). */
export const twistedSmcPlugin = reverseSamplerPlugin({
  name: 'twisted-smc',
  description: 'Sequential Monte Carlo over the reverse SDE with twisted weights and systematic resampling (Wu et al. 2023); exact as particles grow',
  defaults: { steps: 200, snapshotEvery: 50, tEnd: 1e-3 },
  options: {
    observation: observationOption,
    essThreshold: z.number().min(0).max(1).default(0.5).describe('resample when the effective sample size falls under this fraction of the particles'),
    finalResampling: z.boolean().default(true).describe('resample after the last step (an unweighted sample)'),
    noiseRemoval,
  },
  create: (sampler, options, ctx) =>
    atConfigPath(ctx.path, () => twistedSmc({
      ...sampler,
      observation: observationFor(options.observation, sampler.score.dim),
      essThreshold: options.essThreshold,
      finalResampling: options.finalResampling,
      noiseRemoval: options.noiseRemoval,
    })),
});

/** The conditioning stages of this package. */
export const conditioningPlugins = [replacementPlugin, repaintPlugin, dpsPlugin, twistedSmcPlugin] as const;
