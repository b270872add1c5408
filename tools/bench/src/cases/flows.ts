import { type FlowMethod, type FlowOutcome, type FlowProtocol, KDE_POINTS, flowsSeeds, meanAndSpread } from '../flows/index.js';
import type { BenchResult, BenchValue } from '../measure.js';

/** The table's rows: torchcfm's methods (SB-CFM at its default sigma 1), then reflow of I-CFM (sigma 0, Liu et al. 2023). */
const METHODS: readonly FlowMethod[] = [
  { label: 'icfm', objective: 'icfm', sigma: 0.1 },
  { label: 'otcfm', objective: 'otcfm', sigma: 0.1 },
  { label: 'fm', objective: 'fm', sigma: 0.1 },
  { label: 'sbcfm', objective: 'sbcfm', sigma: 1 },
  { label: 'reflow (of icfm)', objective: 'reflow', sigma: 0 },
];

/** `FLOWS_STEPS`, `FLOWS_BATCH`, `FLOWS_SEEDS` (a count, seeds 0 ..), `FLOWS_METHODS` (labels' first words, comma-separated), `FLOWS_JOBS` (seeds at once, in child processes; default 1). */
const PROTOCOL: FlowProtocol = { steps: Number(process.env.FLOWS_STEPS ?? 20_000), batch: Number(process.env.FLOWS_BATCH ?? 512), pool: 10_000, reflowPairs: 10_000, test: 1000, euler: 100 };
const SEEDS = Number(process.env.FLOWS_SEEDS ?? 5);
const CHOSEN = process.env.FLOWS_METHODS?.split(',');
const JOBS = Number(process.env.FLOWS_JOBS ?? 1);

/**
 * torchcfm's 2-D protocol (docs/flows.md, "Against torchcfm"): 8 Gaussians -> moons with
 * torchcfm's own generators (`../flows/torchcfm-data.ts`), an MLP 3 x 64 SELU predicting the velocity,
 * AdamW 1e-3 with weight decay 1e-5, sigma 0.1 (SB-CFM 1, reflow 0), `FLOWS_STEPS` steps of `FLOWS_BATCH`
 * rows (default 20,000 of 512, torchcfm's 1000 epochs of its 10k training points; `FLOWS_STEPS=1000` for a quick run), `FLOWS_SEEDS` seeds; 100 Euler steps from 1000 test points; W2 by the exact assignment
 * against 1000 test moons, beside the floor W2 of two exact samples of 1000; straightness as the mean
 * ratio of path length to endpoint distance (1 = straight), training time, and the NLL of the test moons
 * (`flowNll`: the flow's ODE from t = 1 back to its source by RK45 at rtol = atol = 1e-4, exact divergence by autodiff, the
 * source's density at x(0); nats, with the standard error over the points) beside a Gaussian KDE's of the same
 * points (`flowsSeed`). Each value is the mean
 * over seeds, with the seeds' standard deviation beside it. Reflow straightens the same seed's I-CFM
 * flow (its pairs: the 10,000 source points of the pool pushed through 100 Euler steps; its time includes them).
 * Training draws batches from a pool of 10,000 points of each law, as torchcfm's 10k/1k/1k split.
 */
export async function flows(): Promise<BenchResult> {
  const methods = METHODS.filter((method) => CHOSEN === undefined || CHOSEN.includes(method.label.split(' ')[0]));
  if (methods.some((method) => method.objective === 'reflow') && !methods.some((method) => method.objective === 'icfm')) throw new RangeError('flows: reflow needs icfm (its teacher) in FLOWS_METHODS.');
  const seeds = await flowsSeeds(SEEDS, methods, PROTOCOL, JOBS);
  const floors = seeds.map((seed) => seed.floor);
  const kde = seeds.map((seed) => seed.kde);
  const outcomes = new Map<string, FlowOutcome[]>(methods.map((method) => [method.label, seeds.map((seed) => seed.outcomes[method.label] as FlowOutcome)]));
  const values: BenchValue[] = [];
  const push = (name: string, samples: readonly number[], unit: string) => {
    const { mean, sd } = meanAndSpread(samples);
    values.push({ name: `${name} (mean of ${samples.length} seeds)`, value: mean, unit }, { name: `${name} (sd over seeds)`, value: sd, unit });
  };
  push('W2 floor (two exact samples of 1000)', floors, '');
  push(`NLL baseline: Gaussian KDE of ${KDE_POINTS} moons, bandwidth chosen on ${PROTOCOL.test} held-out moons`, kde, 'nats');
  for (const method of methods) {
    const rows = outcomes.get(method.label) ?? [];
    push(`${method.label} (sigma ${method.sigma}) W2, ${PROTOCOL.euler} Euler steps`, rows.map((row) => row.w2), '');
    push(`${method.label} path length / endpoint distance`, rows.map((row) => row.straightness), '');
    push(`${method.label} training time (${PROTOCOL.steps} steps)`, rows.map((row) => row.seconds), 's');
    push(`${method.label} NLL of the ${PROTOCOL.test} test moons (flow ODE back to the source, RK45 1e-4)`, rows.map((row) => row.nll.nll), 'nats');
    push(`${method.label} NLL standard error over the test points`, rows.map((row) => row.nll.nllStandardError), 'nats');
    push(`${method.label} NLL evaluations`, rows.map((row) => row.nll.evaluations), '');
  }
  return {
    bench: 'flows',
    description: `torchcfm's 2-D protocol: 8 Gaussians -> moons (fm: N(0, I) -> moons) with torchcfm's generators, MLP 3x64 SELU, AdamW 1e-3 (weight decay 1e-5), ${PROTOCOL.steps} steps of ${PROTOCOL.batch} from ${PROTOCOL.pool} training points, ${SEEDS} seeds, 100 Euler steps, W2 by exact assignment on 1000 test points, NLL of the same test points through the flow's ODE`,
    values,
  };
}
