import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { tinyCheckpoint } from '../testing/tiny-checkpoint.js';

const SHIPPED = fileURLToPath(new URL('../../configs/gpu/double-gaussian-network-webgpu.yaml', import.meta.url));

async function cli(...args: string[]): Promise<{ code: number; text: string }> {
  const { lines, io } = quietIo();
  const code = await runCli(['node', 'scoreflow', ...args], io);
  return { code, text: lines.join('\n') };
}

/** The shipped config with its checkpoint replaced by `checkpoint` (a tiny untrained 2-D MLP's), in a workspace of its own. */
function shippedWith(checkpoint: string) {
  const config = parse(readFileSync(SHIPPED, 'utf8')) as { pipeline: { score: Record<string, unknown> }[] };
  config.pipeline[0].score = { ...config.pipeline[0].score, checkpoint };
  return configWorkspace(config);
}

// Dawn finds no adapter on these machines: the network's weights are never read, the run stops at the device.
describe('gpu/double-gaussian-network-webgpu.yaml on a machine without a WebGPU adapter', () => {
  let checkpoint: string;
  beforeAll(async () => {
    checkpoint = await tinyCheckpoint();
  }, 120_000);

  it('validates: the network score describes itself as an MLP of the particles\' dimension before its weights load', async () => {
    const { file } = shippedWith(checkpoint);
    const { code, text } = await cli('validate', file);
    expect({ code, text }).toEqual({ code: 0, text: `${file}: valid (1 stage, 2 metrics, 1000000 particles, 1 figure)` });
  });

  it('run exits 2 with the adapter error at the run\'s device, and writes no output folder', async () => {
    const { file, out } = shippedWith(checkpoint);
    const { code, text } = await cli('run', file, '--out', out);
    expect(code).toBe(2);
    expect(text).toMatch(/^error: This machine has no WebGPU device for the run:\n {2}- device: No WebGPU adapter: .*(Vulkan|webgpu).*Or use device: cpu\./m);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
