import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAll } from './parse-all.js';

const schema = z.strictObject({
  name: z.string(),
  steps: z.number().int().min(1).default(10),
  measure: z.strictObject({ particles: z.number().int().min(2).default(100) }).default({ particles: 100 }),
  stages: z.array(z.looseObject({ type: z.string() })).default([]),
});

describe('parseAll(schema, input, prefix)', () => {
  it('parses a good input with no issues', () => {
    expect(parseAll(schema, { name: 'a' })).toEqual({ issues: [], data: { name: 'a', steps: 10, measure: { particles: 100 }, stages: [] }, removed: [] });
  });

  it('reports every issue, and parses the rest with the offending fields left out', () => {
    const result = parseAll(schema, { name: 'a', steps: 0, stepz: 3, measure: { particles: 1 }, stages: [{ type: 'x', n: 1 }] }, 'run');
    expect(result.issues.map((issue) => issue.path)).toEqual(['run.steps', 'run.measure.particles', 'run']);
    expect(result.issues[2].message).toBe(`Unrecognized key: "stepz" (did you mean 'steps'?), got 3`);
    expect(result.data).toEqual({ name: 'a', steps: 10, measure: { particles: 100 }, stages: [{ type: 'x', n: 1 }] });
    expect(result.removed).toEqual(['run.steps', 'run.measure.particles', 'run.stepz']);
  });

  it('climbs to the nearest field it can leave out, and gives up when a required field is bad', () => {
    expect(parseAll(schema, { name: 'a', stages: [{ type: 5 }] }).data).toEqual({ name: 'a', steps: 10, measure: { particles: 100 }, stages: [] });
    const bad = parseAll(schema, { name: 7 });
    expect(bad.issues).toEqual([{ path: 'name', message: 'expected string, got 7' }]);
    expect(bad.data).toBeUndefined();
  });
});
