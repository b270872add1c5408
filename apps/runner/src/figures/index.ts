export { FIGURE_TYPES, type FigureConfig, figureSchema } from './figure-schema.js';
export { type PlannedFigure, planFigures } from './plan-figures.js';
export { type FigureCollector, createFigureCollector } from './figure-collector.js';
export { type FigureContext, NothingToDraw, type RenderedFigure } from './figure-context.js';
export { type FigureRecord, renderFigures } from './render-figures.js';
