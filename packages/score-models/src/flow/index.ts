export { mixtureFlow } from './mixture-flow.js';
export { mixtureFlowPlugin, standardNormal } from './mixture-flow-plugin.js';

import { mixtureFlowPlugin } from './mixture-flow-plugin.js';

/** The velocity-model plugins of this package (browser-safe), for the catalogue. */
export const velocityModelPlugins = [mixtureFlowPlugin] as const;
