import { writeJsonAtomic } from './output-folder.js';

/** A JSON status file kept current while a command runs (see `liveStatus`). */
export interface LiveStatus {
  /** Writes `value` now. */
  write(value: unknown): void;
  /** Writes `value()` if the last write is at least `everyMs` old; otherwise does nothing. */
  update(value: () => unknown): void;
}

/**
 * Keeps the JSON file `path` (a command's `metrics.json`) current while it runs: every write is
 * atomic (`writeJsonAtomic`), so a reader, or what is left after a killed process, always finds a
 * whole file; `update` writes at most once every `everyMs` milliseconds (default 1000).
 */
export function liveStatus(path: string, everyMs = 1000): LiveStatus {
  let written = Number.NEGATIVE_INFINITY;
  const write = (value: unknown) => {
    writeJsonAtomic(path, value);
    written = performance.now();
  };
  return {
    write,
    update(value) {
      if (performance.now() - written >= everyMs) write(value());
    },
  };
}
