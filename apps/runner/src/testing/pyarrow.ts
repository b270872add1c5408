import { spawnSync } from 'node:child_process';

let available: boolean | undefined;

/** Test-only: whether `python3` with pyarrow is on this machine (checked once). */
export function hasPyarrow(): boolean {
  available ??= spawnSync('python3', ['-c', 'import pyarrow'], { stdio: 'ignore' }).status === 0;
  return available;
}

/**
 * Test-only: runs `script` with python3 (pyarrow imported as `pa`, `pyarrow.ipc` as `ipc`,
 * `pyarrow.parquet` as `pq`) and returns what it prints; throws with its stderr if it fails.
 */
export function withPyarrow(script: string): string {
  const result = spawnSync('python3', ['-c', `import pyarrow as pa, pyarrow.ipc as ipc, pyarrow.parquet as pq\n${script}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return result.stdout.trim();
}
