import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';

let registered: boolean | undefined;

/**
 * Registers the shipped DejaVu Sans (`assets/fonts/DejaVuSans.ttf`) with @napi-rs/canvas, once:
 * a fresh machine may have no system fonts, and text would not render. The file is found through
 * the package's `./assets/*` export (so bundled code finds it too), else beside the sources.
 * Returns whether the font is registered.
 */
export function registerShippedFont(): boolean {
  if (registered !== undefined) return registered;
  const path = candidates().find((file) => existsSync(file));
  registered = path !== undefined && GlobalFonts.registerFromPath(path, 'DejaVu Sans') !== null;
  return registered;
}

function candidates(): string[] {
  const found: string[] = [];
  try {
    found.push(createRequire(import.meta.url).resolve('@scoreflow/viz/assets/fonts/DejaVuSans.ttf'));
  } catch {
    // not resolvable from here (e.g. a copied bundle): try the source layout
  }
  found.push(fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url)));
  return found;
}
