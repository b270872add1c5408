import { particlesFromIpc, particlesToIpc } from '@scoreflow/core';
import type { RunEvent } from '../pipeline/run-events.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Encodes the events of one shard (every snapshot and stats record its stages gave, in the order
 * they came) as one byte string for the engine: one frame per event, `[u32 n][n bytes of JSON
 * { type, stage, stats? }][u32 m][m bytes]`, the m bytes being the snapshot batch as an Arrow IPC
 * stream (schema metadata included; m = 0 for stats), little-endian lengths.
 */
export function encodeShardEvents(events: readonly RunEvent[]): Uint8Array {
  const frames = events.map((event) => {
    const head = encoder.encode(JSON.stringify(event.type === 'snapshot' ? { type: 'snapshot', stage: event.stage } : { type: 'stats', stage: event.stage, stats: event.stats }));
    const body = event.type === 'snapshot' ? particlesToIpc([event.batch], 'stream') : new Uint8Array(0);
    return { head, body };
  });
  const out = new Uint8Array(frames.reduce((sum, frame) => sum + 8 + frame.head.length + frame.body.length, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const { head, body } of frames) {
    for (const part of [head, body]) {
      view.setUint32(offset, part.length, true);
      out.set(part, offset + 4);
      offset += 4 + part.length;
    }
  }
  return out;
}

/** Decodes what `encodeShardEvents` wrote, in the same order; a frame cut short throws. */
export function decodeShardEvents(bytes: Uint8Array): RunEvent[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const events: RunEvent[] = [];
  let offset = 0;
  const part = (): Uint8Array => {
    if (offset + 4 > bytes.length) throw new Error(`shard events: frame header cut short at byte ${offset} of ${bytes.length}`);
    const length = view.getUint32(offset, true);
    if (offset + 4 + length > bytes.length) throw new Error(`shard events: a frame of ${length} bytes at byte ${offset} runs past the end (${bytes.length})`);
    const slice = bytes.subarray(offset + 4, offset + 4 + length);
    offset += 4 + length;
    return slice;
  };
  while (offset < bytes.length) {
    const head = JSON.parse(decoder.decode(part())) as { type: string; stage: number; stats?: unknown };
    const body = part();
    if (head.type === 'snapshot') {
      const [batch] = particlesFromIpc(body);
      events.push({ type: 'snapshot', stage: head.stage, batch });
    } else if (head.type === 'stats') {
      events.push({ type: 'stats', stage: head.stage, stats: head.stats as Extract<RunEvent, { type: 'stats' }>['stats'] });
    } else throw new Error(`shard events: unknown event type ${JSON.stringify(head.type)}`);
  }
  return events;
}
