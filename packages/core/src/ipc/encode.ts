import { RecordBatchReader } from 'apache-arrow';
import type { ParticleBatch } from '../batch/particle-batch.js';
import { type IpcFormat, createParticleWriter } from './particle-writer.js';
import { concatBytes } from './concat-bytes.js';

/** Encodes batches as one Arrow IPC buffer (file or stream format). */
export function particlesToIpc(batches: Iterable<ParticleBatch>, format: IpcFormat = 'file'): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = createParticleWriter((chunk) => chunks.push(chunk.slice()), format);
  for (const batch of batches) writer.write(batch);
  writer.close();
  return concatBytes(chunks);
}

/** Decodes an Arrow IPC buffer (either format) into its batches. */
export function particlesFromIpc(bytes: Uint8Array): ParticleBatch[] {
  return [...RecordBatchReader.from(bytes)];
}
