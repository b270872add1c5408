import { builtinModules } from 'node:module';

const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
/** npm's rule for a package name, optionally scoped, followed by an optional subpath. */
const PACKAGE_SPECIFIER = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*(?:\/[^\s]*)?$/;

/**
 * The packages that the ES module text `code` imports (statically, or through `import('...')`
 * with a literal): `@scope/name` or `name`, without subpaths, relative paths or Node built-ins.
 * The scan reads text, not syntax, so a string or regular expression that merely looks like an
 * import (`/from '(node:|fs')/`) is left out unless it is a valid npm package name.
 */
export function bareImports(code: string): Set<string> {
  const found = new Set<string>();
  for (const [, specifier] of code.matchAll(SPECIFIERS)) {
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    if (!PACKAGE_SPECIFIER.test(specifier)) continue;
    const parts = specifier.split('/');
    found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return found;
}
