import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ScoreflowError, isConfigError } from '@scoreflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { CheckpointError } from '../checkpoint/checkpoint-error.js';
import { loadNetwork, saveNetwork } from '../checkpoint/checkpoint.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { MODEL_JSON, WEIGHTS_BIN, fileCheckpoint } from './file-checkpoint.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-corrupt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('wasm');
});

let folders = 0;
/** A fresh checkpoint folder of a small network, then `corrupt` applied to it. */
async function corrupted(corrupt: (folder: string) => void): Promise<string> {
  const folder = join(root, String(folders++));
  const network = mlpScoreNetwork({ dim: 2, width: 4, depth: 1 });
  await saveNetwork(network, fileCheckpoint(folder));
  network.dispose();
  corrupt(folder);
  return folder;
}

/** The part of model.json these cases change. */
interface ModelJson {
  modelTopology: { options: Record<string, unknown> };
}

/** Rewrites model.json through `change`. */
const editModelJson = (change: (json: ModelJson) => void) => (folder: string) => {
  const file = join(folder, MODEL_JSON);
  const json = JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
  change(json);
  writeFileSync(file, JSON.stringify(json));
};

describe('loadNetwork(fileCheckpoint(folder)) on a corrupt checkpoint', () => {
  const cases: [string, (folder: string) => void, RegExp][] = [
    ['weights.bin cut short', (folder) => truncateSync(join(folder, WEIGHTS_BIN), 10), /the weight data hold 10 bytes, the \d+ weights listed need \d+; is the file cut short\?/],
    ['weights.bin missing', (folder) => rmSync(join(folder, WEIGHTS_BIN)), /weights\.bin/],
    ['model.json missing', (folder) => rmSync(join(folder, MODEL_JSON)), /model\.json/],
    ['model.json not JSON', (folder) => writeFileSync(join(folder, MODEL_JSON), '{"format": "scoreflow-score-net", '), /model\.json/],
    ['a weight of another shape', editModelJson((json) => (json.modelTopology.options.width = 5)), /weight w0 must have shape \[/],
    ['network options out of range', editModelJson((json) => (json.modelTopology.options.depth = -1)), /depth/],
  ];
  for (const [what, corrupt, message] of cases) {
    it(`rejects with a CheckpointError, bad input of the error family: ${what}`, async () => {
      const folder = await corrupted(corrupt);
      const error = await loadNetwork(fileCheckpoint(folder)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(CheckpointError);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toBeInstanceOf(ScoreflowError);
      expect(isConfigError(error)).toBe(true);
      expect((error as Error).name).toBe('CheckpointError');
      expect((error as Error).message).toMatch(message);
    });
  }
});
