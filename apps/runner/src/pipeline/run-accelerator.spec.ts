import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { webgpuAsked } from './run-accelerator.js';

/** Ten Euler-Maruyama steps of the double Gaussian, on the device the run asks for. */
const gpuConfig = (device: Record<string, unknown>, stage: Record<string, unknown> = {}) => ({
  name: 'gpu-run',
  particles: 64,
  sde: { type: 'vp' },
  source: { type: 'prior' },
  ...device,
  pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 10, ...stage }],
});

async function cli(...args: string[]): Promise<{ code: number; text: string }> {
  const { lines, io } = quietIo();
  const code = await runCli(['node', 'scoreflow', ...args], io);
  return { code, text: lines.join('\n') };
}

describe('webgpuAsked(config)', () => {
  it("names the field that asks for webgpu: the run's device, else the first stage's", () => {
    expect(webgpuAsked({ device: 'webgpu', pipeline: [{ type: 'heun', device: 'webgpu' }] })).toBe('device');
    expect(webgpuAsked({ pipeline: [{ type: 'forward' }, { type: 'heun', device: 'webgpu' }] })).toBe('pipeline.1.device');
    expect(webgpuAsked({ device: 'cpu', pipeline: [{ type: 'heun' }] })).toBeUndefined();
  });
});

// Dawn finds no adapter on these machines (no GPU, no Vulkan driver): the plain-node path of a GPU run.
describe('scoreflow run with device: webgpu on a machine without a WebGPU adapter', () => {
  it.each([
    ['the run-level device', { device: 'webgpu' }, {}, 'device'],
    ["a stage's own device", {}, { device: 'webgpu', fused: true }, 'pipeline.0.device'],
  ])('%s: exit 2 with the adapter error at that field, and no output folder', async (_, run, stage, path) => {
    const { file, out } = configWorkspace(gpuConfig(run, stage));
    const { code, text } = await cli('run', file, '--out', out);
    expect(code).toBe(2);
    expect(text).toMatch(new RegExp(`^error: This machine has no WebGPU device for the run:\\n {2}- ${path.replace('.', '\\.')}: No WebGPU adapter: .*(Vulkan|webgpu).*Or use device: cpu\\.`, 'm'));
    expect(existsSync(out)).toBe(false);
  });

  it('validate checks the same config without a device: valid', async () => {
    const { file } = configWorkspace(gpuConfig({ device: 'webgpu' }));
    const { code, text } = await cli('validate', file);
    expect({ code, text }).toEqual({ code: 0, text: `${file}: valid (1 stage, 0 metrics, 64 particles)` });
  });

  it('a sampler without a GPU stage, or a score the GPU cannot evaluate, is a config error naming the field and what is allowed', async () => {
    const ddim = configWorkspace({ ...gpuConfig({ device: 'webgpu' }), pipeline: [{ type: 'ddim', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 10 }] });
    const refused = await cli('validate', ddim.file);
    expect(refused.code).toBe(2);
    expect(refused.text).toMatch(/pipeline\.0\.device: 'ddim' has no WebGPU stage yet: use device: cpu, or one of euler-maruyama, ancestral, ode-euler, heun, dpm-solver-2m, forward, random-walk-metropolis, mala, hmc on webgpu/);
    const empirical = configWorkspace(gpuConfig({}, { device: 'webgpu', score: { type: 'empirical', data: { type: 'gaussian-mixture', preset: 'double-gaussian' } } }));
    const noScore = await cli('validate', empirical.file);
    expect(noScore.code).toBe(2);
    expect(noScore.text).toMatch(/pipeline\.0\.score: device webgpu needs a score it can evaluate in WGSL \(mixture, mlp\).*use device: cpu/);
  });
});
