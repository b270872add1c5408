import { ConfigError, isScoreflowError } from '@scoreflow/core';
import { type WebGpuAccelerator, webgpuAccelerator } from '@scoreflow/webgpu';
import { acquireNodeGpu } from '@scoreflow/webgpu/node';
import type { RunConfig } from '../config/run-config.js';

/**
 * Where a run config asks for a WebGPU device: the run's `device` (`device`) or a stage's own
 * (`pipeline.N.device`), the first that says `webgpu`; undefined when none does.
 */
export function webgpuAsked(config: Pick<RunConfig, 'device' | 'pipeline'>): string | undefined {
  const stage = config.pipeline.findIndex((entry) => entry.device === 'webgpu');
  if (config.device === 'webgpu') return 'device';
  return stage >= 0 ? `pipeline.${stage}.device` : undefined;
}

/**
 * The run's accelerator when its config asks for webgpu (`webgpuAsked`), else undefined: Dawn's
 * WebGPU in Node (`@scoreflow/webgpu/node`), acquired when `acquireRunAccelerator` or the first
 * GPU stage asks, so that `validate` checks a GPU config on any machine.
 */
export function runAccelerator(config: Pick<RunConfig, 'device' | 'pipeline'>): WebGpuAccelerator | undefined {
  return webgpuAsked(config) === undefined ? undefined : webgpuAccelerator(() => acquireNodeGpu());
}

/**
 * Acquires the run's WebGPU device before anything is written, so that a machine without one
 * fails at once. No adapter (or no `webgpu` package) is bad input for this machine, as a missing
 * TF.js backend is: a `ConfigError` at the field that asked for webgpu (exit code 2), whose
 * message is the adapter error's (why, and how to get one).
 */
export async function acquireRunAccelerator(config: Pick<RunConfig, 'device' | 'pipeline'>, accelerator: WebGpuAccelerator | undefined): Promise<void> {
  const path = webgpuAsked(config);
  if (accelerator === undefined || path === undefined) return;
  try {
    await accelerator.acquire();
  } catch (error) {
    if (!isScoreflowError(error)) throw error;
    throw new ConfigError('This machine has no WebGPU device for the run', [{ path, message: `${error.message} Or use device: cpu.` }], { cause: error });
  }
}

/**
 * Runs `body` with the run's WebGPU device acquired first (`acquireRunAccelerator`) and destroyed
 * after, however `body` ends (a live Dawn device keeps Node running); without one, just `body`.
 */
export async function withRunAccelerator<T>(config: Pick<RunConfig, 'device' | 'pipeline'>, accelerator: WebGpuAccelerator | undefined, body: () => Promise<T>): Promise<T> {
  await acquireRunAccelerator(config, accelerator);
  try {
    return await body();
  } finally {
    await accelerator?.release();
  }
}
