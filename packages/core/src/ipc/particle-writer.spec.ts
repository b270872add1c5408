import { describe, expect, it } from 'vitest';
import { makeParticleBatch } from '../batch/particle-batch.js';
import { isScoreflowError } from '../errors/scoreflow-error.js';
import { createParticleWriter } from './particle-writer.js';

describe('createParticleWriter(onChunk)', () => {
  it('rejects a batch whose columns differ from the first batch (Arrow would drop it and every later one silently)', () => {
    const writer = createParticleWriter(() => undefined, 'stream');
    const init = { x: new Float32Array(4), dim: 2, id: 0, step: 0, t: 0 };
    writer.write(makeParticleBatch({ ...init, weight: new Float32Array([0.5, 0.5]) }));
    writer.write(makeParticleBatch({ ...init, weight: new Float32Array([0.5, 0.5]) }));
    let error: unknown;
    try {
      writer.write(makeParticleBatch(init));
    } catch (caught) {
      error = caught;
    }
    expect(isScoreflowError(error)).toBe(true);
    expect((error as Error).message).toMatch(/the first had \(id: Uint32, step: Int32, t: Float32, x: .*, weight: Float32\), this one has \(id: Uint32, step: Int32, t: Float32, x: [^)]*\)\.$/);
    expect(writer.batches).toBe(2);
  });
});
