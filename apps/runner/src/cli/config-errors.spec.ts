import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import runnerPackage from '../../package.json' with { type: 'json' };
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { runCommand, validateCommand } from './commands.js';
import { runCli } from './run-cli.js';

const stage = { type: 'euler-maruyama', score: { type: 'gaussian-mixture', preset: 'double-gaussian' }, steps: 20, grid: { type: 'geometric' }, snapshotEvery: 10 };
const base = {
  name: 'config-errors',
  particles: 200,
  sde: { type: 'brownian', g: 1, T: 20 },
  source: { type: 'prior' },
  pipeline: [stage],
  reference: { type: 'gaussian-mixture', preset: 'double-gaussian' },
  metrics: [{ type: 'moments' }],
};

/** Runs the CLI in-process: its exit code and every line it printed. */
async function cli(...args: string[]): Promise<{ code: number; text: string }> {
  const { lines, io } = quietIo();
  const code = await runCli(['node', 'scoreflow', ...args], io);
  return { code, text: lines.join('\n') };
}

const issuesOf = (run: () => unknown): readonly { path: string; message: string }[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
};

describe('scoreflow validate: every problem in one pass', () => {
  it('reports two typos, in a stage option and a nested plugin type, with the nearest names', () => {
    const { file } = configWorkspace({ ...base, pipeline: [{ ...stage, snapshotEvry: 10, snapshotEvery: undefined, grid: { type: 'geometrc' } }] });
    const issues = issuesOf(() => validateCommand(file, {}, quietIo().io));
    expect(issues).toEqual([
      { path: 'pipeline.0', message: `Unrecognized key: "snapshotEvry" (did you mean 'snapshotEvery'?), got 10` },
      { path: 'pipeline.0.grid.type', message: expect.stringMatching(/^unknown time-grid 'geometrc'\. Available time-grid plugins: .*'geometric'.*\. Did you mean 'geometric'\?$/) },
    ]);
  });

  it("reports the config's own fields together with every plugin's problems", () => {
    const { file } = configWorkspace({ ...base, particles: 0, particle: 5, source: { type: 'prior', scale: 2 }, metrics: [{ type: 'mmdd' }] });
    const issues = issuesOf(() => validateCommand(file, {}, quietIo().io));
    expect(issues.map((issue) => issue.path)).toEqual(['particles', '', 'source', 'metrics.0.type']);
    expect(issues[1].message).toMatch(/"particle" \(did you mean 'particles'\?\)/);
    expect(issues[3].message).toMatch(/Did you mean 'mmd'\?/);
  });

  it('reports the problems of a train config and of its plugins together', () => {
    const { file } = configWorkspace({ name: 'tiny', data: { type: 'two-moon' }, sde: { type: 'vp', bettaMax: 5 }, training: { steps: 0 } });
    const issues = issuesOf(() => validateCommand(file, {}, quietIo().io));
    expect(issues.map((issue) => issue.path)).toEqual(['training.steps', 'sde', 'data.type']);
    expect(issues[1].message).toMatch(/did you mean 'betaMax'/);
  });

  it('exits 2 for an unknown plugin type, naming the field and the nearest type', async () => {
    const { file } = configWorkspace({ ...base, pipeline: [{ ...stage, grid: { type: 'geometrc' } }] });
    const { code, text } = await cli('validate', file);
    expect(code).toBe(2);
    expect(text).toMatch(/^error: Invalid config .*:\n {2}- pipeline\.0\.grid\.type: unknown time-grid 'geometrc'\..*Did you mean 'geometric'\?$/);
  });

  it('refuses a name too long for a folder, quoting the value shortened', async () => {
    const { file } = configWorkspace({ ...base, name: 'n'.repeat(1 << 20) });
    const { code, text } = await cli('validate', file);
    expect(code).toBe(2);
    expect(text).toMatch(/\n {2}- name: use at most 100 characters \(it names the output folder\), got "n{59}…$/);
  });

  it('exits 2 for a data file that is missing, naming the field and the file', async () => {
    const { dir, file } = configWorkspace({ ...base, reference: { type: 'csv', path: 'missing.csv' } });
    const { code, text } = await cli('validate', file);
    expect(code).toBe(2);
    expect(text).toContain(`\n  - reference: ${join(dir, 'missing.csv')}: file not found.`);
  });

  it('quotes a non-finite value as Infinity, not null', () => {
    const { file } = configWorkspace(base);
    const issues = issuesOf(() => validateCommand(file, { set: ['sde.g=.inf', 'pipeline.0.tEnd=-.inf'] }, quietIo().io));
    expect(issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/, got Infinity$/), expect.stringMatching(/, got -Infinity$/)]);
  });
});

describe('config files that cannot be read', () => {
  it('says "config file not found: PATH" for a missing file', async () => {
    const { code, text } = await cli('validate', '/nonexistent/config.yaml');
    expect(code).toBe(2);
    expect(text).toBe('error: config file not found: /nonexistent/config.yaml');
  });

  it('shows the line of a YAML or JSON syntax error with a caret under the place', () => {
    const { file } = configWorkspace({});
    writeFileSync(file, 'name: a\nsource: { type: prior }\npipeline:\n  - type: forward\n steps: 3\n');
    const [issue] = issuesOf(() => validateCommand(file, {}, quietIo().io));
    expect(issue).toEqual({ path: 'line 5, column 1', message: 'All mapping items must start at the same column\n    5 |  steps: 3\n      | ^' });
    const json = configWorkspace({}, 'config.json');
    writeFileSync(json.file, '{\n  "name": "a",\n  "seed": 1 2\n}');
    const [jsonIssue] = issuesOf(() => validateCommand(json.file, {}, quietIo().io));
    expect(jsonIssue.path).toBe('line 3, column 13');
    expect(jsonIssue.message).toBe(`Expected ',' or '}' after property value\n    3 |   "seed": 1 2\n      | ${' '.repeat(12)}^`);
  });
});

describe('configs nested deeper than any config needs', () => {
  it('refuses them, naming the place, before anything recursive sees them (JSON 20,000 lists deep)', async () => {
    const json = configWorkspace({}, 'config.json');
    writeFileSync(json.file, `{"name": "a", "source": {"type": "prior"}, "deep": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    const { code, text } = await cli('validate', json.file);
    expect(code).toBe(2);
    expect(text).toMatch(/\n {2}- deep(\.0)+: nested more than 32 maps and lists deep, got a list at this depth$/);
  });
});

describe('--set paths', () => {
  const { file } = configWorkspace(base);
  const setIssues = (...set: string[]) => issuesOf(() => validateCommand(file, { set }, quietIo().io));

  it('refuses prototype names and leaves every object of the process as it was', () => {
    for (const assignment of ['__proto__.x=1', 'constructor.prototype.x=1', '__proto__=1', 'pipeline.0.__proto__.steps=5', 'source.constructor=1']) {
      const [issue] = setIssues(assignment);
      expect(issue.path).toBe(`--set ${assignment}`);
      expect(issue.message).toMatch(/is not a config field \(it names a JavaScript prototype\)/);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('refuses a value that is not YAML, naming the argument', () => {
    expect(setIssues('seed=[1')).toEqual([{ path: '--set seed=[1', message: expect.stringMatching(/^the value is not valid YAML \(.*\), got "\[1"$/) }]);
  });

  it('refuses list indices that are not integers in range, and paths through numbers', () => {
    for (const [assignment, expected] of [
      ['pipeline.steps=5', /'pipeline' is a list: expected an index from 0 to 0, got "steps"/],
      ['pipeline.-1.steps=5', /expected an index from 0 to 0, got "-1"/],
      ['pipeline.1e3.steps=5', /expected an index from 0 to 0, got "1e3"/],
      ['pipeline.1.steps=5', /expected an index from 0 to 0, got "1"/],
      ['sde.g.x=1', /'sde\.g' is a number, not a map or a list/],
      ['pipeline..steps=1', /expected a dotted path/],
    ] as const) {
      const [issue] = setIssues(assignment);
      expect(issue.path).toBe(`--set ${assignment}`);
      expect(issue.message).toMatch(expected);
    }
  });

  it('leaves unknown names to the strict schemas, which name them and the nearest known one', () => {
    expect(setIssues('seeds=5')).toEqual([{ path: '', message: `Unrecognized key: "seeds" (did you mean 'seed'?), got 5` }]);
    expect(setIssues('pipeline.0.stepz=5')).toEqual([{ path: 'pipeline.0', message: `Unrecognized key: "stepz" (did you mean 'steps'?), got 5` }]);
  });

  it('reports every refused --set with the config problems, and still applies the good ones', () => {
    const issues = setIssues('pipeline.steps=5', 'pipeline.0.steps=0', 'seed=-1');
    expect(issues.map((issue) => issue.path)).toEqual(['--set pipeline.steps=5', 'seed', 'pipeline.0.steps']);
  });
});

describe('the command line', () => {
  it('prints the version with --version', async () => {
    expect(await cli('--version')).toEqual({ code: 0, text: runnerPackage.version });
  });

  it('exits 2 for command-line errors: an unknown option, a bad integer, a missing argument, an unknown command or kind', async () => {
    const { file } = configWorkspace(base);
    expect(await cli('validate', file, '--sed', '3')).toMatchObject({ code: 2, text: expect.stringMatching(/unknown option '--sed'/) });
    expect(await cli('run', file, '--particles', '0')).toMatchObject({ code: 2, text: expect.stringMatching(/--particles.*expected an integer >= 1, got '0'/) });
    expect((await cli('validate')).code).toBe(2);
    expect((await cli('valdate', file)).code).toBe(2);
    expect(await cli('list', '--kind', 'stages')).toMatchObject({ code: 2, text: expect.stringMatching(/^error: --kind: unknown plugin kind 'stages' \(did you mean 'stage'\?\)\. Kinds: data-source, sde, .*stage, metric.*\.$/) });
  });

  it('exits 2 for a bad config and writes nothing', async () => {
    const { dir, file } = configWorkspace({ ...base, pipeline: [{ ...stage, type: 'euler-maruyam' }] });
    const out = join(dir, 'out');
    expect((await cli('run', file, '--out', out)).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('Ctrl-C after the last step', () => {
  it('says the output is complete and exits 130', async () => {
    const { dir, file } = configWorkspace({ ...base, metrics: [], reference: undefined });
    const controller = new AbortController();
    const { lines, io } = quietIo();
    // The progress stops after the last step: press Ctrl-C then.
    // Press Ctrl-C once the run has ended (as while its figures are drawn).
    const out = (text: string) => {
      if (text.startsWith('output: ')) controller.abort();
      io.out(text);
    };
    const code = await runCommand(file, { out: join(dir, 'out'), signal: controller.signal }, { ...io, out });
    expect(code).toBe(130);
    expect(lines.join('\n')).toMatch(/Interrupt received after the last step: the output is complete\./);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'metrics.json'), 'utf8')).status).toBe('completed');
  });
});
