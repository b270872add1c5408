import { makeParticleBatch, particlesToIpc } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../pipeline/run-events.js';
import { decodeShardEvents, encodeShardEvents } from './shard-events.js';

describe('encodeShardEvents(events) / decodeShardEvents(bytes)', () => {
  it('gives back the same events in the same order, batches equal as Arrow IPC bytes', () => {
    const batch = (step: number) => makeParticleBatch({ x: Float32Array.from({ length: 12 }, (_, i) => i * 0.5 + step), dim: 3, id: 4096, step, t: 1 - step / 10, metadata: { run: 'r', seed: 3 } });
    const events: RunEvent[] = [
      { type: 'snapshot', stage: 0, batch: batch(0) },
      { type: 'stats', stage: 0, stats: { particles: 4, values: { nfe: 20 } } },
      { type: 'snapshot', stage: 1, batch: batch(1) },
    ];
    const decoded = decodeShardEvents(encodeShardEvents(events));
    expect(decoded.map((event) => [event.type, event.stage])).toEqual([
      ['snapshot', 0],
      ['stats', 0],
      ['snapshot', 1],
    ]);
    expect(decoded[1]).toEqual(events[1]);
    for (const index of [0, 2]) {
      const [given, back] = [events[index], decoded[index]] as { batch: Parameters<typeof particlesToIpc>[0] extends Iterable<infer B> ? B : never }[];
      expect(particlesToIpc([back.batch])).toEqual(particlesToIpc([given.batch]));
    }
  });

  it('refuses bytes cut short, saying where', () => {
    const bytes = encodeShardEvents([{ type: 'stats', stage: 0, stats: { particles: 1, values: {} } }]);
    expect(() => decodeShardEvents(bytes.subarray(0, bytes.length - 6))).toThrow(/shard events: .* (cut short|runs past the end)/);
  });
});
