#!/usr/bin/env node
// The `scoreflow` command (`npx scoreflow`, linked by `npm ci`): bundles the CLI into dist/ when
// the bundle is missing or older than its sources (esbuild, about a second), then runs it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST_DIR, build, staleness } from '../build.mjs';

if (staleness() !== undefined) {
  // Until the CLI installs its own handler: a Ctrl-C while bundling ends here, as the CLI's does while it starts.
  const interrupted = () => {
    process.stderr.write('\nInterrupted while starting: nothing was run or written.\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    await build();
  } catch {
    // esbuild has printed what failed.
    process.stderr.write(`error: could not bundle the scoreflow CLI into ${DIST_DIR} (esbuild's errors are above)\n`);
    process.exit(1);
  }
  process.off('SIGINT', interrupted);
}
await import(pathToFileURL(join(DIST_DIR, 'scoreflow.mjs')).href);
