import { positiveArgument } from '../arguments/arguments.js';

/**
 * The coefficients at time t of a conditional path x_t = a x0 + b x1 + c eps (eps ~ N(0, I)) and
 * their time derivatives: `dc` is c'(t), and `cdc` = c c'(t), finite even where c' is not (the
 * Brownian bridge at t = 0 and 1).
 */
export interface PathCoefficients {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly da: number;
  readonly db: number;
  readonly dc: number;
  readonly cdc: number;
}

/**
 * A conditional probability path of flow matching between a source point x0 (t = 0) and a target
 * point x1 (t = 1): x_t = a(t) x0 + b(t) x1 + c(t) eps. Its conditional velocity, the regression
 * target of conditional flow matching (Lipman et al. 2023, theorem 2; Tong et al. 2024, eq. 9), is
 *
 *   u_t(x | x0, x1) = a'(t) x0 + b'(t) x1 + c'(t) eps.
 */
export interface FlowPath {
  /** `straight`, `lipman` or `bridge` (see `FLOW_PATHS`). */
  readonly name: FlowPathName;
  /** The noise scale of the path (sigma, or FM's sigma_min). */
  readonly sigma: number;
  coefficients(t: number): PathCoefficients;
}

/** The conditional paths, by the name a config gives them. */
export const FLOW_PATH_NAMES = ['straight', 'lipman', 'bridge'] as const;

/** See `FLOW_PATH_NAMES`. */
export type FlowPathName = (typeof FLOW_PATH_NAMES)[number];

/**
 * The straight path of I-CFM and rectified flow (Liu et al. 2023; Tong et al. 2024, eq. 14):
 * x_t = (1 - t) x0 + t x1 + sigma eps, target x1 - x0 (sigma = 0: rectified flow).
 */
export function straightPath(sigma = 0): FlowPath {
  positiveArgument('straightPath', 'sigma', sigma, true);
  return { name: 'straight', sigma, coefficients: (t) => ({ a: 1 - t, b: t, c: sigma, da: -1, db: 1, dc: 0, cdc: 0 }) };
}

/**
 * The optimal-transport path of flow matching (Lipman et al. 2023, eq. 20 and 22) for a source
 * N(0, I): x_t = t x1 + (1 - (1 - sigma_min) t) x0, target x1 - (1 - sigma_min) x0, which is
 * (x1 - (1 - sigma_min) x_t) / (1 - (1 - sigma_min) t) as the paper writes it.
 */
export function lipmanPath(sigmaMin = 0): FlowPath {
  if (!(sigmaMin >= 0 && sigmaMin < 1)) throw new RangeError(`lipmanPath: 'sigmaMin' must be in [0, 1), got ${sigmaMin}.`);
  const slope = 1 - sigmaMin;
  return { name: 'lipman', sigma: sigmaMin, coefficients: (t) => ({ a: 1 - slope * t, b: t, c: 0, da: -slope, db: 1, dc: 0, cdc: 0 }) };
}

/**
 * The Brownian bridge of SB-CFM (Tong et al. 2024, section 3.3): x_t = (1 - t) x0 + t x1 +
 * sigma sqrt(t (1 - t)) eps, target x1 - x0 + (1 - 2t) / (2 sqrt(t (1 - t))) sigma eps, that is
 * (1 - 2t) / (2 t (1 - t)) (x_t - mu_t) + x1 - x0. c'(t) is infinite at t = 0 and 1; c c'(t) =
 * sigma^2 (1 - 2t) / 2 is not.
 */
export function bridgePath(sigma: number): FlowPath {
  positiveArgument('bridgePath', 'sigma', sigma);
  return {
    name: 'bridge',
    sigma,
    coefficients(t) {
      const c = sigma * Math.sqrt(Math.max(0, t * (1 - t)));
      const cdc = (sigma * sigma * (1 - 2 * t)) / 2;
      return { a: 1 - t, b: t, c, da: -1, db: 1, dc: cdc / c, cdc };
    },
  };
}

/** The path of that name with noise scale `sigma` (see `FLOW_PATH_NAMES`). */
export function flowPath(name: FlowPathName, sigma: number): FlowPath {
  switch (name) {
    case 'straight':
      return straightPath(sigma);
    case 'lipman':
      return lipmanPath(sigma);
    case 'bridge':
      return bridgePath(sigma);
    default:
      throw new RangeError(`flowPath: 'name' must be one of ${FLOW_PATH_NAMES.join(', ')}, got '${String(name)}'.`);
  }
}
