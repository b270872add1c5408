import type { ConfigIssue } from '@scoreflow/core';

/** Fields that may change between a run and its resumption: its length, how often it saves, the final evaluation. */
const FREE = new Set(['name', 'description', 'training.steps', 'training.checkpointEvery', 'training.workers', 'scoreError', 'backend']);

/**
 * The fields (dotted paths) where `current` (a resolved train config) differs from `saved` (the
 * checkpoint's), apart from those a resumed run may change (`FREE`): a resumed run reproduces
 * the uninterrupted one only with the same data, SDE, network, seed and optimiser.
 */
export function resumeMismatches(saved: unknown, current: unknown, path = ''): ConfigIssue[] {
  if (FREE.has(path)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(saved) && isObject(current)) {
    const keys = [...new Set([...Object.keys(saved), ...Object.keys(current)])];
    return keys.flatMap((key) => resumeMismatches(saved[key], current[key], path === '' ? key : `${path}.${key}`));
  }
  if (JSON.stringify(saved) === JSON.stringify(current)) return [];
  return [{ path, message: `was ${JSON.stringify(saved) ?? 'absent'} in the checkpoint's training, is ${JSON.stringify(current) ?? 'absent'} now` }];
}
