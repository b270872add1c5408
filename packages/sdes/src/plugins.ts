import { type AnyPlugin, type Sde, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { brownian } from './brownian.js';
import { orderedBounds } from './internal/ordered-bounds.js';
import type { LinearBetaOptions } from './linear-beta.js';
import { subVp } from './sub-vp.js';
import { ve } from './ve.js';
import { vp } from './vp.js';

const endTime = z.number().positive().default(1).describe('end time T of the forward process');

/** Options of the SDEs with a linear beta(t) (vp, sub-vp): betaMin <= betaMax, reported on betaMax. */
const linearBetaOptions = z
  .strictObject({
    betaMin: z.number().nonnegative().default(0.1).describe('noise rate at t = 0'),
    betaMax: z.number().positive().default(20).describe('noise rate at t = T'),
    T: endTime,
  })
  .superRefine(orderedBounds('betaMin', 'betaMax', 'at least'));

/** `type: brownian`: dx = g dW on [0, T] (see `brownian`). Options `g` (default 1), `T` (default 1). */
export const brownianPlugin = definePlugin({
  kind: 'sde',
  name: 'brownian',
  description: 'Brownian motion dx = g dW (pure noise); marginal N(x0, g^2 t), prior N(0, g^2 T)',
  options: z.strictObject({
    g: z.number().positive().default(1).describe('constant diffusion coefficient'),
    T: endTime,
  }),
  create: (options) => brownian(options),
});

/**
 * `type: ve`: the variance-exploding SDE of Song et al. 2021 (see `ve`). Options `sigmaMin`
 * (default 0.01) < `sigmaMax` (default 50), `T` (default 1).
 */
export const vePlugin = definePlugin({
  kind: 'sde',
  name: 've',
  description: 'Variance-exploding SDE (Song et al. 2021): sigma(t) = sigmaMin (sigmaMax/sigmaMin)^(t/T), prior N(0, sigmaMax^2)',
  options: z
    .strictObject({
      sigmaMin: z.number().positive().default(0.01).describe('noise scale at t = 0'),
      sigmaMax: z.number().positive().default(50).describe('noise scale at t = T; the prior std'),
      T: endTime,
    })
    .superRefine(orderedBounds('sigmaMin', 'sigmaMax', 'greater than')),
  create: (options) => ve(options),
});

/** An SDE plugin with the options of a linear beta(t) (`betaMin` <= `betaMax`, `T`): vp and sub-vp. */
const linearBetaPlugin = <N extends string>(name: N, description: string, create: (options: LinearBetaOptions) => Sde) =>
  definePlugin({ kind: 'sde', name, description, options: linearBetaOptions, create: (options) => create(options) });

/**
 * `type: vp`: the variance-preserving SDE of Song et al. 2021 (see `vp`). Options `betaMin`
 * (default 0.1) <= `betaMax` (default 20), `T` (default 1).
 */
export const vpPlugin = linearBetaPlugin('vp', 'Variance-preserving SDE (Song et al. 2021; DDPM limit): beta(t) linear from betaMin to betaMax, prior N(0, 1)', vp);

/**
 * `type: sub-vp`: the sub-VP SDE of Song et al. 2021, eq. 34 (see `subVp`). Options `betaMin`
 * (default 0.1) <= `betaMax` (default 20), `T` (default 1), as for `vp`.
 */
export const subVpPlugin = linearBetaPlugin(
  'sub-vp',
  'Sub-VP SDE (Song et al. 2021, eq. 34): VP drift, g^2 = beta (1 - e^(-2B)), marginal std 1 - e^(-B), prior N(0, 1)',
  subVp,
);

/** The SDE plugins of this package, for the runner's registry. */
export const sdePlugins: readonly AnyPlugin[] = [brownianPlugin, vePlugin, vpPlugin, subVpPlugin];
