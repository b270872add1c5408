import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, ScoreflowError } from '@scoreflow/core';
import { CheckpointError } from '@scoreflow/score-nets';
import { ScoreNetWorkerError } from '@scoreflow/score-nets/node';
import { describe, expect, it } from 'vitest';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { tinyCheckpoint } from '../testing/tiny-checkpoint.js';
import { exitCodeOf } from './error-exit.js';
import { runCli } from './run-cli.js';

/** A config that samples with a network: ten steps of 100 particles, on wasm in this thread. */
const networkConfig = (checkpoint: string) => ({
  name: 'network-errors',
  particles: 100,
  sde: { type: 'vp', betaMin: 0.1, betaMax: 20 },
  source: { type: 'prior' },
  pipeline: [{ type: 'euler-maruyama', score: { type: 'network', checkpoint, backend: 'wasm', workers: 0 }, steps: 10, tEnd: 0.001 }],
});

/** Runs the CLI in-process: its exit code and every line it printed. */
async function cli(...args: string[]): Promise<{ code: number; text: string }> {
  const { lines, io } = quietIo();
  const code = await runCli(['node', 'scoreflow', ...args], io);
  return { code, text: lines.join('\n') };
}

/** A line of a stack trace (`    at f (file:1:2)`). */
const STACK_LINE = /^\s+at /m;

describe('scoreflow run: a checkpoint problem is bad input', () => {
  it('weights cut short: exit 2, one error naming the option, the folder and the problem, no stack', async () => {
    const checkpoint = await tinyCheckpoint();
    truncateSync(join(checkpoint, 'weights.bin'), 8); // model.json reads well: found when the weights load
    const { dir, file } = configWorkspace(networkConfig(checkpoint));
    const { code, text } = await cli('run', file, '--out', join(dir, 'out'));
    expect(code).toBe(2);
    expect(text).toMatch(new RegExp(`^error: .*\\n  - pipeline\\.0\\.score\\.checkpoint: cannot load ${checkpoint}: .*the weight data hold 8 bytes.*cut short`, 'm'));
    expect(text).not.toMatch(STACK_LINE);
  });

  it('a checkpoint folder that does not exist (--set): exit 2 before anything runs, no stack', async () => {
    const { dir, file } = configWorkspace(networkConfig('unused'));
    const { code, text } = await cli('run', file, '--out', join(dir, 'out'), '--set', 'pipeline.0.score.checkpoint=/nonexistent');
    expect(code).toBe(2);
    expect(text).toMatch(/^error: .*\n {2}- pipeline\.0\.score\.checkpoint: folder not found: \/nonexistent/m);
    expect(text).not.toMatch(STACK_LINE);
  });
});

describe('exitCodeOf(error)', () => {
  it('is 2 for bad input (a ConfigError, as a CheckpointError is), 1 for a failure or a bug', () => {
    const cases: [Error, number][] = [
      [new CheckpointError('loadNetwork: weight w0 must have shape [2, 4], got [3, 4].'), 2],
      [new ConfigError('Invalid config', [{ path: 'steps', message: 'expected an integer >= 1, got 0' }]), 2],
      [new ScoreNetWorkerError('score-net worker 1 exited (code 1).'), 1],
      [new ScoreflowError('the run failed'), 1],
      [new TypeError("Cannot read properties of undefined (reading 'x')"), 1],
    ];
    expect(cases.map(([error]) => exitCodeOf(error))).toEqual(cases.map(([, code]) => code));
  });
});
