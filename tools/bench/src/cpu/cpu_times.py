"""CPU time per thread from /proc, for the CPU bench's Python references."""
import math
import os
import time


def thread_cpu():
    """CPU seconds (user + system) of each thread of this process, from /proc/self/task (10 ms ticks)."""
    times = {}
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/stat") as stat:
                fields = stat.read().split(") ")[1].split(" ")
            times[task] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError):
            pass
    return times


def best_times(run, repeats=3):
    """Runs `run` once to warm up, then `repeats` times: the least wall time, the least CPU time of the
    busiest thread and the least CPU time of all threads together, in seconds."""
    run()
    wall = cpu = total = math.inf
    for _ in range(repeats):
        before = thread_cpu()
        start = time.perf_counter()
        run()
        wall = min(wall, time.perf_counter() - start)
        after = thread_cpu()
        used = [after[t] - before.get(t, 0.0) for t in after]
        cpu = min(cpu, max(used))
        total = min(total, sum(used))
    return wall, cpu, total
