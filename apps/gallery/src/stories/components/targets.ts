// The 2-D targets the component stories draw: core's banana density and the preset mixtures,
// created from config entries through the catalogue's registry, as a run config names them.
import { type DataSource, MIXTURE_PRESETS, type MixturePreset, type Target } from '@scoreflow/core';
import { registry, runContext } from '../../pipelines.js';

/** The preset mixtures by name. */
export const PRESETS = Object.keys(MIXTURE_PRESETS) as MixturePreset[];

/** Every target of the heatmap and score-field stories. */
export const TARGETS: readonly string[] = ['banana', ...PRESETS];

/** The config entry of `name`: `{ type: banana }` or `{ type: gaussian-mixture, preset }` (a target and a data source alike). */
const entryOf = (name: string) => (name === 'banana' ? { type: 'banana' } : { type: 'gaussian-mixture', preset: name });

/** The target density `name`: the banana or a preset mixture. */
export function targetOf(name: string): Target {
  return registry.create('target', entryOf(name), { run: runContext(1), path: 'target' });
}

/** A source of samples of `name`. */
export function sourceOf(name: string): DataSource {
  return registry.create('data-source', entryOf(name), { run: runContext(1), path: 'source' });
}

/** The plot domain that shows `name`: the banana is tall and shifted, the mixtures sit in [-4.5, 4.5]^2. */
export function domainOf(name: string): { x: [number, number]; y: [number, number] } {
  return name === 'banana' ? { x: [-7, 7], y: [-4, 10] } : { x: [-4.5, 4.5], y: [-4.5, 4.5] };
}
