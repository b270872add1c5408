import { cpuPerUnit, threadCpuMs } from '../cases/score-net-thread-cpu.js';

/** A run's times in ms: wall, and CPU of its busiest thread (what the wall time would be with a core per thread). */
export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * The best of `repeats` runs after one warm-up, each after `reset` (untimed): the least wall time
 * and the least CPU time of the busiest thread (this one when `threads` is 'main', the busiest
 * other thread with 'workers', the busiest of all with 'busiest'), from /proc (10 ms resolution).
 * On a shared machine the wall time counts the neighbours' work too; the CPU time mostly does not.
 */
export async function best(reset: () => void, run: () => unknown, threads: 'main' | 'workers' | 'busiest' = 'main', repeats = 3): Promise<Timing> {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r <= repeats; r++) {
    reset();
    const before = threadCpuMs();
    const start = performance.now();
    await run();
    const elapsed = performance.now() - start;
    const used = cpuPerUnit(before, threadCpuMs(), 1);
    if (r === 0) continue;
    wall = Math.min(wall, elapsed);
    cpu = Math.min(cpu, threads === 'main' ? used.main : threads === 'workers' ? used.busiestOther : Math.max(used.main, used.busiestOther));
  }
  return { wall, cpu };
}
