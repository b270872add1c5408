import type { AcceleratedStageSpec, Accelerator, Stage } from '@scoreflow/core';
import { GPU_CHAIN_METHODS, checkGpuSpec } from './check-spec.js';
import { chainStage } from './chain-stage.js';
import { steppedStage } from './stepped-stage.js';

/** What the accelerator needs of an acquired device (`GpuContext` of `acquireGpu` has it). */
export interface AcquiredGpu {
  readonly device: GPUDevice;
  readonly adapter: { readonly vendor: string; readonly architecture: string; readonly description?: string };
}

/** Core's `Accelerator` on WebGPU, with `acquire()` to get (once) and check the device before a run starts. */
export interface WebGpuAccelerator extends Accelerator {
  /** Acquires the device (once; later calls return the same promise); rejects as `acquire` does, e.g. with no adapter. */
  acquire(): Promise<AcquiredGpu>;
  /** Destroys the device if one was acquired (a live Dawn device keeps Node running); a later stage acquires anew. */
  release(): Promise<void>;
}

/**
 * The WebGPU accelerator of a run: `stage(spec)` checks at once that the GPU stages can take the
 * spec (a `ConfigError` naming the field otherwise; `path` is the stage's config path, from the
 * spec's `name` when not given) and returns a stage that acquires the device through `acquire` on
 * its first batch. The device is acquired once for every stage of the run; an app calls
 * `acquire()` before the run to fail at once on a machine without an adapter.
 *
 * @example
 * const accelerator = webgpuAccelerator(() => acquireGpu());
 * await accelerator.acquire();
 * const ctx = createRunContext({ dim: 2, device: 'webgpu', accelerator });
 */
export function webgpuAccelerator(acquire: () => Promise<AcquiredGpu>): WebGpuAccelerator {
  let acquired: Promise<AcquiredGpu> | undefined;
  let description = 'webgpu (not acquired yet)';
  const once = () =>
    (acquired ??= acquire().then((gpu) => {
      const { vendor, architecture } = gpu.adapter;
      description = `webgpu ${[vendor, architecture].filter((part) => part !== '').join('/')}`;
      return gpu;
    }));
  return {
    name: 'webgpu',
    get description() {
      return description;
    },
    acquire: once,
    async release() {
      const pending = acquired;
      acquired = undefined;
      if (pending === undefined) return;
      try {
        (await pending).device.destroy();
      } catch {
        // Never acquired: nothing to destroy.
      }
    },
    stage(spec: AcceleratedStageSpec): Stage {
      checkGpuSpec(spec, spec.path ?? spec.name);
      const device = async () => (await once()).device;
      return GPU_CHAIN_METHODS.includes(spec.method) ? chainStage(spec, device) : steppedStage(spec, device);
    },
  };
}
