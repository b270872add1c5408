/**
 * The particles of one batch: the contiguous ids `first .. first + count - 1`. It is a
 * `ParticleIds` range as it is, so pass it straight to `ctx.rng.normal` / `ctx.rng.uniform`;
 * `ids` holds the same ids as an array (the batch's `id` column) for APIs that need one, such
 * as `Sde.prior`.
 */
export interface BatchRange {
  /** Id of the batch's first particle. */
  readonly first: number;
  /** Number of particles in the batch. */
  readonly count: number;
  /** The ids `first, first + 1, ...`: the very array that becomes the batch's `id` column. */
  readonly ids: Uint32Array;
}
