import { Command } from 'commander';
import { type Io, listCommand, runCommand, validateCommand } from './commands.js';
import { parseInteger } from './parse-integer.js';
import { trainCommand } from './train-command.js';

/**
 * The `scoreflow` command line (commander: subcommands, typed options and help for free).
 * `setExitCode` receives each command's exit code.
 */
export function createProgram(io: Io, setExitCode: (code: number) => void, signal?: AbortSignal): Command {
  const program = new Command('scoreflow')
    .description('Diffusion models as dataflow: run particle pipelines from config files.')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  const overrides = (command: Command) =>
    command
      .option('--seed <n>', 'replace the config seed', parseInteger(0))
      .option('--particles <n>', 'replace the number of particles', parseInteger(1))
      .option('--batch-size <n>', 'replace the particles per batch', parseInteger(1))
      .option('--set <path=value>', 'set a config value, e.g. --set source.path=data.csv (repeatable; values are YAML)', (value: string, previous: string[] = []) => [...previous, value]);

  overrides(program.command('run').description('run a pipeline config (YAML or JSON)').argument('<config>', 'config file'))
    .option('--out <dir>', 'output folder (default: out/NAME)')
    .option('--force', 'overwrite an existing output folder', false)
    .action(async (config: string, options) => setExitCode(await runCommand(config, { ...options, signal }, io)));

  program
    .command('train')
    .description('train a score network from a train config (YAML or JSON; see the README)')
    .argument('<config>', 'train config file')
    .option('--seed <n>', 'replace the config seed', parseInteger(0))
    .option('--set <path=value>', 'set a config value, e.g. --set training.steps=300 (repeatable; values are YAML)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--out <dir>', 'output folder (default: out/NAME)')
    .option('--force', 'overwrite an existing output folder', false)
    .option('--resume', 'continue from the checkpoint in the output folder', false)
    .action(async (config: string, options) => setExitCode(await trainCommand(config, { ...options, signal }, io)));

  overrides(program.command('validate').description('check a run or train config and every plugin in it, run nothing').argument('<config>', 'config file')).action(
    (config: string, options) => setExitCode(validateCommand(config, options, io)),
  );

  program
    .command('list')
    .description('list every plugin with its options and defaults')
    .option('--json', 'print JSON', false)
    .option('--kind <kind>', 'only plugins of this kind')
    .action((options) => setExitCode(listCommand(options, io)));

  return program;
}
