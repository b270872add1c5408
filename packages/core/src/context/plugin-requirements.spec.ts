import { describe, expect, it } from 'vitest';
import type { Sde } from '../contracts/sde.js';
import { ConfigError } from '../errors/config-error.js';
import type { PluginContext } from '../plugins/plugin.js';
import { createRunContext } from './run-context.js';
import { checkRunDim, requireSde } from './plugin-requirements.js';

function context(sde?: Sde) {
  const warnings: string[] = [];
  const run = createRunContext({ name: 'test', seed: 0, dim: 2, particles: 10, logger: { info: () => undefined, warn: (text) => warnings.push(text), debug: () => undefined } });
  const ctx: PluginContext = { run, sde, path: 'pipeline.0.score', create: () => { throw new Error('not here'); } };
  return { ctx, warnings };
}

describe('requireSde(ctx, what, path)', () => {
  it("returns the pipeline's SDE", () => {
    const sde = { name: 'vp' } as Sde;
    expect(requireSde(context(sde).ctx, 'a score model')).toBe(sde);
  });

  it('throws a ConfigError at the path saying what needs an SDE and where to set it', () => {
    const error = (() => {
      try {
        requireSde(context().ctx, 'a score model');
      } catch (caught) {
        return caught as ConfigError;
      }
    })()!;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^A score model at pipeline\.0\.score needs an SDE/);
    expect(error.issues).toEqual([{ path: 'pipeline.0.score', message: 'a score model needs an SDE: set `sde` at the top of the config (e.g. { type: vp })' }]);
  });
});

describe('checkRunDim(made, ctx, what, severity, path)', () => {
  it("returns what has the run's dimension", () => {
    const made = { dim: 2 };
    expect(checkRunDim(made, context().ctx, 'the mixture')).toBe(made);
  });

  it('throws a ConfigError naming both dimensions, or warns with the same words', () => {
    const { ctx, warnings } = context();
    expect(() => checkRunDim({ dim: 3 }, ctx, 'the mixture')).toThrow(ConfigError);
    try {
      checkRunDim({ dim: 3 }, ctx, 'the mixture', 'error', 'pipeline.0.score.means');
    } catch (error) {
      expect((error as ConfigError).issues).toEqual([{ path: 'pipeline.0.score.means', message: "the mixture has dimension 3, the run's particles have dimension 2" }]);
    }
    expect(checkRunDim({ dim: 3 }, ctx, "data source 'csv'", 'warning').dim).toBe(3);
    expect(warnings).toEqual(["pipeline.0.score: data source 'csv' has dimension 3, the run's particles have dimension 2."]);
  });
});
