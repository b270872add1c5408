/** Page side of gpu-figures.spec.ts: the GPU figures at tiny sizes on Chromium's SwiftShader adapter. */
import { acquireGpu } from '@scoreflow/webgpu';
import { type GpuFigure, gpuFigures } from './gpu-figures.js';

export async function tinyFigures(): Promise<GpuFigure[]> {
  const { device } = await acquireGpu();
  try {
    return await gpuFigures(device, { particles: 2048, steps: 4, fusedSteps: 4, manyParticles: 4096, trainBatches: [64], trainSteps: 2, repeats: 1 });
  } finally {
    device.destroy();
  }
}
