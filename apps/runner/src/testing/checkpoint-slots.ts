import { tinyCheckpoint } from './tiny-checkpoint.js';

/** A plugin entry of a config that reads a trained network's checkpoint. */
export interface CheckpointSlot {
  /** Its dotted path in the config (`pipeline.0.score.classifier`), as `--set` takes it. */
  readonly path: string;
  /** The checkpoint a test gives it: a score network's, a noisy classifier's or a velocity network's. */
  readonly kind: 'score' | 'conditional' | 'classifier' | 'velocity';
  /** The dimension of the config's particles (its root `dim`, default 2): image configs need a checkpoint of their dim. */
  readonly dim: number;
}

/** Keys whose entry is a velocity model (`network` there reads a velocity network's checkpoint). */
const VELOCITY_KEYS = new Set(['velocity', 'teacher']);

/**
 * The checkpoint kind that a plugin entry of `type` under `key` reads, or undefined where it reads
 * none; a `network` entry with a `label` reads a conditional score network's (`conditional`).
 */
function kindOf(type: unknown, key: string, label: boolean): CheckpointSlot['kind'] | undefined {
  if (type === 'network') return VELOCITY_KEYS.has(key) ? 'velocity' : label ? 'conditional' : 'score';
  if (type === 'network-classifier') return 'classifier';
  return undefined;
}

/**
 * Test-only: every entry of the parsed config `value` that names a checkpoint (`{ type: network,
 * checkpoint: ... }` at any depth: a pipeline's score, a guided score's parts, a metric's score),
 * so that specs which validate the shipped configs can point each at a tiny checkpoint.
 */
export function checkpointSlots(value: unknown, path = '', dim = rootDim(value)): CheckpointSlot[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => checkpointSlots(item, path === '' ? `${index}` : `${path}.${index}`, dim));
  if (value === null || typeof value !== 'object') return [];
  const entry = value as Record<string, unknown>;
  const here: CheckpointSlot[] = [];
  if ('checkpoint' in entry && 'type' in entry) {
    const kind = kindOf(entry.type, path.split('.').at(-1) ?? '', 'label' in entry);
    if (kind === undefined) throw new Error(`checkpointSlots: ${path} reads a checkpoint of type '${String(entry.type)}', which no tiny checkpoint stands in for: add it here`);
    here.push({ path, kind, dim });
  }
  return [...here, ...Object.entries(entry).flatMap(([key, child]) => checkpointSlots(child, path === '' ? key : `${path}.${key}`, dim))];
}

/** The root `dim` of a parsed config (default 2). */
function rootDim(value: unknown): number {
  const dim = value !== null && typeof value === 'object' ? (value as { dim?: unknown }).dim : undefined;
  return typeof dim === 'number' ? dim : 2;
}

/** Test-only: one tiny checkpoint folder of each kind and dimension (default 2), made on first use. */
export function tinyCheckpoints(): (kind: CheckpointSlot['kind'], dim?: number) => Promise<string> {
  const made = new Map<string, Promise<string>>();
  return (kind, dim = 2) => {
    let folder = made.get(`${kind}/${dim}`);
    if (folder === undefined) {
      folder = tinyCheckpoint(kind, dim);
      made.set(`${kind}/${dim}`, folder);
    }
    return folder;
  };
}
