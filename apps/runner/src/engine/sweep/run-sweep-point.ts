import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@scoreflow/core';
import { executeRun } from '../../pipeline/execute-run.js';
import type { StageMetrics } from '../../pipeline/measure-stages.js';
import { prepareRun } from '../../pipeline/prepare-run.js';
import { silentProgress } from '../../progress/progress-reporter.js';
import { scoreflowRegistry } from '../../registry.js';
import type { SweepPoint } from './plan-sweep.js';

/** What one point of a sweep gave: how the run ended and every metric of every measured snapshot. */
export interface SweepPointResult {
  readonly status: 'completed' | 'interrupted' | 'failed';
  readonly error: string | null;
  readonly seconds: number;
  readonly metrics: StageMetrics[];
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, debug: () => undefined };

/**
 * Runs one point of a sweep as `scoreflow run` would (the same plan, stages, writer and measures)
 * into a temporary folder that is removed afterwards, and keeps its metrics. A bad config throws
 * (a `ConfigError`: the whole sweep is wrong); a run that fails is a result (`status: failed`).
 */
export async function runSweepPoint(point: SweepPoint, signal?: AbortSignal): Promise<SweepPointResult> {
  const { plan } = prepareRun(point.config, { ...point.overrides, seed: point.seed, set: [...(point.overrides.set ?? []), ...point.set] }, scoreflowRegistry(), { logger: quiet, signal });
  const dir = mkdtempSync(join(tmpdir(), 'scoreflow-sweep-'));
  try {
    const result = await executeRun(plan, dir, silentProgress);
    return { status: result.status, error: result.error?.message ?? null, seconds: result.seconds, metrics: result.metrics };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A point's result as bytes for the engine: JSON, with NaN and the infinities kept (plain JSON turns them into null). */
export function encodeSweepResult(result: SweepPointResult): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(result, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? `__${value}__` : value)));
}

/** Reads what `encodeSweepResult` wrote. */
export function decodeSweepResult(bytes: Uint8Array): SweepPointResult {
  return JSON.parse(new TextDecoder().decode(bytes), (_key, value: unknown) => (typeof value === 'string' && /^__(NaN|-?Infinity)__$/.test(value) ? Number(value.slice(2, -2)) : value)) as SweepPointResult;
}
