import type { ConfigIssue, DataSource, PluginConfig, Registry, RunContext, VelocityModel } from '@scoreflow/core';
import { type FlowTrainingObjective, type TrainConfig, isFlowObjective } from '../config/train-config.js';
import type { IssueCollector } from '../pipeline/issue-collector.js';

/** Euler steps of reflow's teacher ODE by default: torchcfm's evaluation of its 2-D flows. */
export const TEACHER_STEPS = 100;

/** What a flow-objective training needs beside the data (the law at t = 1): its objective, noise, source and teacher. */
export interface FlowPlan {
  readonly objective: FlowTrainingObjective;
  /** The conditional path's noise (default 0). */
  readonly sigma: number;
  /** SB-CFM's Sinkhorn regularisation, when given (default 2 sigma^2). */
  readonly reg?: number;
  /** The law at t = 0, when given (`training.source`); N(0, I) otherwise. */
  readonly source?: DataSource;
  /** Reflow's trained flow, and the Euler steps of its ODE. */
  readonly teacher?: VelocityModel;
  readonly teacherSteps: number;
}

/** The training fields that apply to some objectives only, and the objectives each applies to. */
const ONLY_FOR: Record<'sigma' | 'reg' | 'source' | 'teacher' | 'teacherSteps', { readonly objectives: readonly string[]; readonly words: string }> = {
  sigma: { objectives: ['icfm', 'fm', 'otcfm', 'sbcfm', 'reflow'], words: 'the flow objectives (icfm, fm, otcfm, sbcfm, reflow)' },
  reg: { objectives: ['sbcfm'], words: 'sbcfm' },
  source: { objectives: ['icfm', 'otcfm', 'sbcfm', 'reflow'], words: 'icfm, otcfm, sbcfm and reflow (fm, as Lipman et al. and torchcfm, starts from N(0, I))' },
  teacher: { objectives: ['reflow'], words: 'reflow' },
  teacherSteps: { objectives: ['reflow'], words: 'reflow' },
};

/**
 * The problems of a train config's objective-specific fields: an SDE given to a flow objective or
 * missing for dsm and classifier, `network.output` other than `velocity` for a flow (or `velocity`
 * for a score), a conditional flow network, and every flow option given to an objective it does
 * not apply to (`training.sigma` to dsm, `training.reg` to icfm, `training.teacher` missing for reflow, ...).
 */
export function objectiveIssues(config: TrainConfig): ConfigIssue[] {
  const { objective } = config.training;
  const flow = isFlowObjective(objective);
  const issues: ConfigIssue[] = [];
  if (flow && config.sde !== undefined) issues.push({ path: 'sde', message: `a flow objective (training.objective ${objective}) takes no SDE: remove it` });
  if (!flow && config.sde === undefined) issues.push({ path: 'sde', message: `is required for training.objective ${objective}: the forward SDE, e.g. { type: vp }` });
  if (flow && config.network.output !== 'velocity') {
    issues.push({ path: 'network.output', message: `must be velocity for a flow objective (training.objective ${objective}), got '${config.network.output}'` });
  }
  if (!flow && config.network.output === 'velocity') {
    issues.push({ path: 'network.output', message: `velocity is for the flow objectives (icfm, fm, otcfm, sbcfm, reflow), not training.objective ${objective}` });
  }
  if (flow && config.network.classes > 0) issues.push({ path: 'network.classes', message: `must be 0: flow objectives train unconditional velocity networks, got ${config.network.classes}` });
  for (const [field, rule] of Object.entries(ONLY_FOR)) {
    if (config.training[field as keyof typeof ONLY_FOR] !== undefined && !rule.objectives.includes(objective)) {
      issues.push({ path: `training.${field}`, message: `applies to ${rule.words} only, not training.objective ${objective}: remove it` });
    }
  }
  if (objective === 'reflow' && config.training.teacher === undefined) {
    issues.push({ path: 'training.teacher', message: 'is required for reflow: the trained flow whose pairs it learns, e.g. { type: network, checkpoint: ../out/icfm/checkpoint }' });
  }
  if (objective === 'sbcfm' && !((config.training.sigma ?? 0) > 0)) {
    issues.push({ path: 'training.sigma', message: `must be > 0 for sbcfm (the bridge noise; Sinkhorn's reg is 2 sigma^2), got ${config.training.sigma ?? 0} (the default)` });
  }
  return issues;
}

/**
 * Creates the flow plan of a config whose objective is a flow (`objectiveIssues` found none): the
 * source data source (`training.source`) and reflow's teacher velocity model (`training.teacher`)
 * through the registry, each checked to have the data's dimension. Problems go to `problems`.
 */
export function buildFlowPlan(
  config: TrainConfig & { training: { objective: FlowTrainingObjective } },
  data: DataSource,
  registry: Registry,
  run: RunContext,
  problems: IssueCollector,
  onResolved: (path: string, plugin: PluginConfig) => void,
): FlowPlan {
  const { training } = config;
  const sameDim = <T extends { readonly dim: number }>(made: T | undefined, path: string, what: string): T | undefined => {
    if (made === undefined || made.dim === data.dim) return made;
    problems.add({ path, message: `${what} has dimension ${made.dim}, the data ${data.dim}: they must match` });
    return undefined;
  };
  const source = training.source && problems.attempt(() => registry.create('data-source', training.source as PluginConfig, { run, path: 'training.source', onResolved }), 'training.source');
  const teacher = training.teacher && problems.attempt(() => registry.create('velocity-model', training.teacher as PluginConfig, { run, path: 'training.teacher', onResolved }), 'training.teacher');
  const checkedSource = sameDim(source, 'training.source', 'the source');
  const checkedTeacher = sameDim(teacher, 'training.teacher', 'the teacher');
  return {
    objective: training.objective,
    sigma: training.sigma ?? 0,
    ...(training.reg !== undefined && { reg: training.reg }),
    ...(checkedSource && { source: checkedSource }),
    ...(checkedTeacher && { teacher: checkedTeacher }),
    teacherSteps: training.teacherSteps ?? TEACHER_STEPS,
  };
}
