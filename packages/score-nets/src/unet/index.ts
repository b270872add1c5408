export { type ResolvedUnetOptions, UNET_DEFAULTS, type UnetOptions, isUnetOptions, resolveUnetOptions } from './unet-options.js';
export { type UnetScoreNetwork, unetScoreNetwork } from './unet.js';
export { GROUP_NORM_EPSILON, type GroupNorm, applyGroupNorm, groupNorm } from './group-norm.js';
export { type Conv3x3, applyConv3x3, conv3x3, im2col3x3, spaceToDepth2, upsample2 } from './conv.js';
export { type BuiltNetwork, type NetworkOptions, isUnet, networkOf } from './network-of.js';
