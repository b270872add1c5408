import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) of each thread of this process so far, by thread id, from
 * /proc/self/task/TID/stat (fields utime and stime, in clock ticks: 10 ms resolution). Empty where
 * there is no /proc. On a shared machine wall time measures the neighbours too; the busiest
 * thread's CPU time per step is what a step would take with a core per thread.
 */
export function threadCpuMs(): Map<number, number> {
  const times = new Map<number, number>();
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return times;
  }
  for (const task of tasks) {
    try {
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
      const fields = readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      times.set(Number(task), ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // the thread ended meanwhile
    }
  }
  return times;
}

/** CPU ms per unit of work between two `threadCpuMs` readings: this (main) thread's and the busiest other thread's. */
export function cpuPerUnit(before: Map<number, number>, after: Map<number, number>, units: number): { readonly main: number; readonly busiestOther: number } {
  let busiestOther = 0;
  for (const [thread, ms] of after) {
    if (thread === process.pid) continue;
    busiestOther = Math.max(busiestOther, (ms - (before.get(thread) ?? 0)) / units);
  }
  return { main: ((after.get(process.pid) ?? 0) - (before.get(process.pid) ?? 0)) / units, busiestOther };
}
