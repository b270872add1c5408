import { makeParticleBatch } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { uploadParticles } from './particle-buffer.js';

/** A device that is never reached: the checks come first. */
const device = { limits: { maxStorageBufferBindingSize: 1024, maxBufferSize: 1024 } } as unknown as GPUDevice;
const batch = (dim: number, label?: Int32Array) => makeParticleBatch({ x: new Float32Array(2 * dim), dim, id: 0, step: 0, t: 0, label });

describe('uploadParticles(device, batches): bad input', () => {
  it('says which batch has another dimension, or lacks the labels the first has', () => {
    expect(() => uploadParticles(device, [batch(2), batch(3)])).toThrow('uploadParticles: batch 1: expected dimension 2, got 3.');
    expect(() => uploadParticles(device, [batch(2, new Int32Array(2)), batch(2)])).toThrow("uploadParticles: batch 1 has no 'label' column, batch 0 has one.");
  });

  it('names what it expects of a value that is not a particle batch, and of an empty list', () => {
    expect(() => uploadParticles(device, [{} as never])).toThrow(/^uploadParticles: expects particle batches/);
    expect(() => uploadParticles(device, [])).toThrow('uploadParticles: batches must hold at least one batch, got none.');
  });

  it('says when one particle takes more bytes than a buffer may bind', () => {
    expect(() => uploadParticles(device, batch(300))).toThrow(/one particle of dimension 300 takes 1200 bytes, more than the 1024 bytes/);
  });
});
