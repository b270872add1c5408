import { join } from 'node:path';
import { type LibraryPackage, libraryPackages } from './library-packages.js';
import { runCommand } from './run-command.js';

/** A library package packed by `buildAndPack`: its tarball and the files in it. */
export interface PackedPackage extends LibraryPackage {
  readonly tarball: string;
  readonly files: readonly string[];
}

/**
 * Builds the library packages of the workspace at `root` (`nx run-many -t build`: tsc to dist/,
 * in dependency order, cached) and packs each into a tarball in `destination` (`npm pack`).
 */
export async function buildAndPack(root: string, destination: string): Promise<PackedPackage[]> {
  const libraries = libraryPackages(root);
  const names = libraries.map(({ manifest }) => manifest.name);
  await runCommand('npx', ['nx', 'run-many', '-t', 'build', '-p', names.join(','), '--output-style=static'], root);
  const json = await runCommand('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination, ...names.flatMap((name) => ['-w', name])], root);
  const packs = JSON.parse(json) as { name: string; filename: string; files: { path: string }[] }[];
  return libraries.map((library) => {
    const pack = packs.find(({ name }) => name === library.manifest.name);
    if (pack === undefined) throw new Error(`npm pack made no tarball of ${library.manifest.name}`);
    return { ...library, tarball: join(destination, pack.filename), files: pack.files.map(({ path }) => path) };
  });
}
