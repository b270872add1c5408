import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend, tf } from '../backend/index.js';
import { weightEma } from '../ema/index.js';
import { mlpScoreNetwork } from '../network/index.js';
import { testVpSde } from '../testing/test-sde.js';
import { CheckpointError } from './checkpoint-error.js';
import { loadNetwork, saveNetwork } from './checkpoint.js';
import { sdeMismatch, sdeSignature } from './sde-signature.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

/** A tf.io handler that keeps the saved artifacts in memory. */
function memoryHandler(): tf.io.IOHandler {
  let saved: tf.io.ModelArtifacts | undefined;
  return {
    save: async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    load: async () => {
      if (saved === undefined) throw new Error('nothing saved');
      return saved;
    },
  };
}

const valuesOf = (tensors: readonly tf.Tensor[]): number[][] => tensors.map((w) => Array.from(w.dataSync()));

/** A network whose raw and EMA weights differ: a few random moves, each averaged in. */
function trainedWithEma() {
  const network = mlpScoreNetwork({ dim: 2, width: 8, depth: 2, seed: 5 });
  const ema = weightEma(network, 0.9);
  for (let k = 0; k < 3; k++) {
    network.variables.forEach((v, i) => v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.1, 'float32', 10 * k + i)))));
    ema.update();
  }
  return { network, ema };
}

describe('saveNetwork(network, handler, { ema }) and loadNetwork(handler, { weights })', () => {
  it('stores the EMA as weights ema/0, ema/1, ... beside w0, w1, ... with its decay', async () => {
    const { network, ema } = trainedWithEma();
    const handler = memoryHandler();
    await saveNetwork(network, handler, { ema, metadata: { config: { steps: 3 } } });
    const artifacts = await handler.load!();
    const names = (artifacts.weightSpecs ?? []).map((spec) => spec.name);
    expect(names).toEqual([...network.variables.map((_, i) => `w${i}`), ...network.variables.map((_, i) => `ema/${i}`)]);
    expect(artifacts.userDefinedMetadata).toMatchObject({ ema: { decay: 0.9, count: network.variables.length }, metadata: { config: { steps: 3 } } });
    network.dispose();
    ema.dispose();
  });

  it('loads the EMA weights into the network by default, the raw ones with weights: raw, and the EMA state either way', async () => {
    const { network, ema } = trainedWithEma();
    const handler = memoryHandler();
    await saveNetwork(network, handler, { ema });
    const raw = valuesOf(network.variables);
    const averaged = valuesOf(ema.weights);
    expect(raw).not.toEqual(averaged);

    const before = tf.memory().numTensors;
    const byDefault = await loadNetwork(handler);
    // network weights + Fourier frequencies + EMA weights: nothing else stays allocated.
    expect(tf.memory().numTensors - before).toBe(2 * network.variables.length + 1);
    expect(byDefault.weights).toBe('ema');
    expect(valuesOf(byDefault.network.variables)).toEqual(averaged);
    expect(byDefault.ema?.decay).toBe(0.9);
    expect(valuesOf(byDefault.ema?.weights ?? [])).toEqual(averaged);

    const forResume = await loadNetwork(handler, { weights: 'raw' });
    expect(forResume.weights).toBe('raw');
    expect(valuesOf(forResume.network.variables)).toEqual(raw);
    expect(valuesOf(forResume.ema?.weights ?? [])).toEqual(averaged);
    // The loaded EMA averages in the loaded network's weights, as the saved one did.
    forResume.ema?.update();
    ema.update();
    expect(valuesOf(forResume.ema?.weights ?? [])).toEqual(valuesOf(ema.weights));

    for (const loaded of [byDefault, forResume]) {
      loaded.network.dispose();
      loaded.ema?.dispose();
    }
    network.dispose();
    ema.dispose();
  });

  it('loads the raw weights, with no EMA, from a checkpoint saved without one', async () => {
    const { network, ema } = trainedWithEma();
    const handler = memoryHandler();
    await saveNetwork(network, handler);
    const loaded = await loadNetwork(handler, { weights: 'ema' });
    expect(loaded.weights).toBe('raw');
    expect(loaded.ema).toBeUndefined();
    expect(valuesOf(loaded.network.variables)).toEqual(valuesOf(network.variables));
    loaded.network.dispose();
    network.dispose();
    ema.dispose();
  });

  it('rejects an EMA of another network and a checkpoint whose EMA weights are missing', async () => {
    const { network, ema } = trainedWithEma();
    const other = mlpScoreNetwork({ dim: 2, width: 8, depth: 3 });
    const otherEma = weightEma(other);
    await expect(saveNetwork(network, memoryHandler(), { ema: otherEma })).rejects.toThrow(/EMA holds 8 weight tensors, the network 6/);
    const handler = memoryHandler();
    await saveNetwork(network, handler, { ema });
    const artifacts = await handler.load!();
    const truncated = { ...artifacts, weightSpecs: artifacts.weightSpecs?.slice(0, -1) };
    await expect(loadNetwork({ load: async () => truncated })).rejects.toThrow(CheckpointError);
    await expect(loadNetwork({ load: async () => truncated })).rejects.toThrow(/ema\/5/);
    for (const disposable of [network, ema, other, otherEma]) disposable.dispose();
  });
});

describe('sdeSignature(sde) and sdeMismatch(signature, sde)', () => {
  it('agree for the same SDE and name T or the marginal where they differ', () => {
    const signature = sdeSignature(testVpSde(1));
    expect(sdeMismatch(signature, testVpSde(1))).toBeUndefined();
    expect(sdeMismatch(JSON.parse(JSON.stringify(signature)), testVpSde(1))).toBeUndefined();
    expect(sdeMismatch(signature, testVpSde(2))).toMatch(/T is 2, the network was trained with T = 1/);
    const slower = { ...testVpSde(1), marginal: (t: number) => ({ mean: Math.exp(-t / 4), std: Math.sqrt(-Math.expm1(-t / 2)) }) };
    expect(sdeMismatch(signature, slower)).toMatch(/at t = 0.001 its marginal is m = .*'test-vp'/);
  });
});
