export { type PlannedFigure, planFigures } from './plan-figures.js';
export { type FigureCollector, createFigureCollector } from './figure-collector.js';
export { type FigureContext, type FigureRecord, renderFigures } from './render-figures.js';
export { figureOptionIssues } from './figure-option-issues.js';
