/**
 * `promise`, or a rejection with `timeoutError()` when it has not settled after `ms` milliseconds:
 * WebGPU's `requestAdapter` and `requestDevice` may never answer (a wedged driver), and a run must not hang.
 */
export function withinTime<T>(promise: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
