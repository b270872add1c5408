import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reachableSources } from './reachable-sources.js';

const densities = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('reachableSources(entry)', () => {
  it('follows relative .js imports to their .ts files, the entry first, each once', () => {
    const sources = reachableSources(join(densities, 'funnel.ts'));
    const files = [...sources.keys()].map((file) => relative(densities, file));
    expect(files[0]).toBe('funnel.ts');
    expect(files).toEqual(expect.arrayContaining(['check.ts', 'plane-density.ts', join('..', 'arguments', 'arguments.ts')]));
    expect(files).not.toContain('donut.ts');
    expect(sources.get(join(densities, 'funnel.ts'))).toContain('export function funnel(');
  });
});
