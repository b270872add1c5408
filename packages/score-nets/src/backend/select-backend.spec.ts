import { describe, expect, it } from 'vitest';
import { tf } from './tf.js';
import { BackendUnavailableError } from './backend-unavailable-error.js';
import { selectBackend } from './select-backend.js';
import { probeWebgpu } from './webgpu-backend.js';

async function tensorflowInstalled(): Promise<boolean> {
  for (const name of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await import(name);
      return true;
    } catch {
      // absent
    }
  }
  return false;
}

describe('selectBackend(name)', () => {
  // First, while wasm is not yet initialised: two overlapping initialisations of it used to fail.
  it('runs overlapping calls one after another, each resolving to its backend, the last one current', async () => {
    expect(await Promise.all([selectBackend('wasm'), selectBackend('wasm'), selectBackend('cpu')])).toEqual(['wasm', 'wasm', 'cpu']);
    expect(tf.getBackend()).toBe('cpu');
  });
  it('selectBackend("cpu") selects cpu and returns its name', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
  it('selectBackend("wasm") selects wasm', async () => {
    expect(await selectBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });
  it('selectBackend("best") is webgpu where an adapter exists, else tensorflow when tfjs-node(-gpu) is installed, else wasm', async () => {
    const expected = (await probeWebgpu()).available ? 'webgpu' : (await tensorflowInstalled()) ? 'tensorflow' : 'wasm';
    expect(await selectBackend('best')).toBe(expected);
  });
  it('selectBackend("tensorflow") throws BackendUnavailableError when neither package is installed', async () => {
    if (await tensorflowInstalled()) return;
    await expect(selectBackend('tensorflow')).rejects.toBeInstanceOf(BackendUnavailableError);
  });
  it('selectBackend("webgpu") throws BackendUnavailableError saying why where Node finds no WebGPU adapter', async () => {
    const probe = await probeWebgpu();
    if (probe.available) return; // a machine with a GPU: the Chromium spec covers the backend
    const error = await selectBackend('webgpu').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as Error).message).toMatch(/'webgpu' is unavailable: .*(no adapter|does not load).*choose 'best', 'wasm' or 'cpu'/);
  });
});
