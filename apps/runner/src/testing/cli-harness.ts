import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Io } from '../cli/commands.js';
import { silentProgress } from '../progress/progress-reporter.js';

/** Test-only: an `Io` that records every line (stdout and stderr together) and reports no progress. */
export function quietIo(): { lines: string[]; io: Io } {
  const lines: string[] = [];
  return { lines, io: { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text), progress: silentProgress } };
}

/**
 * Test-only: a fresh temporary folder `dir` holding `config` as YAML (or JSON, by the file name)
 * in `file`; `out` names the output folder `dir/out` (not yet made).
 */
export function configWorkspace(config: object, name = 'config.yaml'): { dir: string; file: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scoreflow-'));
  const file = join(dir, name);
  writeFileSync(file, name.endsWith('.json') ? JSON.stringify(config) : stringify(config));
  return { dir, file, out: join(dir, 'out') };
}
