/**
 * Resolves on a later macrotask: `setImmediate` where it exists (Node: no clamping), else
 * `setTimeout(0)` (browsers). On the cpu and wasm backends `tensor.data()` resolves as a
 * microtask, so a loop of training steps would otherwise hold the thread: no repaint in a page,
 * no progress-bar redraw, no signal handler in Node until it ends.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** How long `train` runs steps before it yields to the event loop (milliseconds). */
export const YIELD_EVERY_MS = 30;
