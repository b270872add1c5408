import { rmSync } from 'node:fs';
import { createParticleWriter } from '../ipc/particle-writer.js';
import { createAtomicFile } from './atomic-file.js';
import { readParticleBatches } from './particle-file.js';

/**
 * Turns the journal `journalPath` (Arrow IPC stream, `openParticleJournal`) into the Arrow IPC file
 * `filePath` (random access, with a footer) batch by batch, then removes the journal. The file is
 * written beside `filePath` and renamed onto it, so that a crash during the copy leaves the
 * journal whole and no half file. The bytes are those a file writer given the same batches writes.
 * Returns the number of batches.
 */
export async function journalToParticleFile(journalPath: string, filePath: string): Promise<number> {
  const file = createAtomicFile(filePath);
  const writer = createParticleWriter((chunk) => file.write(chunk), 'file');
  try {
    for await (const batch of readParticleBatches(journalPath)) writer.write(batch);
    writer.close();
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
  rmSync(journalPath, { force: true });
  return writer.batches;
}
