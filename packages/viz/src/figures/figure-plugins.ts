import { animationFigure } from './animation-figure.js';
import { densityFigure } from './density-figure.js';
import { imageAnimationFigure } from './image-animation-figure.js';
import { imagesFigure } from './images-figure.js';
import { metricsFigure } from './metrics-figure.js';
import { pathsFigure } from './paths-figure.js';
import { snapshotFigure } from './snapshot-figure.js';
import { traceFigure } from './trace-figure.js';

/** Every figure plugin (kind `figure`), in the order the README lists them. */
export const figurePlugins = [snapshotFigure, animationFigure, pathsFigure, metricsFigure, traceFigure, densityFigure, imagesFigure, imageAnimationFigure] as const;
