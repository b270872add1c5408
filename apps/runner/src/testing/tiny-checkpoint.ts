import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mlpScoreNetwork, saveNetwork, selectBackend } from '@scoreflow/score-nets';
import { fileCheckpoint } from '@scoreflow/score-nets/node';

/**
 * Test-only: the folder of an untrained 2-D score-net checkpoint (one hidden layer of 4 units, no
 * training metadata, so that any SDE accepts it), for configs that sample with a network.
 */
export async function tinyCheckpoint(): Promise<string> {
  await selectBackend('wasm');
  const folder = join(mkdtempSync(join(tmpdir(), 'scoreflow-checkpoint-')), 'checkpoint');
  const network = mlpScoreNetwork({ dim: 2, width: 4, depth: 1 });
  await saveNetwork(network, fileCheckpoint(folder));
  network.dispose();
  return folder;
}
