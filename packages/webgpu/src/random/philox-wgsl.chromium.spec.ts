import { fileURLToPath } from 'node:url';
import { counterKey, counterNormals, counterUniforms, counterWords, philox4x32, streamId } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from '../testing/use-chromium-gpu.js';
import type { counterDrawsOnGpu } from './philox.page.js';

const page = fileURLToPath(new URL('./philox.page.ts', import.meta.url));
type Draws = Awaited<ReturnType<typeof counterDrawsOnGpu>>;

/** Counters (id, step, stream, call) that reach every word's range: ids and streams above 2^31, large steps and calls. */
function counters(count: number): number[] {
  const flat: number[] = [];
  const edges = [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1];
  for (const id of edges) for (const call of [0, 1, 2 ** 32 - 1]) flat.push(id, 7, streamId('reverse-noise'), call);
  for (let i = 0; flat.length < 4 * count; i++) {
    flat.push((2 ** 31 + 977 * i) >>> 0, i % 1000, i % 3 === 0 ? streamId('accept') : 0xfffffff0 + (i % 16), i % 5);
  }
  return flat;
}

describe('PHILOX_WGSL on the GPU (Chromium, SwiftShader) against core\'s counter RNG', () => {
  const gpu = useChromiumGpu();

  it('gives Random123\'s known answers for philox4x32_10', async () => {
    const ones = 0xffffffff;
    const zero = await gpu.call<Draws>(page, 'counterDrawsOnGpu', [0, 0, 0, 0], [0, 0]);
    const allOnes = await gpu.call<Draws>(page, 'counterDrawsOnGpu', [ones, ones, ones, ones], [ones, ones]);
    const pi = await gpu.call<Draws>(page, 'counterDrawsOnGpu', [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]);
    expect(zero.adapter).toMatch(/swiftshader/);
    expect(zero.words).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
    expect(allOnes.words).toEqual([0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]);
    expect(pi.words).toEqual([0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
  });

  for (const seed of [0, 42, 2 ** 32 + 5, 2 ** 53 - 1]) {
    it(`gives counterWords and counterUniforms bit for bit, counterNormals to 1e-5, seed ${seed}`, async () => {
      const flat = counters(2048);
      const draws = await gpu.call<Draws>(page, 'counterDrawsOnGpu', flat, counterKey(seed));
      const words: number[] = [];
      const uniforms = new Float32Array(flat.length);
      const normals = new Float32Array(flat.length);
      for (let i = 0; i < flat.length; i += 4) {
        const [id, step, stream, call] = flat.slice(i, i + 4);
        words.push(...counterWords(seed, id, step, stream, call));
        // Values 4 call .. 4 call + 3 of the particle are the slots of this call.
        const width = 4 * (call + 1);
        if (width <= 64) {
          const ids = new Uint32Array([id]);
          uniforms.set(counterUniforms(new Float32Array(width), seed, ids, width, { step, stream }).subarray(4 * call), i);
          normals.set(counterNormals(new Float32Array(width), seed, ids, width, { step, stream }).subarray(4 * call), i);
        } else {
          uniforms.set(draws.uniforms.slice(i, i + 4), i); // call 2^32 - 1 is past any width: words only
          normals.set(draws.normals.slice(i, i + 4), i);
        }
      }
      expect(draws.words).toEqual(words);
      expect(draws.uniforms).toEqual(Array.from(uniforms));
      let worst = 0;
      for (let i = 0; i < normals.length; i++) worst = Math.max(worst, Math.abs(draws.normals[i] - normals[i]));
      expect(worst).toBeLessThan(1e-5);
      expect(philox4x32([flat[0], flat[1], flat[2], flat[3]], counterKey(seed))).toEqual(new Uint32Array(draws.words.slice(0, 4)));
    });
  }
});
