/** A unit of work: which run, which result key (a shard's index), and what to do (plain JSON). */
export interface WorkItem<Body = unknown> {
  readonly runId: string;
  /** The result's key: results come back to the coordinator in key order. */
  readonly key: number;
  readonly body: Body;
}

/** Header names on result messages. */
export const HEADERS = {
  chunk: 'Sf-Chunk',
  chunks: 'Sf-Chunks',
  digest: 'Sf-Digest',
  /** Set instead of a payload when the worker failed the item: the error's message. */
  error: 'Sf-Error',
} as const;

/** A run id: letters, digits, `-` and `_` only (it is a token of NATS subjects). */
export function checkRunId(runId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(runId)) throw new RangeError(`runId must be 1 to 64 letters, digits, '-' or '_', got "${runId}"`);
  return runId;
}

/** Reads a work item from a message's JSON, checking its fields. */
export function parseWorkItem(text: string): WorkItem {
  const item = JSON.parse(text) as Partial<WorkItem>;
  if (typeof item.runId !== 'string' || !Number.isSafeInteger(item.key) || (item.key as number) < 0 || !('body' in item)) {
    throw new Error(`not a work item (expected { runId, key, body }): ${text.slice(0, 200)}`);
  }
  return item as WorkItem;
}
