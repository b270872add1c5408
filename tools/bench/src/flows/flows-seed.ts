import { deriveSeed } from '@scoreflow/core';
import { selectBackend } from '@scoreflow/score-nets';
import { type FlowMethod, type FlowOutcome, type FlowProtocol, trainFlowMethod } from './flow-method.js';
import { w2 } from './flow-measures.js';
import { kdeNll } from './kde-nll.js';
import { sampleMoons } from './torchcfm-data.js';

/** Points of the NLL baseline's kernel density estimate. */
export const KDE_POINTS = 10_000;

/** What one seed of the protocol gives: the W2 floor, the KDE's NLL and each method's outcome (by label). */
export interface SeedOutcome {
  readonly seed: number;
  readonly floor: number;
  readonly kde: number;
  readonly outcomes: Readonly<Record<string, FlowOutcome>>;
}

/**
 * One seed of torchcfm's protocol (`trainFlowMethod` for each method in order; reflow straightens
 * the seed's I-CFM flow, so I-CFM must come before it), with the seed's floor (W2 of two exact
 * samples of `protocol.test` moons) and NLL baseline: a Gaussian KDE of `KDE_POINTS` moons of the
 * training pool's seed, its bandwidth chosen on the floor's moons, measured on the test moons (`kdeNll`). Everything is keyed by the seed: seeds run in
 * any order or process give the same numbers (times aside).
 */
export async function flowsSeed(seed: number, methods: readonly FlowMethod[], protocol: FlowProtocol): Promise<SeedOutcome> {
  await selectBackend('wasm');
  const floorMoons = sampleMoons(protocol.test, deriveSeed(seed, 'flows/floor'));
  const testMoons = sampleMoons(protocol.test, deriveSeed(seed, 'flows/test-target'));
  const floor = w2(floorMoons, testMoons);
  const kde = kdeNll(sampleMoons(KDE_POINTS, deriveSeed(seed, 'flows/target')), floorMoons, testMoons).nll;
  const outcomes: Record<string, FlowOutcome> = {};
  let teacher: Awaited<ReturnType<typeof trainFlowMethod>>['network'] | undefined;
  for (const method of methods) {
    const trained = await trainFlowMethod(method, seed, protocol, teacher);
    outcomes[method.label] = trained.outcome;
    const { w2: distance, straightness, seconds, nll } = trained.outcome;
    process.stderr.write(
      `flows: seed ${seed} ${method.label}: W2 ${distance.toFixed(3)}, straightness ${straightness.toFixed(3)}, ${seconds.toFixed(1)} s, NLL ${nll.nll.toFixed(3)} ± ${nll.nllStandardError.toFixed(3)} nats (${nll.evaluations} evaluations, ${nll.seconds.toFixed(1)} s)\n`,
    );
    if (method.objective === 'icfm') {
      teacher?.dispose();
      teacher = trained.network;
    } else trained.network.dispose();
  }
  teacher?.dispose();
  return { seed, floor, kde, outcomes };
}
