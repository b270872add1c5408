import { isScoreflowError } from '@scoreflow/core';

/** What a request meets while the server restarts or a cluster elects a leader: worth retrying for a while. */
export const TRANSIENT = /timeout|no responders|disconnect|reconnect|connection (lost|refused)|jetstream not (enabled|available)|temporarily unavailable/i;

/** How long transient errors are retried before the last one is thrown (ms). */
export const TRANSIENT_MS = 60_000;

/**
 * Runs `attempt` until it succeeds, retrying it after a transient error (`TRANSIENT`: a timeout,
 * no responders, a lost connection, JetStream unavailable) with a growing pause (10 ms doubling
 * up to 500 ms) for up to `forMs` (default a minute); any other error, or a transient one after
 * that, is thrown. Errors of scoreflow's own (a `ScoreflowError`, a `RangeError` or `TypeError` of
 * a check) are never retried, whatever their message says (a training named `timeout-test`). `attempt` must be safe to repeat (a read, or a write of the same bytes to the
 * same name).
 */
export async function retryTransient<T>(attempt: () => Promise<T>, forMs = TRANSIENT_MS): Promise<T> {
  const started = Date.now();
  for (let pause = 10; ; pause = Math.min(500, pause * 2)) {
    try {
      return await attempt();
    } catch (error) {
      const own = isScoreflowError(error) || error instanceof RangeError || error instanceof TypeError;
      if (own || !TRANSIENT.test((error as Error).message) || Date.now() - started >= forMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
