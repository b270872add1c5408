import { type ParticleBatch, type ParticleMetadata, makeParticleBatch } from '@scoreflow/core';

/** What a stage keeps of its input batch to stamp on its snapshots. */
export interface BatchIdentity {
  readonly ids: Uint32Array;
  readonly dim: number;
  readonly label?: Int32Array;
  readonly metadata: ParticleMetadata;
}

/** A snapshot of the working positions at step `step`, time `t`: the positions are copied, ids and labels shared. */
export function snapshotBatch(identity: BatchIdentity, x: Float32Array, step: number, t: number): ParticleBatch {
  return makeParticleBatch({
    x: x.slice(),
    dim: identity.dim,
    id: identity.ids,
    step,
    t,
    label: identity.label,
    metadata: identity.metadata,
  });
}
