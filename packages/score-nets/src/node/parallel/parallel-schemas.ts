import { z } from 'zod';
import { BACKEND_CHOICES } from '../../backend/select-backend.js';

/** A config's TensorFlow.js backend: `best` (tensorflow when installed, else wasm) or one by name. */
export const backendOption = z.enum(BACKEND_CHOICES).default('best').describe('TensorFlow.js backend; best = webgpu where an adapter exists, else tensorflow when installed, else wasm');

/** A config's worker threads: a count, or `auto` (`autoWorkers`: one per extra core on wasm and cpu, 0 on tensorflow). */
export const workersOption = z
  .union([z.literal('auto'), z.number().int().min(0)])
  .default('auto')
  .describe('worker threads sharing the work with the main thread (auto: one per extra core on wasm and cpu, 0 on tensorflow)');

/** "main thread + 1 worker", "main thread + 3 workers", or "" for none: how logs name the threads. */
export const threadsInWords = (workers: number): string => (workers > 0 ? `main thread + ${workers} worker${workers > 1 ? 's' : ''}` : '');
