/**
 * `npm run packages:pack -- [folder]`: builds the library packages (ESM JavaScript and
 * declarations in each package's dist/) and packs each into a tarball in `folder` (default
 * out/packages), for `npm install <tarballs>` in a project outside the workspace.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndPack } from './build-and-pack.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const destination = resolve(process.argv[2] ?? resolve(root, 'out/packages'));
mkdirSync(destination, { recursive: true });
const packed = await buildAndPack(root, destination);
for (const { tarball } of packed) console.log(tarball);
