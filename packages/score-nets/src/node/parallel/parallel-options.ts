import { availableParallelism } from 'node:os';
import { tf } from '../../backend/tf.js';
import { BACKEND_NAMES, type BackendName } from '../../backend/select-backend.js';

/** How many threads share the work, and on what backend the workers run. */
export interface ParallelOptions {
  /**
   * Worker threads besides the main thread, which takes a shard too (default
   * `os.availableParallelism() - 1`: one thread per core). 0 runs everything in this thread.
   */
  readonly workers?: number;
  /** The workers' TensorFlow.js backend (default: the main thread's current one, `tf.getBackend()`). */
  readonly backend?: BackendName;
}

const BACKENDS: readonly BackendName[] = BACKEND_NAMES;

/**
 * The worker count that `workers: 'auto'` means on `backend`: one per core beyond the main
 * thread on wasm and cpu (one thread each in Node), none on tensorflow (libtensorflow uses every
 * core itself) or webgpu (one GPU).
 */
export function autoWorkers(backend: BackendName): number {
  return backend === 'tensorflow' || backend === 'webgpu' ? 0 : Math.max(0, availableParallelism() - 1);
}

/** `ParallelOptions` checked, defaults filled; `caller` names the function in messages. */
export function parallelSettings(options: ParallelOptions, caller: string): { readonly workers: number; readonly backend: BackendName } {
  const { workers = Math.max(0, availableParallelism() - 1) } = options;
  if (!Number.isSafeInteger(workers) || workers < 0) throw new RangeError(`${caller}: workers must be an integer >= 0, got ${workers}.`);
  const current = tf.getBackend() as BackendName;
  const backend = options.backend ?? (BACKENDS.includes(current) ? current : 'wasm');
  if (!BACKENDS.includes(backend)) throw new RangeError(`${caller}: backend must be one of ${BACKENDS.join(', ')}, got '${String(backend)}'.`);
  return { workers, backend };
}
