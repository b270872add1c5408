import { type Rng, createRng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { type Dense, applyDense, dense } from '../network/dense.js';
import { keyedMatrix } from '../network/keyed-init.js';
import type { ScoreNetwork } from '../network/mlp.js';
import { type TimeEmbedding, sinusoidalEmbedding } from '../network/time-embedding.js';
import { type AttentionBlock, applyAttention, attentionBlock } from './attention.js';
import { type Conv3x3, applyConv3x3, applyPointwise, conv3x3, spaceToDepth2, upsample2 } from './conv.js';
import { type GroupNorm, applyGroupNorm, groupNorm } from './group-norm.js';
import { type ResBlock, applyResBlock, resBlock, resBlockVariables, silu } from './res-block.js';
import { type ResolvedUnetOptions, type UnetOptions, resolveUnetOptions } from './unet-options.js';

/** A U-Net score network; `options` (resolved: every default filled in, `dim` among them) rebuild it. */
export interface UnetScoreNetwork extends ScoreNetwork {
  readonly options: ResolvedUnetOptions;
  /** The sinusoidal time embedding (before the embedding MLP). */
  readonly time: TimeEmbedding;
}

/** The time sinusoid's scale: t in [0, T = 1] is embedded as DDPM's step 1000 t (Ho et al. 2020). */
const TIME_SCALE = 1000;

type Stage =
  | { readonly kind: 'res'; readonly block: ResBlock; readonly skip: boolean }
  | { readonly kind: 'down'; readonly layer: Dense }
  | { readonly kind: 'up'; readonly conv: Conv3x3 }
  | { readonly kind: 'attention'; readonly block: AttentionBlock };

/** A label table of `rows` x `size`, N(0, 1) entries from the keyed RNG (as torch.nn.Embedding). */
function labelTable(rows: number, size: number, rng: Rng): tf.Variable {
  return tf.tidy(() => tf.variable(tf.tensor2d(keyedMatrix(rng, 'unet/labels', rows, size, { std: 1 }), [rows, size])));
}

/**
 * The U-Net of Ho et al. 2020 (DDPM; after Ronneberger et al. 2015 and PixelCNN++), scaled down
 * for small images: a 3 x 3 input convolution; per resolution level `blocksPerLevel` residual
 * blocks (group normalisation, SiLU, 3 x 3 convolutions, the embedding added per channel) and a
 * learned stride-2 down-sampling (space-to-depth then a pointwise layer); a middle of two residual
 * blocks with optional single-head self-attention between them; the way up with
 * `blocksPerLevel + 1` residual blocks per level, each taking the matching skip (concatenated
 * channels), and nearest-neighbour up-sampling followed by a 3 x 3 convolution; then group norm,
 * SiLU and a 3 x 3 output convolution. The embedding is MLP(sinusoid(1000 t)) (Vaswani et al.
 * 2017), plus a learned label embedding when `classes > 0` (row `classes` is the null label of
 * classifier-free guidance, Ho & Salimans 2022, used when no labels are given).
 *
 * Particles are flattened images: x [n, dim] is read as [n, height, width, channels]. Every
 * initial weight comes from core's keyed RNG (one stream per layer), so `options` rebuild the same
 * network with the same variable order; every matMul is rank 2 except attention's plain batched products.
 *
 * @example
 * const net = unetScoreNetwork({ type: 'unet', height: 14, width: 14, baseChannels: 32, channelMultipliers: [1, 2] });
 * const eps = net.apply(x, t); // x: [n, 196]
 */
export function unetScoreNetwork(options: UnetOptions): UnetScoreNetwork {
  const resolved = resolveUnetOptions(options);
  const { height, width, channels, dim, baseChannels, channelMultipliers, blocksPerLevel, groups, attention, embeddingSize, classes, seed } = resolved;
  const rng = createRng(seed);
  const embedWidth = 4 * baseChannels;
  const time = sinusoidalEmbedding(embeddingSize, TIME_SCALE);
  const variables: tf.Variable[] = [];
  const keep = (...vs: tf.Variable[]) => variables.push(...vs);
  const denseLayer = (inputs: number, outputs: number, stream: string, scale = 1): Dense => {
    const layer = dense(inputs, outputs, rng, stream, scale);
    keep(layer.w, layer.b);
    return layer;
  };
  const conv = (inputs: number, outputs: number, stream: string, scale = 1): Conv3x3 => {
    const layer = conv3x3(inputs, outputs, rng, stream, scale);
    keep(layer.layer.w, layer.layer.b);
    return layer;
  };
  const res = (inputs: number, outputs: number, stream: string, skip: boolean): Stage => {
    const block = resBlock(inputs, outputs, embedWidth, groups, rng, stream);
    keep(...resBlockVariables(block));
    return { kind: 'res', block, skip };
  };

  const embed1 = denseLayer(embeddingSize, embedWidth, 'unet/time-1');
  const embed2 = denseLayer(embedWidth, embedWidth, 'unet/time-2');
  const table = classes > 0 ? labelTable(classes + 1, embedWidth, rng) : undefined;
  if (table) keep(table);
  const convIn = conv(channels, baseChannels, 'unet/in');

  // The way down: every stage's output is a skip, as in Ho et al.'s hs list.
  const down: Stage[] = [];
  const skips: number[] = [baseChannels];
  let ch = baseChannels;
  channelMultipliers.forEach((multiplier, level) => {
    for (let b = 0; b < blocksPerLevel; b++) {
      down.push(res(ch, baseChannels * multiplier, `unet/down-${level}-${b}`, false));
      ch = baseChannels * multiplier;
      skips.push(ch);
    }
    if (level < channelMultipliers.length - 1) {
      down.push({ kind: 'down', layer: denseLayer(4 * ch, ch, `unet/down-${level}-sample`) });
      skips.push(ch);
    }
  });
  const middle: Stage[] = [res(ch, ch, 'unet/mid-0', false)];
  if (attention) {
    const block = attentionBlock(ch, groups, rng, 'unet/mid-attention');
    keep(block.norm.gamma, block.norm.beta, block.qkv.w, block.qkv.b, block.out.w, block.out.b);
    middle.push({ kind: 'attention', block });
  }
  middle.push(res(ch, ch, 'unet/mid-1', false));
  const up: Stage[] = [];
  for (let level = channelMultipliers.length - 1; level >= 0; level--) {
    const outputs = baseChannels * (channelMultipliers[level] as number);
    for (let b = 0; b <= blocksPerLevel; b++) {
      up.push(res(ch + (skips.pop() as number), outputs, `unet/up-${level}-${b}`, true));
      ch = outputs;
    }
    if (level > 0) up.push({ kind: 'up', conv: conv(ch, ch, `unet/up-${level}-sample`) });
  }
  const normOut: GroupNorm = groupNorm(ch, groups);
  keep(normOut.gamma, normOut.beta);
  const convOut = conv(ch, channels, 'unet/out', 0.1);

  const embedding = (t: tf.Tensor1D, labels: tf.Tensor1D | undefined): tf.Tensor2D => {
    const temb = applyDense(embed2, silu(applyDense(embed1, time.embed(t))));
    if (table === undefined) {
      if (labels !== undefined) throw new RangeError('ScoreNetwork.apply: labels were given to a network without classes.');
      return temb;
    }
    const indices = labels ?? tf.fill([t.shape[0]], classes, 'int32');
    // int32 one-hot, then cast: wasm's float32 OneHot writes int32 bit patterns (see mlp.ts).
    const oneHot = tf.cast(tf.oneHot(tf.cast(indices, 'int32'), classes + 1), 'float32') as tf.Tensor2D;
    return tf.add(temb, tf.matMul(oneHot, table as tf.Tensor2D));
  };

  const run = (stage: Stage, h: tf.Tensor4D, emb: tf.Tensor2D, stack: tf.Tensor4D[]): tf.Tensor4D => {
    switch (stage.kind) {
      case 'res':
        return applyResBlock(stage.block, stage.skip ? tf.concat([h, stack.pop() as tf.Tensor4D], 3) : h, emb);
      case 'down':
        return applyPointwise(stage.layer, spaceToDepth2(h));
      case 'up':
        return applyConv3x3(stage.conv, upsample2(h));
      case 'attention':
        return applyAttention(stage.block, h);
    }
  };

  return {
    options: resolved,
    time,
    dim,
    output: resolved.output,
    classes,
    variables,
    apply: (x, t, labels) =>
      tf.tidy(() => {
        const n = x.shape[0];
        if (x.shape[1] !== dim) throw new RangeError(`UnetScoreNetwork.apply: x must be [n, ${dim}] (${height} x ${width} x ${channels} images), got [${x.shape.join(', ')}].`);
        const times = typeof t === 'number' ? (tf.fill([n], t) as tf.Tensor1D) : t;
        const emb = embedding(times, labels);
        let h = applyConv3x3(convIn, tf.reshape(x, [n, height, width, channels]));
        const stack: tf.Tensor4D[] = [h];
        for (const stage of down) {
          h = run(stage, h, emb, stack);
          stack.push(h);
        }
        for (const stage of middle) h = run(stage, h, emb, stack);
        for (const stage of up) h = run(stage, h, emb, stack);
        const out = applyConv3x3(convOut, silu(applyGroupNorm(normOut, h)));
        return tf.reshape(out, [n, dim]) as tf.Tensor2D;
      }),
    dispose: () => {
      tf.dispose(variables);
      time.dispose();
    },
  };
}
