import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, createRegistry, createRunContext } from '@scoreflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/index.js';
import { CheckpointError, saveNetwork } from '../../checkpoint/index.js';
import { mlpScoreNetwork } from '../../network/index.js';
import { testVpSde } from '../../testing/test-sde.js';
import { WEIGHTS_BIN, fileCheckpoint } from '../file-checkpoint.js';
import { networkPlugin } from './network-plugin.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-load-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('wasm');
});

describe('score model network, weights that cannot be read at the first score', () => {
  it('rejects score() with a ConfigError at the checkpoint option, naming the folder and the problem', async () => {
    const folder = join(root, 'checkpoint');
    const network = mlpScoreNetwork({ dim: 2, width: 4, depth: 1 });
    await saveNetwork(network, fileCheckpoint(folder));
    network.dispose();
    truncateSync(join(folder, WEIGHTS_BIN), 8); // model.json still reads well: the plugin is created
    const model = createRegistry([networkPlugin]).create(
      'score-model',
      { type: 'network', checkpoint: folder, backend: 'wasm', workers: 0 },
      { run: createRunContext({ dim: 2 }), sde: testVpSde(), path: 'pipeline.0.score' },
    );
    const error = await Promise.resolve(model.score(new Float32Array(2), 0.5, new Float32Array(2))).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).cause).toBeInstanceOf(CheckpointError);
    expect((error as ConfigError).issues).toEqual([
      { path: 'pipeline.0.score.checkpoint', message: expect.stringMatching(new RegExp(`^cannot load ${folder}: loadNetwork: the weight data hold 8 bytes`)) },
    ]);
  });
});
