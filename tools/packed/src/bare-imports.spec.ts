import { describe, expect, it } from 'vitest';
import { bareImports } from './bare-imports.js';

describe('bareImports(code)', () => {
  it('names the packages of static, re-exported, side-effect and literal dynamic imports, without subpaths', () => {
    const code = [
      "import { a } from 'rxjs';",
      "import {\n  b,\n} from '@scoreflow/core';",
      "export { c } from 'pure-rand/generator/xoroshiro128plus';",
      "import '@tensorflow/tfjs-backend-wasm/dist/index.js';",
      "const d = await import('apache-arrow');",
    ].join('\n');
    expect([...bareImports(code)].sort()).toEqual(['@scoreflow/core', '@tensorflow/tfjs-backend-wasm', 'apache-arrow', 'pure-rand', 'rxjs']);
  });

  it('leaves out relative paths and Node built-ins', () => {
    expect(bareImports("import { x } from './x.js';\nimport fs from 'node:fs';\nimport { join } from 'path';\nimport('fs/promises');").size).toBe(0);
  });

  it('leaves out text that only looks like an import: a regular expression over import lines', () => {
    const code = "const local = /from '(\\.{1,2}\\/[^']+)\\.js'/g;\nconst node = /from '(node:|fs')/;\nimport { y } from 'd3-scale';";
    expect([...bareImports(code)]).toEqual(['d3-scale']);
  });
});
