import { describe, expect, it } from 'vitest';
import { tf } from './tf.js';
import { BackendUnavailableError } from './backend-unavailable-error.js';
import { selectBackend } from './select-backend.js';

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
  it('selectBackend("cpu") selects cpu and returns its name', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
  it('selectBackend("wasm") selects wasm', async () => {
    expect(await selectBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });
  it('selectBackend("best") is tensorflow when tfjs-node(-gpu) is installed, else wasm', async () => {
    const expected = (await tensorflowInstalled()) ? 'tensorflow' : 'wasm';
    expect(await selectBackend('best')).toBe(expected);
  });
  it('selectBackend("tensorflow") throws BackendUnavailableError when neither package is installed', async () => {
    if (await tensorflowInstalled()) return;
    await expect(selectBackend('tensorflow')).rejects.toBeInstanceOf(BackendUnavailableError);
  });
});
