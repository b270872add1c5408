// `npm test` runs this before Nx (`tsx apps/gallery/src/browser/main.ts`): the gallery's tests
// open Chromium, so a missing browser is installed (root with apt-get) or reported at once, with
// the command to run, before minutes of other tests.
import { ChromiumMissingError, ensureChromium } from './ensure-chromium.js';

try {
  ensureChromium();
} catch (error) {
  if (!(error instanceof ChromiumMissingError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
