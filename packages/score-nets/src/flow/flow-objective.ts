import { type Coupling, type FlowPath, bridgePath, lipmanPath, straightPath } from '@scoreflow/core';

/**
 * The flow-matching objectives (the regression of a velocity network on a conditional velocity;
 * torchcfm's `conditional_flow_matching.py`):
 * - `icfm`: I-CFM / rectified flow (Tong et al. 2024, section 3.2; Liu et al. 2023): independent
 *   pairs, straight path with noise sigma, target x1 - x0;
 * - `fm`: flow matching of Lipman et al. 2023: independent pairs from N(0, I), their OT path with
 *   sigma_min = sigma;
 * - `otcfm`: OT-CFM (Tong et al. 2024, section 3.3): the straight path between pairs of the exact
 *   minibatch optimal transport plan;
 * - `sbcfm`: SB-CFM (Tong et al. 2024, section 3.4): pairs drawn from the entropic plan with
 *   reg = 2 sigma^2 (Sinkhorn), Brownian-bridge path sigma_t = sigma sqrt(t (1 - t)).
 */
export const FLOW_OBJECTIVES = ['icfm', 'fm', 'otcfm', 'sbcfm'] as const;

/** See `FLOW_OBJECTIVES`. */
export type FlowObjective = (typeof FLOW_OBJECTIVES)[number];

/** Every training objective of score-nets: denoising score matching, or a flow objective. */
export const OBJECTIVES = ['dsm', ...FLOW_OBJECTIVES] as const;

/** See `OBJECTIVES`. */
export type Objective = (typeof OBJECTIVES)[number];

/** How an objective pairs and joins its points: the conditional path and the coupling of a minibatch. */
export interface ObjectiveRecipe {
  readonly path: FlowPath;
  /** `independent`, or a minibatch optimal-transport coupling (core's `minibatchCoupling`). */
  readonly coupling: Coupling | { readonly method: 'independent' };
}

/**
 * The path and coupling of a flow objective with noise `sigma` (`sbcfm` needs sigma > 0). `reg`
 * replaces SB-CFM's Sinkhorn regularisation 2 sigma^2 (Tong et al. 2024, section 3.4; torchcfm's
 * `SchrodingerBridgeConditionalFlowMatcher`); the other objectives take none.
 */
export function objectiveRecipe(objective: FlowObjective, sigma: number, reg?: number): ObjectiveRecipe {
  if (reg !== undefined && objective !== 'sbcfm') throw new RangeError(`objectiveRecipe: 'reg' (Sinkhorn's regularisation) applies to the sbcfm objective only, got it with '${objective}'.`);
  if (reg !== undefined && !(reg > 0 && Number.isFinite(reg))) throw new RangeError(`objectiveRecipe: 'reg' must be a finite number > 0, got ${reg}.`);
  switch (objective) {
    case 'icfm':
      return { path: straightPath(sigma), coupling: { method: 'independent' } };
    case 'fm':
      return { path: lipmanPath(sigma), coupling: { method: 'independent' } };
    case 'otcfm':
      return { path: straightPath(sigma), coupling: { method: 'exact' } };
    case 'sbcfm':
      if (!(sigma > 0)) throw new RangeError(`objectiveRecipe: the sbcfm objective needs sigma > 0 (Sinkhorn's reg is 2 sigma^2), got ${sigma}.`);
      return { path: bridgePath(sigma), coupling: { method: 'sinkhorn', reg: reg ?? 2 * sigma * sigma } };
    default:
      throw new RangeError(`objectiveRecipe: 'objective' must be one of ${FLOW_OBJECTIVES.join(', ')}, got '${String(objective)}'.`);
  }
}
