#!/usr/bin/env node
/**
 * The `scoreflow` CLI. Exit codes: 0 done, 1 the run failed, 2 bad input (config, argument, output
 * folder, a checkpoint or backend they name), 130 interrupted (Ctrl-C: the current step finishes,
 * files are closed; a second Ctrl-C quits at once). An error of the family (`ScoreflowError`) is
 * printed as `error: MESSAGE` by `runCli`; any other is a bug, rethrown here for Node to print with
 * its stack (exit code 1).
 *
 * This entry stays tiny: the Ctrl-C handler is installed before the program (Arrow, TensorFlow.js,
 * the plugins: about a second) is imported, so that a Ctrl-C while it loads ends it cleanly.
 */
const controller = new AbortController();
let started = false;
process.once('SIGINT', () => {
  if (!started) {
    process.stderr.write('\nInterrupted while starting: nothing was run or written.\n');
    process.exit(130);
  }
  process.stderr.write('\nInterrupting: finishing the current step and closing the output files (Ctrl-C again to quit at once).\n');
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const { runCli } = await import('./cli/run-cli.js');
const io = { out: (text: string) => process.stdout.write(`${text}\n`), err: (text: string) => process.stderr.write(`${text}\n`) };
started = true;
process.exitCode = await runCli(process.argv, io, controller.signal);
