// The 2-D targets the component stories draw: core's banana density and the preset mixtures.
import { MIXTURE_PRESETS, type MixturePreset, banana } from '@scoreflow/core';
import { bananaSource, gaussianMixtureSource } from '@scoreflow/data-sources';
import { densityTarget, mixtureTarget } from '@scoreflow/score-models';

/** The preset mixtures by name. */
export const PRESETS = Object.keys(MIXTURE_PRESETS) as MixturePreset[];

/** Every target of the heatmap and score-field stories. */
export const TARGETS: readonly string[] = ['banana', ...PRESETS];

/** The target density `name`: the banana or a preset mixture. */
export function targetOf(name: string) {
  if (name === 'banana') return densityTarget(banana());
  return mixtureTarget(MIXTURE_PRESETS[name as MixturePreset](), name);
}

/** A source of samples of `name`. */
export function sourceOf(name: string) {
  return name === 'banana' ? bananaSource() : gaussianMixtureSource(MIXTURE_PRESETS[name as MixturePreset]());
}

/** The plot domain that shows `name`: the banana is tall and shifted, the mixtures sit in [-4.5, 4.5]^2. */
export function domainOf(name: string): { x: [number, number]; y: [number, number] } {
  return name === 'banana' ? { x: [-7, 7], y: [-4, 10] } : { x: [-4.5, 4.5], y: [-4.5, 4.5] };
}
