import { Command, Option } from 'commander';
import { PARTICLE_FORMATS } from '../output/index.js';
import runnerPackage from '../../package.json' with { type: 'json' };
import { type Io, listCommand, runCommand, validateCommand } from './commands.js';
import { parseInteger } from './parse-integer.js';
import { trainCommand } from './train-command.js';
import { engineEvents, workerCommand } from './engine-options.js';
import { sweepCommand } from './sweep-command.js';
import { checkpointListCommand, checkpointPullCommand } from './checkpoint-command.js';

/**
 * The `scoreflow` command line (commander: subcommands, typed options, help and `--version` for
 * free). `setExitCode` receives each command's exit code; command-line errors throw
 * `CommanderError` (see `runCli`).
 */
export function createProgram(io: Io, setExitCode: (code: number) => void, signal?: AbortSignal): Command {
  // exitOverride before the subcommands, which inherit it: every command-line error throws a
  // CommanderError (exit code 2 in runCli) instead of calling process.exit(1).
  const program = new Command('scoreflow')
    .description('Diffusion models as dataflow: run particle pipelines from config files.')
    .version(runnerPackage.version, '-V, --version', 'print the version of scoreflow')
    .exitOverride()
    .showHelpAfterError()
    // commander ends what it writes with a newline, and io adds one.
    .configureOutput({ writeOut: (text) => io.out(text.replace(/\n$/, '')), writeErr: (text) => io.err(text.replace(/\n$/, '')) });

  const overrides = (command: Command) =>
    command
      .option('--seed <n>', 'replace the config seed', parseInteger(0))
      .option('--particles <n>', 'replace the number of particles', parseInteger(1))
      .option('--batch-size <n>', 'replace the particles per batch', parseInteger(1))
      .option('--set <path=value>', 'set a config value, e.g. --set source.path=data.csv (repeatable; values are YAML)', (value: string, previous: string[] = []) => [...previous, value]);

  overrides(program.command('run').description('run a pipeline config (YAML or JSON)').argument('<config>', 'config file'))
    .option('--out <dir>', 'output folder (default: out/NAME)')
    .option('--force', "replace the files of an earlier scoreflow run in the output folder (listed in its manifest; nothing else)", false)
    .addOption(new Option('--format <format>', 'particle file: trajectories.arrow (Arrow IPC) or trajectories.parquet').choices(PARTICLE_FORMATS))
    .option('--engine <url>', 'coordinate the run over a NATS JetStream server (nats://HOST:PORT); `scoreflow worker` processes compute its shards')
    .option('--threads <n>', 'run the shards on this many worker threads of this process (the output is byte for byte the in-process one); e.g. one per core', parseInteger(1))
    .option('--shard-size <n>', 'particles per shard with --engine or --threads, a multiple of the batch size (default: one batch)', parseInteger(1))
    .option('--replicas <n>', 'with --engine: copies a JetStream cluster keeps of the engine\'s streams and buckets (1 to 5; default: 1 for new ones)', parseInteger(1))
    .action(async (config: string, options) => setExitCode(await runCommand(config, { ...options, signal, runEvents: engineEvents(config, options) }, io)));

  program
    .command('sweep')
    .description('run every config x --grid point x seed and gather their metrics into one Arrow table (OUT/sweep.arrow); with --engine, on scoreflow workers')
    .argument('<configs...>', 'config files')
    .option('--seeds <list>', 'seeds: 0,1,2 or a range 0..9 (default 0)')
    .option('--grid <path=v1,v2>', 'a config value to vary, e.g. --grid pipeline.0.steps=50,100 (repeatable: every combination; values are YAML)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--particles <n>', 'replace the number of particles', parseInteger(1))
    .option('--batch-size <n>', 'replace the particles per batch', parseInteger(1))
    .option('--set <path=value>', 'set a config value for every point (repeatable; values are YAML)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--engine <url>', 'run the points on scoreflow workers over a NATS JetStream server (nats://HOST:PORT)')
    .option('--replicas <n>', 'with --engine: copies a JetStream cluster keeps of the engine\'s streams and buckets (1 to 5; default: 1 for new ones)', parseInteger(1))
    .option('--out <dir>', 'output folder (default: out/sweep)')
    .option('--force', 'replace the files of an earlier scoreflow command in the output folder', false)
    .action(async (configs: string[], options) => setExitCode(await sweepCommand(configs, { ...options, signal }, io)));

  program
    .command('worker')
    .description('compute shards of the runs coordinated over a NATS JetStream server (scoreflow run CONFIG --engine URL)')
    .requiredOption('--engine <url>', 'the NATS server: nats://HOST:PORT')
    .option('--max-items <n>', 'stop after this many shards (default: until Ctrl-C)', parseInteger(1))
    .option('--replicas <n>', 'copies a JetStream cluster keeps of the weights bucket, if this worker creates it (1 to 5; default 1)', parseInteger(1))
    .action(async (options) => setExitCode(await workerCommand({ ...options, signal }, io)));

  program
    .command('train')
    .description('train a score network from a train config (YAML or JSON; see the README)')
    .argument('<config>', 'train config file')
    .option('--seed <n>', 'replace the config seed', parseInteger(0))
    .option('--set <path=value>', 'set a config value, e.g. --set training.steps=300 (repeatable; values are YAML)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--out <dir>', 'output folder (default: out/NAME)')
    .option('--force', "replace the files of an earlier scoreflow command in the output folder (listed in its manifest; nothing else)", false)
    .option('--resume', 'continue from the checkpoint in the output folder (with --engine, from the object store\'s latest of the config\'s name when the folder has none)', false)
    .option('--engine <url>', 'compute each step\'s gradients on scoreflow workers over a NATS JetStream server (nats://HOST:PORT; DSM only); every checkpoint also goes into its object store under the config\'s name')
    .option('--shards <n>', 'gradient shards per step with --engine (default 4; the weights depend on it, not on the number of workers)', parseInteger(1))
    .option('--replicas <n>', 'with --engine: copies a JetStream cluster keeps of the engine\'s streams and buckets (1 to 5; default: 1 for new ones)', parseInteger(1))
    .action(async (config: string, options) => setExitCode(await trainCommand(config, { ...options, signal }, io)));

  const checkpoint = program.command('checkpoint').description('training checkpoints in a NATS JetStream object store (written by scoreflow train --engine)');
  checkpoint
    .command('pull')
    .description('fetch a training\'s checkpoint by name (the latest, or --step N), check every SHA-256, and write it as a training folder (OUT/checkpoint, OUT/loss.csv)')
    .argument('<name>', 'the training\'s name (its train config\'s name)')
    .requiredOption('--engine <url>', 'the NATS server: nats://HOST:PORT')
    .option('--step <n>', 'the step to fetch (default: the latest)', parseInteger(0))
    .option('--out <dir>', 'output folder (default: out/NAME)')
    .option('--force', 'replace the files of an earlier scoreflow command in the output folder (listed in its manifest; nothing else)', false)
    .action(async (name: string, options) => setExitCode(await checkpointPullCommand(name, options, io)));
  checkpoint
    .command('list')
    .description('list the trainings with checkpoints in the object store, with their steps')
    .requiredOption('--engine <url>', 'the NATS server: nats://HOST:PORT')
    .action(async (options) => setExitCode(await checkpointListCommand(options, io)));

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
