import { type GpuContext, NoGpuAdapterError, describeGpu } from '@scoreflow/webgpu';
import { acquireNodeGpu } from '@scoreflow/webgpu/node';
import type { BenchResult } from '../measure.js';
import { type GpuFigure, type GpuFigureSizes, ISSUE_SIZES, gpuFigures } from './gpu-figures.js';

/** Options of `gpuBench`: the sizes (the issue's), where the JSON lines go (stdout), how the device is acquired (Dawn). */
export interface GpuBenchOptions {
  readonly sizes?: GpuFigureSizes;
  readonly write?: (line: string) => void;
  readonly acquire?: () => Promise<GpuContext>;
}

/**
 * `npm run bench -- gpu`: the GPU figures (`gpuFigures`) on this machine's WebGPU adapter through
 * Dawn, one JSON line each on stdout as they come. Without an adapter it says so (the reason and
 * how to get one) and reports no figures rather than failing the bench.
 */
export async function gpuBench(options: GpuBenchOptions = {}): Promise<BenchResult> {
  const { sizes = ISSUE_SIZES, write = (line) => process.stdout.write(`${line}\n`), acquire = () => acquireNodeGpu({ powerPreference: 'high-performance' }) } = options;
  let context: GpuContext;
  try {
    context = await acquire();
  } catch (error) {
    if (!(error instanceof NoGpuAdapterError)) throw error;
    write(JSON.stringify({ figure: 'adapter', value: 0, unit: '', detail: { none: error.reason } }));
    return { bench: 'GPU (WebGPU)', description: `not measured: no WebGPU adapter on this machine (${error.reason})`, values: [] };
  }
  const gpu = describeGpu(context);
  write(JSON.stringify({ figure: 'adapter', detail: gpu }));
  try {
    const figures = await gpuFigures(context.device, sizes, (figure: GpuFigure) => write(JSON.stringify(figure)));
    return {
      bench: 'GPU (WebGPU)',
      description: `${gpu.label}, ${sizes.particles.toLocaleString('en')} 2-D particles, exact double-Gaussian score or the MLP 3x128 in WGSL`,
      values: figures.map((figure) => ({ name: figure.figure, value: figure.value, unit: figure.unit, ...(figure.target ? { target: figure.target } : {}) })),
    };
  } finally {
    context.device.destroy();
  }
}
