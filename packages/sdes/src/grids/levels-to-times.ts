import { type Sde, sigmaOf, timeOfSigma } from '@scoreflow/core';

/**
 * Maps a decreasing sequence of noise levels sigma_0 > ... > sigma_N (N = steps) to the times of
 * `sde` at which sigma(t) = s(t) / m(t) takes them (core's `timeOfSigma`; Karras et al. 2022,
 * section 4), as k-diffusion and diffusers turn sigma schedules into model inputs. The ends are
 * set exactly: t_0 = tStart and t_N = tEnd, whatever sigma_0 and sigma_N are (the `TimeGrid`
 * contract). Every interior level must lie strictly between sigma(tEnd) and sigma(tStart), else
 * it would clamp onto an end and repeat a time: a `RangeError` then names it (`label(k)`).
 */
export function timesOfLevels(grid: string, sde: Sde, sigmas: ArrayLike<number>, tEnd: number, tStart: number, label: (k: number) => string): Float64Array {
  const steps = sigmas.length - 1;
  const times = new Float64Array(steps + 1);
  times[0] = tStart;
  times[steps] = tEnd;
  const top = sigmaOf(sde, tStart);
  const bottom = sigmaOf(sde, tEnd);
  for (let k = 1; k < steps; k++) {
    const sigma = sigmas[k];
    if (!(sigma < top)) {
      throw new RangeError(
        `${grid} grid: ${label(k)} has noise level sigma = ${sigma}, not below sigma(tStart) = ${top} of ${sde.name} at tStart = ${tStart}; ` +
          'its time would repeat tStart. The grid reaches beyond this SDE: use fewer steps, another schedule, or an SDE that reaches this level.',
      );
    }
    if (!(sigma > bottom)) {
      throw new RangeError(
        `${grid} grid: ${label(k)} has noise level sigma = ${sigma}, not above sigma(tEnd) = ${bottom} of ${sde.name} at tEnd = ${tEnd}; ` +
          'its time would repeat tEnd. Lower tEnd or use fewer steps.',
      );
    }
    times[k] = timeOfSigma(sde, sigma, tEnd, tStart);
    if (!(times[k] < times[k - 1])) {
      throw new RangeError(`${grid} grid: ${label(k)} maps to t = ${times[k]}, not below the previous time ${times[k - 1]}; use fewer steps.`);
    }
  }
  if (!(times[steps] < times[steps - 1])) {
    throw new RangeError(`${grid} grid: tEnd = ${tEnd} is not below the previous time ${times[steps - 1]}; use fewer steps.`);
  }
  return times;
}
