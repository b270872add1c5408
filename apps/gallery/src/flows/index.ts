// The flows story's pieces: a coupled minibatch's exact velocity, and the geometry of its paths.
export { coupledFlow } from './coupled-flow.js';
export { type PathSet, meetings, straightness } from './path-geometry.js';
