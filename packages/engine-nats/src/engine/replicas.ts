/** JetStream keeps at most 5 copies of a stream (its `num_replicas`). */
export const MAX_REPLICAS = 5;

/**
 * Checks a replica count (the copies a JetStream cluster keeps of each stream and bucket,
 * `num_replicas`): an integer from 1 to 5. Anything else throws a `RangeError` naming the
 * argument. More than 1 needs a JetStream cluster of at least that many servers; a single server
 * refuses it when the stream is created.
 */
export function checkReplicas(replicas: number, argument = 'replicas'): number {
  if (!Number.isSafeInteger(replicas) || replicas < 1 || replicas > MAX_REPLICAS) {
    throw new RangeError(`${argument}: expected an integer from 1 to ${MAX_REPLICAS} (the copies a JetStream cluster keeps of each stream), got ${replicas}`);
  }
  return replicas;
}
