import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The TypeScript sources an entry file reaches through its relative imports (`from './x.js'`,
 * `from '../y.js'`, read as `x.ts`), the entry included: file name to text, in the order first
 * reached. For specs that hold a browser-safe entry free of Node modules (each text matched against
 * the imports it must not hold). Not for production code.
 *
 * @example
 * for (const [file, text] of reachableSources(join(src, 'index.ts'))) expect(text, file).not.toMatch(/from '(node:|fs')/);
 */
export function reachableSources(entry: string): Map<string, string> {
  const sources = new Map<string, string>();
  const visit = (file: string): void => {
    if (sources.has(file)) return;
    const text = readFileSync(file, 'utf8');
    sources.set(file, text);
    for (const [, relative] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) visit(join(dirname(file), `${relative}.ts`));
  };
  visit(entry);
  return sources;
}
