/**
 * Resolves on the next turn of the event loop (a macrotask), so that timers, signal handlers
 * and unsubscriptions run between steps of a long computation. `setImmediate` in Node, a
 * `MessageChannel` in browsers (where `setTimeout(0)` is clamped to 4 ms).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
