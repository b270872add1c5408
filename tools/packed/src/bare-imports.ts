import { builtinModules } from 'node:module';

const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/**
 * The packages that the ES module text `code` imports (statically, or through `import('...')`
 * with a literal): `@scope/name` or `name`, without subpaths, relative paths or Node built-ins.
 */
export function bareImports(code: string): Set<string> {
  const found = new Set<string>();
  for (const [, specifier] of code.matchAll(SPECIFIERS)) {
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    const parts = specifier.split('/');
    found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return found;
}
