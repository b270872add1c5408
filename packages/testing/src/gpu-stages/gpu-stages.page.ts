import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type PluginConfig, type Registry, collectAll, createRunContext, idsOf, positionsOf, stepsOf, timesOf, watchStats } from '@scoreflow/core';
import { acquireGpu, webgpuAccelerator } from '@scoreflow/webgpu';

/** A sampler run of the twin suite: a stage config (without `device`), its SDE, the particles and seed. */
export interface TwinCase {
  readonly stage: Record<string, unknown>;
  readonly sde: PluginConfig;
  readonly source?: PluginConfig;
  readonly particles: number;
  readonly seed: number;
  readonly batchSize?: number;
}

/** What one run of a case gave: every snapshot's step, t and positions (by id), and the stage's stats and plan. */
export interface TwinRun {
  readonly kind: string;
  readonly plan: unknown;
  readonly nfe?: number;
  /** Every statistic the stage reported, as its mean per particle. */
  readonly stats: Record<string, number>;
  readonly snapshots: { step: number; t: number; ids: number[]; x: number[] }[];
}

const registry = createBrowserRegistry();
const accelerator = webgpuAccelerator(() => acquireGpu());

/** Page side of gpu-stages.spec.ts: runs `twin` from the SDE's prior (or `twin.source`) on `device`, in the page. */
export const runTwin = (twin: TwinCase, device: 'cpu' | 'webgpu'): Promise<TwinRun> => runTwinIn(registry, twin, device);

/** `runTwin` with the plugins of `plugins` (a page's own score models besides the browser-safe ones). */
export async function runTwinIn(plugins: Registry, twin: TwinCase, device: 'cpu' | 'webgpu'): Promise<TwinRun> {
  const run = createRunContext({ name: 'gpu-twins', seed: twin.seed, dim: 2, particles: twin.particles, batchSize: twin.batchSize ?? 65_536, device, accelerator });
  const sde = plugins.create('sde', twin.sde, { run, path: 'sde' });
  const source = plugins.create('data-source', twin.source ?? { type: 'prior' }, { run, sde, path: 'source' });
  const stage = plugins.create('stage', twin.stage as PluginConfig, { run, sde, path: 'pipeline.0' });
  const stats = watchStats(stage.stats);
  const batches = await collectAll(source.sample(run).pipe(stage));
  stats.unsubscribe();
  const snapshots = batches.map((batch) => ({
    step: stepsOf(batch)[0],
    t: timesOf(batch)[0],
    ids: Array.from(idsOf(batch)),
    x: Array.from(positionsOf(batch)),
  }));
  const summary = stats.summary();
  const means = Object.fromEntries(Object.entries(summary).map(([name, value]) => [name, value?.mean ?? Number.NaN]));
  return { kind: stage.kind, plan: stage.plan, nfe: summary.nfe?.mean, stats: means, snapshots };
}

/** The ConfigError a stage config gives on webgpu in the page, as `{ name, message }`, or undefined. */
export function webgpuConfigError(stage: Record<string, unknown>, sde: PluginConfig): { name: string; message: string } | undefined {
  const run = createRunContext({ name: 'gpu-twins', dim: 2, device: 'webgpu', accelerator });
  try {
    registry.create('stage', stage as PluginConfig, { run, sde: registry.create('sde', sde, { run, path: 'sde' }), path: 'pipeline.0' });
    return undefined;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
}
