import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ParticleBatch, ParticleWriter } from '@scoreflow/core';
import { journalToParticleFile, openParticleJournal } from '@scoreflow/core/node';
import { journalToParquet } from './parquet-particles.js';

/** Formats of the particle file: Arrow IPC (`trajectories.arrow`, default) or Parquet (`trajectories.parquet`). */
export const PARTICLE_FORMATS = ['arrow', 'parquet'] as const;
export type ParticleFormat = (typeof PARTICLE_FORMATS)[number];

/** The journal every snapshot goes to while a run goes on (Arrow IPC stream). */
export const JOURNAL_FILE = 'trajectories.arrows';

/** The particle file of a finished (or stopped) run, by format. */
export const particleFileName = (format: ParticleFormat): string => `trajectories.${format}`;

/** Every file the particle output may write, for the output folder's manifest. */
export const particleOutputFiles = (format: ParticleFormat): string[] => [JOURNAL_FILE, particleFileName(format), `${particleFileName(format)}.tmp`];

/** The particle output of a run: a journal while it runs, the particle file at the end. */
export interface ParticleOutput extends ParticleWriter {
  /**
   * Ends the journal and turns it into the particle file (then removed). Resolves to the file's
   * name, or undefined when no snapshot was written (no Parquet file then; an empty Arrow file).
   */
  finish(): Promise<string | undefined>;
}

/**
 * Opens the particle output of a run in `outDir`: every snapshot batch goes at once to
 * `trajectories.arrows` (`openParticleJournal`: whole batches survive a killed process), and
 * `finish` writes `trajectories.arrow` (the bytes a direct Arrow file writer gives) or
 * `trajectories.parquet` from it.
 */
export function openParticleOutput(outDir: string, format: ParticleFormat): ParticleOutput {
  const journalPath = join(outDir, JOURNAL_FILE);
  const journal = openParticleJournal(journalPath);
  const target = particleFileName(format);
  return {
    write: (batch: ParticleBatch) => journal.write(batch),
    close: () => journal.close(),
    get batches() {
      return journal.batches;
    },
    async finish() {
      journal.close();
      if (format === 'arrow') {
        await journalToParticleFile(journalPath, join(outDir, target));
        return target;
      }
      await journalToParquet(journalPath, join(outDir, target));
      return existsSync(join(outDir, target)) ? target : undefined;
    },
  };
}
