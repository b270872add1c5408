// Sample-quality metrics: plain functions, metric plugins and RxJS operators.

export { DIRECTION_STREAM, randomDirections } from './sliced-wasserstein/random-directions.js';
export { type RadixScratch, radixScratch, sortFloat32 } from './sliced-wasserstein/radix-sort.js';
export { DEFAULT_PROJECTIONS, type SlicedWassersteinOptions, slicedWasserstein } from './sliced-wasserstein/sliced-wasserstein.js';
export { wasserstein2Squared1d } from './sliced-wasserstein/wasserstein-1d.js';

export { medianPairwiseDistance } from './mmd/median-distance.js';
export { MEDIAN_MAX_ROWS, type Mmd2Options, type Mmd2Result, mmd2 } from './mmd/mmd2.js';

export { type EnergyDistanceOptions, energyDistance } from './energy/energy-distance.js';

export { type GaussianMoments, frechetDistance, frechetDistanceOfSamples, gaussianMoments } from './frechet/frechet-distance.js';
export { symmetricEigen, symmetricSqrt } from './frechet/symmetric-eigen.js';
export { type FeatureLayer, type FeatureNetwork, type StoredFeatureNetwork, averagePool2, classify, encodeFloats, featureNetwork, featuresOf, imageDimProblem, logitsOf } from './frechet/feature-network.js';
export { classAccuracy } from './classes/class-accuracy.js';
export { FASHION_MNIST_CLASSES } from './classes/fashion-mnist-classes.js';

export { sampleCovariance, sampleMean } from './moments/sample-moments.js';
export { covarianceError, meanError } from './moments/moment-errors.js';

export { DEFAULT_MAX_SAMPLES, strideRows } from './samples/stride-rows.js';
export { sumCrossPairs, sumWithinPairs } from './samples/pairwise-sums.js';
export { medianInPlace, selectKth } from './samples/select.js';

export { slicedWassersteinPlugin } from './plugins/sliced-wasserstein-plugin.js';
export { FRECHET_FEATURES, FRECHET_SETTINGS, fashionMnistClassifier, frechetPlugin } from './frechet/frechet-plugin.js';
export { mmdPlugin } from './plugins/mmd-plugin.js';
export { energyDistancePlugin } from './plugins/energy-distance-plugin.js';
export { momentsPlugin } from './plugins/moments-plugin.js';
export { ODE_NLL_SETTINGS, odeNllOptions, odeNllPlugin } from './plugins/ode-nll-plugin.js';
export { CLASS_ACCURACY_SETTINGS, classAccuracyPlugin } from './classes/class-accuracy-plugin.js';
export { metricPlugins } from './plugins/metric-plugins.js';

export { type EndLogDensity, type OdeLikelihood, type OdeLikelihoodOptions, odeLogLikelihood } from './likelihood/ode-log-likelihood.js';
export { type NegativeLogLikelihood, negativeLogLikelihood } from './likelihood/negative-log-likelihood.js';
export { type FlowLikelihood, type FlowLikelihoodOptions, flowLogLikelihood } from './likelihood/flow-log-likelihood.js';
export { type ChangeOfVariables, type ChangeOfVariablesSettings, type DivergenceField, integrateChangeOfVariables } from './likelihood/change-of-variables.js';
export { standardNormalLogDensity } from './likelihood/standard-normal-log-density.js';
export {
  type DivergenceMode,
  type DivergenceModel,
  EXACT_DIVERGENCE_MAX_DIM,
  type ScoreModelWithDivergence,
  type WithDivergence,
  resolveDivergence,
} from './likelihood/divergence-estimator.js';
export { PROBE_STREAM, rademacherProbes } from './likelihood/rademacher-probes.js';

export { type MetricRecord, measureRecord } from './operators/metric-record.js';
export { DEFAULT_MAX_PARTICLES, type MeasureOptions, measureSnapshots } from './operators/measure-snapshots.js';
export { type Snapshot, type SnapshotGatherer, createSnapshotGatherer } from './operators/snapshot-gatherer.js';

export { normalQuantile, rankNormalise, SINGLE_CHAIN_SPLITS, defaultSplits, splitChains, fft, autocovariance } from './diagnostics/index.js';
export { potentialScaleReduction, effectiveSampleSize, splitRhat, splitRhatClassic, bulkEss } from './diagnostics/index.js';
export { type ChainDiagnostics, type ChainDiagnosticsOptions, type ChainTrace, type CoordinateDiagnostics, chainDiagnostics, singleChainWarning } from './diagnostics/index.js';
export { type TraceGatherer, createTraceGatherer, type TraceDiagnosticsOptions, gatherTrace, traceDiagnostics } from './diagnostics/index.js';
