import type { OutputKind } from '../network/parameterisation.js';

/**
 * Options of `unetScoreNetwork`: an image network for h x w x c images flattened to particles of
 * `dim = height * width * channels` values (row-major, channels last, as the image data sources
 * write them). `type: 'unet'` tells it from an MLP's options in a checkpoint or a config.
 */
export interface UnetOptions {
  readonly type: 'unet';
  readonly height: number;
  readonly width: number;
  /** Channels of the image (default 1: grey). */
  readonly channels?: number;
  /** The particles' dimension; when given it must equal height * width * channels (default that product). */
  readonly dim?: number;
  /** Channels of the first level (default 32). */
  readonly baseChannels?: number;
  /**
   * Channel multiplier of each resolution level (default [1, 2]): level i has
   * `baseChannels * channelMultipliers[i]` channels; each level after the first halves the
   * resolution, so height and width must be divisible by 2^(levels - 1).
   */
  readonly channelMultipliers?: readonly number[];
  /** Residual blocks per level on the way down (default 1; the way up has one more, as in Ho et al. 2020). */
  readonly blocksPerLevel?: number;
  /** Groups of the group normalisations (default 8); it must divide every level's channels. */
  readonly groups?: number;
  /** Self-attention at the lowest resolution, between the middle residual blocks (default false). */
  readonly attention?: boolean;
  /** Size of the sinusoidal time embedding, even (default baseChannels). */
  readonly embeddingSize?: number;
  /** Classes of a conditional network (default 0); label `classes` is the null label of classifier-free guidance. */
  readonly classes?: number;
  /** What the output means (default `eps`). */
  readonly output?: OutputKind;
  /** Seed of the initial weights (default 0). */
  readonly seed?: number;
}

/** The defaults of `UnetOptions`: a small U-Net for 14 x 14 or 28 x 28 grey images on a CPU. */
export const UNET_DEFAULTS = {
  channels: 1,
  baseChannels: 32,
  channelMultipliers: [1, 2],
  blocksPerLevel: 1,
  groups: 8,
  attention: false,
  classes: 0,
  output: 'eps',
  seed: 0,
} as const;

/** `UnetOptions` with every default filled in. */
export type ResolvedUnetOptions = Required<Omit<UnetOptions, 'channelMultipliers'>> & { readonly channelMultipliers: readonly number[] };

/** Whether network options are a U-Net's (`type: 'unet'`) rather than an MLP's. */
export function isUnetOptions(options: object): options is UnetOptions {
  return (options as { type?: unknown }).type === 'unet';
}

/**
 * Fills the defaults of `options` and checks them, throwing a `RangeError` that names the field,
 * its allowed values and the value given.
 */
export function resolveUnetOptions(options: UnetOptions): ResolvedUnetOptions {
  const d = UNET_DEFAULTS;
  const { height, width, channels = d.channels, baseChannels = d.baseChannels, blocksPerLevel = d.blocksPerLevel, groups = d.groups } = options;
  const { attention = d.attention, classes = d.classes, output = d.output, seed = d.seed, embeddingSize = baseChannels } = options;
  const channelMultipliers = [...(options.channelMultipliers ?? d.channelMultipliers)];
  const sizes = [['height', height, 1], ['width', width, 1], ['channels', channels, 1], ['baseChannels', baseChannels, 1], ['blocksPerLevel', blocksPerLevel, 1], ['groups', groups, 1], ['embeddingSize', embeddingSize, 2], ['classes', classes, 0]] as const;
  for (const [field, value, min] of sizes) {
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`unetScoreNetwork: ${field} must be an integer >= ${min}, got ${value}.`);
  }
  if (embeddingSize % 2 !== 0) throw new RangeError(`unetScoreNetwork: embeddingSize must be even, got ${embeddingSize}.`);
  if (channelMultipliers.length < 1 || channelMultipliers.some((m) => !Number.isSafeInteger(m) || m < 1)) {
    throw new RangeError(`unetScoreNetwork: channelMultipliers must be a non-empty list of integers >= 1, got [${channelMultipliers.join(', ')}].`);
  }
  const factor = 2 ** (channelMultipliers.length - 1);
  if (height % factor !== 0 || width % factor !== 0) {
    throw new RangeError(`unetScoreNetwork: height and width must be divisible by 2^(levels - 1) = ${factor} for ${channelMultipliers.length} levels, got ${height} x ${width}.`);
  }
  for (const m of channelMultipliers) {
    if ((baseChannels * m) % groups !== 0) throw new RangeError(`unetScoreNetwork: groups must divide every level's channels (baseChannels * multiplier), got groups ${groups} and ${baseChannels * m} channels.`);
  }
  const dim = height * width * channels;
  if (options.dim !== undefined && options.dim !== dim) {
    throw new RangeError(`unetScoreNetwork: dim must equal height * width * channels = ${height} * ${width} * ${channels} = ${dim}, got ${options.dim}.`);
  }
  return { type: 'unet', height, width, channels, dim, baseChannels, channelMultipliers, blocksPerLevel, groups, attention, embeddingSize, classes, output, seed };
}
