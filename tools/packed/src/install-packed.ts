import { runCommand } from './run-command.js';

/**
 * Makes `dir` a fresh npm project (`npm init -y`) and installs `tarballs` in it, their
 * third-party dependencies from npm's cache where it has them, else from the registry. Install
 * scripts are skipped: no runtime dependency needs one (tfjs-node's would download libtensorflow).
 */
export async function installPacked(dir: string, tarballs: readonly string[]): Promise<void> {
  await runCommand('npm', ['init', '-y'], dir);
  await runCommand('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs], dir, 600_000);
}
