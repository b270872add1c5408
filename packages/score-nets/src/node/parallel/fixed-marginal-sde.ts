import type { Marginal, Sde } from '@scoreflow/core';

/** An `Sde` that knows only the marginal of the time being evaluated, set from outside. */
export interface FixedMarginalSde extends Sde {
  /** Sets what `marginal` returns: the main thread's m(t), s(t) for the next call. */
  setMarginal(marginal: Marginal): void;
}

const absent = (member: string) => (): never => {
  throw new Error(`fixedMarginalSde: a worker knows only the marginal sent to it, not '${member}'.`);
};

/**
 * A stand-in SDE for a worker thread: `networkScore` needs only `marginal(t)` (m(t), s(t) of
 * the one time of a call, for `scoreOf`), which the main thread computes from the real SDE and
 * sends with the rows. SDEs are plugins built from configs and do not travel between threads;
 * their marginal does. Every other member throws.
 */
export function fixedMarginalSde(T = 1): FixedMarginalSde {
  let current: Marginal | undefined;
  return {
    name: 'fixed-marginal',
    T,
    priorStd: Number.NaN,
    setMarginal: (marginal) => {
      current = marginal;
    },
    marginal: () => {
      if (current === undefined) throw new Error('fixedMarginalSde: no marginal was set before the score was asked for.');
      return current;
    },
    drift: absent('drift'),
    diffusion: absent('diffusion'),
    prior: absent('prior'),
    priorLogDensity: absent('priorLogDensity'),
  };
}
