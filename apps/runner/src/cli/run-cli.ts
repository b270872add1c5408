import { isScoreflowError } from '@scoreflow/core';
import { enableRelaxedSimd } from '@scoreflow/score-nets/node';
import { CommanderError } from 'commander';
import type { Io } from './commands.js';
import { exitCodeOf } from './error-exit.js';
import { createProgram } from './program.js';

/**
 * Runs the `scoreflow` command line on `argv` (`process.argv`: node, the script, then the
 * arguments) and gives its exit code: 0 done (also `--help`, `--version`), 1 the run failed (a
 * `ScoreflowError`, printed as `error: MESSAGE`), 2 bad input (a `ConfigError`, printed with every
 * issue, e.g. score-nets' `CheckpointError`; a command-line error, which commander prints), 130
 * interrupted. The family is recognised across installed copies (`isScoreflowError`). Any other
 * error is a bug and is thrown, to be shown with its stack. The process is the CLI's: score-nets'
 * MLP kernels may run their fused multiply-add build (`enableRelaxedSimd`: V8's flag in Node 20).
 */
export async function runCli(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  enableRelaxedSimd();
  let code = 0;
  const program = createProgram(io, (exitCode) => (code = exitCode), signal);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (!isScoreflowError(error)) throw error;
    io.err(`error: ${error.message}`);
    return exitCodeOf(error);
  }
}
