// @scoreflow/viz: drawing functions on CanvasRenderingContext2D, one code path for browsers and
// node (@napi-rs/canvas, through `@scoreflow/viz/node`).
export type { Box, Context2D, Domain, PixelData, Transform2D } from './context.js';

export { FONT_FAMILY, font } from './frame/font.js';
export { type AxisScale, DEFAULT_MARGIN, type Margin, type PlotFrame, type PlotFrameOptions, createPlotFrame } from './frame/plot-frame.js';
export { type AxesOptions, drawAxes } from './frame/draw-axes.js';
export { type FitTextOptions, type FittedText, fitText } from './frame/fit-text.js';
export { type TitleOptions, drawTitle } from './frame/draw-title.js';
export { extentOf, unionOf } from './frame/domains.js';

export { type Rgb, rgbOf } from './colour/rgb.js';
export { COLOUR_MAPS, COLOUR_MAP_NAMES, type ColourMap, type ColourMapName, colourTable, interpolatorOf } from './colour/colour-map.js';
export { CATEGORICAL, categoricalColour, categoricalTable } from './colour/categorical.js';

export { type DeviceRegion, deviceRegion } from './raster/device-region.js';
export { type SplatLayer, autoOpacity, compositeSplats, createSplatLayer } from './raster/splat-layer.js';

export { type MarkerOptions, clipTo, drawMarkers } from './marks/draw-markers.js';
export { SCATTER_COLOUR, type ScatterColour } from './scatter/scatter-colour.js';
export { type ScatterOptions, drawScatter } from './scatter/draw-scatter.js';

export { type DensityGrid, type GridArea, type LogDensityFunction, cellCentres, frameArea, gridFromLogDensity } from './heatmap/density-grid.js';
export { type HistogramOptions, histogram2d } from './heatmap/histogram-2d.js';
export { type HeatmapOptions, type HeatmapScale, drawDensityHeatmap } from './heatmap/draw-density-heatmap.js';
export { drawColourBar } from './heatmap/draw-colour-bar.js';

export { type Trajectories, checkTrajectories } from './paths/trajectories.js';
export { type PathsOptions, drawPaths, endpoints } from './paths/draw-paths.js';

export { type ScoreFunction, type VectorField, scoreField } from './field/vector-field.js';
export { type ScoreFieldOptions, drawScoreField } from './field/draw-score-field.js';

export { type Series, drawable, seriesDomains } from './chart/series.js';
export { type LegendEntry, type LegendPosition, drawLegend, drawLegendRow } from './chart/draw-legend.js';
export { type Band, type BandOptions, drawBand } from './chart/draw-band.js';
export { type LineChartOptions, drawLineChart } from './chart/draw-line-chart.js';
export { type ChainTraceOptions, chainLegend, drawChainTrace, traceSeries } from './chart/draw-chain-trace.js';

export { type ImageGridOptions, type ImageSet, drawImageGrid } from './images/draw-image-grid.js';

export { type GifOptions, type RgbaFrame, encodeGif } from './gif/encode-gif.js';
export { type GifInfo, readGifInfo } from './gif/read-gif-info.js';

export { type Batches, batchList } from './batch/batches.js';
export { type ParticlePoints, pointsOf } from './batch/points-of.js';
export { trajectoriesOf } from './batch/trajectories-of.js';

// Figures as plugins (kind `figure`): the runner writes them, the gallery draws them in the page.
export { figurePlugins } from './figures/figure-plugins.js';
export { type FigureSpec, defineFigure, definePlanarFigure } from './figures/define-figure.js';
export { pathsOf } from './figures/paths-of.js';
export { animationFigure, animationFigureOptions } from './figures/animation-figure.js';
export { densityFigure, densityFigureOptions } from './figures/density-figure.js';
export { imagesFigure, imagesFigureOptions } from './figures/images-figure.js';
export { imageAnimationFigure, imageAnimationFigureOptions } from './figures/image-animation-figure.js';
export { imageOptions, imageShapeOf } from './figures/image-options.js';
export { spreadFrames } from './figures/spread-frames.js';
export { metricsFigure, metricsFigureOptions } from './figures/metrics-figure.js';
export { pathsFigure, pathsFigureOptions } from './figures/paths-figure.js';
export { colourOf, snapshotFigure, snapshotFigureOptions } from './figures/snapshot-figure.js';
export { traceFigure, traceFigureOptions } from './figures/trace-figure.js';
export { NothingToDraw } from './figures/nothing-to-draw.js';
export { type StepSelection, type StoredSnapshot, type SnapshotStore, createSnapshotStore } from './figures/snapshot-store.js';
export { formatT, isChainStage, stageName, stepName, whenOf } from './figures/titles.js';
export { domainsOf } from './figures/domains-of.js';
export { contextOf } from './figures/context-of.js';
export { type Distribution, drawDistribution, gridOf } from './figures/draw-distribution.js';
export { type MetricBands, noiseBands } from './figures/noise-bands.js';
export { animationOptions, checkPlanar, colourOption, commonOptions, createNested, domainOption, fileOption, mapOption, stageOption, stepOption } from './figures/figure-options.js';
