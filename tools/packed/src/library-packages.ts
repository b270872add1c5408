import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A package.json, as far as packing reads it. */
export interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly exports?: Record<string, string | Record<string, string>>;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

/** A workspace package that ships: its folder and manifest. */
export interface LibraryPackage {
  readonly dir: string;
  readonly manifest: Manifest;
}

/**
 * The packages of the workspace at `root` that ship: those of its `workspaces` folders
 * (`packages/*`, `apps/*`, `tools/*`) whose package.json is not `private`, sorted by name.
 */
export function libraryPackages(root: string): LibraryPackage[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) throw new Error(`package.json: workspaces: expected folder/* patterns, got '${pattern}'`);
    const parent = join(root, pattern.slice(0, -2));
    return readdirSync(parent).map((name) => join(parent, name));
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }))
    .filter(({ manifest }) => manifest.private !== true)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** The files an export of `manifest` names for Node and TypeScript outside the workspace (`import` and `types`). */
export function exportedFiles(manifest: Manifest): string[] {
  return Object.values(manifest.exports ?? {}).flatMap((target) =>
    typeof target === 'string' ? (target.includes('*') ? [] : [target]) : [target.import, target.types].filter((file) => file !== undefined),
  );
}
