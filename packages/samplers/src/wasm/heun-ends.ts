import { type DiffusedComponents, type GaussianMixture, type Sde, allocateComponents, diffuseComponents } from '@scoreflow/core';

/** The marginal's mean m and std s at a Heun step's start, and m', s' at its end. */
export interface HeunMarginals {
  readonly m: number;
  readonly s: number;
  readonly mNext: number;
  readonly sNext: number;
}

/** A fused Heun kernel's two mixtures: `mixture` diffused by `sde` to a step's start and to its end. */
export interface HeunEnds {
  readonly start: DiffusedComponents;
  readonly end: DiffusedComponents;
  /** Diffuses the mixture to t (`start`) and to next (`end`) with core's `diffuseComponents`; returns the marginals. */
  at(t: number, next: number): HeunMarginals;
}

/** The buffers of `HeunEnds` for `mixture` (`where` names the caller in core's errors). */
export function heunEnds(where: string, sde: Sde, mixture: GaussianMixture): HeunEnds {
  const start = allocateComponents(where, mixture);
  const end = allocateComponents(where, mixture);
  return {
    start,
    end,
    at(t, next) {
      const { mean: m, std: s } = sde.marginal(t);
      const { mean: mNext, std: sNext } = sde.marginal(next);
      diffuseComponents(mixture, m, s, start);
      diffuseComponents(mixture, mNext, sNext, end);
      return { m, s, mNext, sNext };
    },
  };
}
