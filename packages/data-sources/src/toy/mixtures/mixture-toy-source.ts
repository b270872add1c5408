import type { GaussianMixture } from '@scoreflow/core';
import { gaussianMixtureSource } from '../../gaussian-mixture/gaussian-mixture-source.js';
import type { DensitySource } from '../density-source.js';
import { mixtureDensity } from './mixture-density.js';

/**
 * A named toy set that is a Gaussian mixture: samples it as `gaussianMixtureSource` does (one keyed
 * uniform picks the component, the `label`; then mu_k + sigma_k z), under the set's `name`, with
 * its exact `density`.
 */
export function mixtureToySource<P extends object>(name: string, mixture: GaussianMixture, parameters: P): DensitySource<P> {
  return { ...gaussianMixtureSource(mixture), name, density: mixtureDensity(name, mixture, parameters) };
}
