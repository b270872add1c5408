import {
  type Accelerator,
  type DataSource,
  type Device,
  type GaussianMixture,
  type ParticleBatch,
  type PluginConfig,
  type PluginKind,
  type PluginKinds,
  type Registry,
  type RunContext,
  type Sde,
  type Stage,
  collectAll,
  createRunContext,
  labelsOf,
  positionsOf,
} from '@scoreflow/core';
import { createBrowserRegistry } from '@scoreflow/catalogue';

/** Every browser-safe plugin scoreflow ships (`@scoreflow/catalogue`): stories create plugins from config entries here, as the runner does. */
export const registry = createBrowserRegistry();

/** A run context for one story: `particles` particles of dimension `dim`, keyed by `seed`. */
export const runContext = (particles: number, dim = 2, seed = 0) => createRunContext({ name: 'gallery', seed, dim, particles });

/** `n` particles of a source: positions (row-major) and labels where the source has them. */
export async function sampleOf(source: DataSource, n: number, seed = 0): Promise<{ positions: Float32Array; labels?: Int32Array }> {
  const batches = await collectAll(source.sample(runContext(n, source.dim, seed)));
  const positions = new Float32Array(n * source.dim);
  const labels = new Int32Array(n);
  let offset = 0;
  let labelled = true;
  for (const batch of batches) {
    const p = positionsOf(batch);
    positions.set(p, offset * source.dim);
    const l = labelsOf(batch);
    if (l === undefined) labelled = false;
    else labels.set(l, offset);
    offset += p.length / source.dim;
  }
  return labelled ? { positions, labels } : { positions };
}

/** One run of a story, its plugins created from config entries as a run config names them. */
export interface StoryRun {
  readonly run: RunContext;
  /** The SDE of the run's `sde` entry, if it has one. */
  readonly sde?: Sde;
  /** The plugin of `entry` (e.g. `{ type: 'hmc', target: { type: 'banana' } }`), with the run's SDE; `path` names it in errors (default: the kind). */
  create<K extends PluginKind>(kind: K, entry: PluginConfig, path?: string): PluginKinds[K];
  /** Every snapshot of `stage` run on the particles of `source`: one ParticleBatch per snapshot when all particles fit one batch (the gallery's runs do). */
  sample(source: DataSource, stage: Stage): Promise<ParticleBatch[]>;
}

/**
 * Options of `storyRun`: the dimension (default 2), the seed (default 0), the `sde` entry, the
 * `signal` that stops the run's stages (a story's unmounting), the registry (default
 * `registry`; a story adds its own plugins with `createBrowserRegistry(extra)`), and, as a run
 * config's top level has them, the `batchSize` (default core's 65,536), the run's `device` and the
 * `accelerator` that runs stages with `device: webgpu` (`webgpuAccelerator` of `@scoreflow/webgpu`).
 */
export interface StoryRunOptions {
  readonly dim?: number;
  readonly seed?: number;
  readonly sde?: PluginConfig;
  readonly signal?: AbortSignal;
  readonly registry?: Registry;
  readonly batchSize?: number;
  readonly device?: Device;
  readonly accelerator?: Accelerator;
}

/**
 * A run of `particles` particles whose plugins the catalogue's registry creates from config
 * entries, as the runner does: no story imports a plugin factory.
 *
 * @example
 * const { create, sample } = storyRun(4, { sde: { type: 'brownian', T: 4 } });
 * const snapshots = await sample(create('data-source', { type: 'prior' }), create('stage', { type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' } }));
 */
export function storyRun(particles: number, options: StoryRunOptions = {}): StoryRun {
  const { dim = 2, seed = 0, signal, registry: plugins = registry, batchSize, device, accelerator } = options;
  const run = createRunContext({ name: 'gallery', seed, dim, particles, signal, batchSize, device, accelerator });
  const sde = options.sde === undefined ? undefined : plugins.create('sde', options.sde, { run, path: 'sde' });
  return {
    run,
    sde,
    create: (kind, entry, path = kind) => plugins.create(kind, entry, { run, sde, path }),
    sample: (source, stage) => collectAll(source.sample(run).pipe(stage)),
  };
}

/** The config entry `{ type: 'gaussian-mixture', weights, means, std }` of a mixture (a data source, score model or target alike). */
export function mixtureEntry(mixture: GaussianMixture): PluginConfig {
  const { dim, components } = mixture;
  const rows = (values: Float64Array) => Array.from({ length: components }, (_, k) => Array.from(values.subarray(k * dim, (k + 1) * dim)));
  return { type: 'gaussian-mixture', weights: Array.from(mixture.weights), means: rows(mixture.means), std: rows(mixture.stds) };
}

/** Snapshots stacked snapshot-major for `drawPaths` / `drawChainTrace`: the first `paths` particles of each. */
export function stack(snapshots: readonly ParticleBatch[], paths: number, dim = 2): { paths: number; steps: number; dim: number; positions: Float32Array } {
  const positions = new Float32Array(snapshots.length * paths * dim);
  snapshots.forEach((snapshot, s) => positions.set(positionsOf(snapshot).subarray(0, paths * dim), s * paths * dim));
  return { paths, steps: snapshots.length, dim, positions };
}
