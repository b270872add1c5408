import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltCli } from './testing/built-cli.js';
import { configWorkspace } from './testing/cli-harness.js';

/**
 * Preloaded into the CLI's process: the moment a SIGINT listener is added, the process sends
 * itself SIGINT, as a Ctrl-C pressed right after the handler exists (while the rest still loads).
 */
const PRESS_CTRL_C_AT_ONCE = `
let sent = false;
for (const method of ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']) {
  const original = process[method];
  process[method] = function (event, ...rest) {
    const result = original.call(this, event, ...rest);
    if (event === 'SIGINT' && !sent) {
      sent = true;
      process.kill(process.pid, 'SIGINT');
    }
    return result;
  };
}
`;

describe('the scoreflow entry (main.ts), bundled', () => {
  const cli = useBuiltCli();

  it('ends with 130 and says nothing was written when Ctrl-C comes while it starts', async () => {
    const { dir, file } = configWorkspace({ name: 'early', particles: 100, sde: { type: 'brownian' }, source: { type: 'prior' }, pipeline: [{ type: 'forward', steps: 10 }] });
    const probe = join(dir, 'press-ctrl-c.mjs');
    writeFileSync(probe, PRESS_CTRL_C_AT_ONCE);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, ['--import', probe, cli(), 'run', file, '--out', out]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (...exit) => done(exit)));
    expect({ code, signal, stderr }).toEqual({ code: 130, signal: null, stderr: '\nInterrupted while starting: nothing was run or written.\n' });
    expect(existsSync(out)).toBe(false);
  });
});
