import type { JetStreamClient, JetStreamPublishOptions } from '@nats-io/jetstream';
import { TRANSIENT, TRANSIENT_MS } from './transient.js';

/** A stream that discards new messages refuses a publish with one of these while it is full. */
const FULL = /maximum (messages|bytes|messages per subject) exceeded|resource limits exceeded/i;

/**
 * Publishes to JetStream, waiting while the stream is full: a stream with `discard: new` refuses a
 * message beyond its limits, and this retries with a growing pause (10 ms doubling up to 500 ms)
 * until the consumers have made room or `signal` aborts. Back-pressure without losing anything:
 * the producer slows to the pace of the consumers. Transient errors (a timeout, no responders,
 * a lost connection: a server restarting, a cluster electing a leader) are retried likewise for up
 * to a minute; a message id makes the retry safe (the server drops a copy it already stored). Any
 * other error is thrown at once.
 * Returns whether the server had stored a message with the same `msgID` within its duplicate
 * window already (then it dropped this one); `onWait` is told each time it waits.
 */
export async function publishPatiently(js: JetStreamClient, subject: string, data: Uint8Array, options: Partial<JetStreamPublishOptions>, signal?: AbortSignal, onWait?: () => void): Promise<boolean> {
  const started = Date.now();
  for (let pause = 10; ; pause = Math.min(500, pause * 2)) {
    try {
      const ack = await js.publish(subject, data, options);
      return ack.duplicate;
    } catch (error) {
      const message = (error as Error).message;
      if (!FULL.test(message) && !(TRANSIENT.test(message) && Date.now() - started < TRANSIENT_MS)) throw error;
      if (signal?.aborted === true) throw new Error(`publish to ${subject} given up: aborted while the stream was full`);
      onWait?.();
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
