import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Runs `command args` in `cwd` and resolves to its stdout; a failure names the command and shows its stderr. */
export async function runCommand(command: string, args: readonly string[], cwd: string, timeout = 300_000): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(command, args, { cwd, timeout, maxBuffer: 1 << 26 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${[command, ...args].join(' ')} failed in ${cwd}: ${message}\n${stderr ?? ''}`);
  }
}
