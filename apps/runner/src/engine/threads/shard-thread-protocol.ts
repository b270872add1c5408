import type { ShardWork } from '../shard-work.js';

/** A shard for a thread: its work (the config, overrides and ids) and a number to match the reply. */
export interface ShardThreadRequest {
  readonly id: number;
  readonly work: ShardWork;
}

/** A thread's answer: the shard's encoded events (`encodeShardEvents`), or what went wrong. */
export type ShardThreadReply =
  | { readonly id: number; readonly ok: true; readonly payload: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly stack?: string };
