import { closeSync } from 'node:fs';
import type { ParticleWriter } from '../ipc/particle-writer.js';

/** What a particle writer on an open file does besides Arrow's writing (`fileParticleWriter`). */
export interface FileWriterSteps {
  /** After each batch (e.g. hand the pending chunks to the operating system). */
  readonly afterWrite?: () => void;
  /** After the writer is closed, before the file is: get everything to the disk (`fsync`). */
  readonly finish: () => void;
}

/**
 * The particle writer of `openParticleFile` and `openParticleJournal`: `writer` on the open file
 * `fd` at `path`. `close()` acts once: it ends the writer, runs `finish`, and closes `fd` even when
 * either throws.
 */
export function fileParticleWriter(path: string, fd: number, writer: ParticleWriter, steps: FileWriterSteps): ParticleWriter & { readonly path: string } {
  let open = true;
  return {
    path,
    write(batch) {
      writer.write(batch);
      steps.afterWrite?.();
    },
    close() {
      if (!open) return;
      open = false;
      try {
        writer.close();
        steps.finish();
      } finally {
        closeSync(fd);
      }
    },
    get batches() {
      return writer.batches;
    },
  };
}
