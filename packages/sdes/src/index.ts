export type { LinearSde } from './linear-sde.js';
export { type BrownianOptions, brownian } from './brownian.js';
export { type VeOptions, type VeSde, ve } from './ve.js';
export { type VpOptions, type VpSde, vp } from './vp.js';
export { brownianPlugin, sdePlugins, vePlugin, vpPlugin } from './plugins.js';
export { uniformGrid } from './grids/uniform-grid.js';
export { geometricGrid } from './grids/geometric-grid.js';
export { geometricGridPlugin, timeGridPlugins, uniformGridPlugin } from './grids/grid-plugins.js';
