#!/usr/bin/env node
/**
 * The `scoreflow` CLI. Exit codes: 0 done, 1 the run failed, 2 bad config or arguments,
 * 130 interrupted (Ctrl-C: the current step finishes, files are closed; a second Ctrl-C quits at once).
 */
import { ConfigError, ScoreflowError } from '@scoreflow/core';
import { CommanderError } from 'commander';
import { createProgram } from './cli/program.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nInterrupting: finishing the current step and closing the output files (Ctrl-C again to quit at once).\n');
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const io = { out: (text: string) => process.stdout.write(`${text}\n`), err: (text: string) => process.stderr.write(`${text}\n`) };
const program = createProgram(io, (code) => (process.exitCode = code), controller.signal).exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ConfigError || error instanceof ScoreflowError) {
    io.err(`error: ${error.message}`);
    process.exitCode = error instanceof ConfigError ? 2 : 1;
  } else {
    throw error;
  }
}
