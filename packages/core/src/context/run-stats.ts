/** A statistic of a stage, averaged over its particles. */
export interface StatSummary {
  /** Mean per particle, weighted by the particles of each record. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Particles counted. */
  readonly particles: number;
}

/**
 * Where stages report per-particle statistics of a run, such as the number of score evaluations
 * (NFE) each particle took; the runner writes them into `metrics.json`.
 */
export interface RunStats {
  /** Records that `particles` particles of stage `key` (e.g. `pipeline.0`) had `value` of `name`. */
  record(key: string, name: string, value: number, particles: number): void;
  /** Every statistic so far, by stage key and name. */
  summary(): Record<string, Record<string, StatSummary>>;
}

/** An in-memory `RunStats`. */
export function createRunStats(): RunStats {
  const stats = new Map<string, Map<string, { sum: number; min: number; max: number; particles: number }>>();
  return {
    record(key, name, value, particles) {
      let byName = stats.get(key);
      if (byName === undefined) stats.set(key, (byName = new Map()));
      const entry = byName.get(name) ?? { sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, particles: 0 };
      entry.sum += value * particles;
      entry.min = Math.min(entry.min, value);
      entry.max = Math.max(entry.max, value);
      entry.particles += particles;
      byName.set(name, entry);
    },
    summary() {
      const out: Record<string, Record<string, StatSummary>> = {};
      for (const [key, byName] of stats) {
        out[key] = {};
        for (const [name, { sum, min, max, particles }] of byName) out[key][name] = { mean: particles > 0 ? sum / particles : 0, min, max, particles };
      }
      return out;
    },
  };
}
