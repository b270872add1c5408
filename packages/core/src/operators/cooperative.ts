import { Observable } from 'rxjs';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** How long a producer may compute before it lets the event loop run (ms). */
const SLICE_MS = 8;

/** What a cooperative producer uses to emit and to take turns with the rest of the program. */
export interface CooperativeEmitter<T> {
  next(value: T): void;
  /** True once the subscriber unsubscribed or the signal aborted: the producer should stop. */
  readonly stopping: boolean;
  /** Lets the event loop run when the producer has computed for a few milliseconds. */
  pace(): Promise<void>;
}

/**
 * An Observable around a long-running async producer that plays well with others: it stops at
 * the producer's next check after an unsubscribe or an abort of `signal` (an abort completes
 * the Observable, so sinks can close their files), yields to the event loop every few
 * milliseconds through `pace()` (so SIGINT handlers, timers and other subscriptions run), and
 * sends the producer's errors down the error channel. The base of `runSteps` and of data sources.
 */
export function cooperative<T>(signal: AbortSignal | undefined, produce: (emitter: CooperativeEmitter<T>) => Promise<void>): Observable<T> {
  return new Observable<T>((subscriber) => {
    let unsubscribed = false;
    let sliceStart = performance.now();
    const emitter: CooperativeEmitter<T> = {
      next: (value) => subscriber.next(value),
      get stopping() {
        return unsubscribed || subscriber.closed || signal?.aborted === true;
      },
      async pace() {
        if (performance.now() - sliceStart >= SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      },
    };
    produce(emitter).then(
      () => subscriber.complete(),
      (error: unknown) => subscriber.error(error),
    );
    return () => {
      unsubscribed = true;
    };
  });
}
