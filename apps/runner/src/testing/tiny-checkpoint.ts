import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mlpScoreNetwork, noisyClassifier, saveNetwork, selectBackend } from '@scoreflow/score-nets';
import { fileCheckpoint } from '@scoreflow/score-nets/node';

/**
 * Test-only: the folder of an untrained `dim`-D (default 2-D) score-net checkpoint (one hidden layer of 4 units, no
 * training metadata, so that any SDE accepts it), for configs that sample with a network; `classifier`:
 * a two-class noisy classifier's, for configs that guide with one; `velocity`: a velocity network's
 * (output velocity), for configs that integrate a flow or reflow one; `conditional`: a score network
 * of 8 classes (labels 0 to 7, e.g. the eight Gaussians' components), for configs that sample a class
 * (`{ type: network, label }`, classifier-free guidance).
 */
export async function tinyCheckpoint(kind: 'score' | 'conditional' | 'classifier' | 'velocity' = 'score', dim = 2): Promise<string> {
  await selectBackend('wasm');
  const folder = join(mkdtempSync(join(tmpdir(), 'scoreflow-checkpoint-')), 'checkpoint');
  const network =
    kind === 'classifier' ? noisyClassifier({ dim, classes: 2, width: 4, depth: 1 }) : mlpScoreNetwork({ dim, width: 4, depth: 1, ...(kind === 'velocity' && { output: 'velocity' as const }), ...(kind === 'conditional' && { classes: 8 }) });
  await saveNetwork(network, fileCheckpoint(folder));
  network.dispose();
  return folder;
}
