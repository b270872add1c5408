/** Title of the README section whose ```ts blocks are the composing examples. */
export const COMPOSING_SECTION = 'Composing a pipeline in TypeScript';

/**
 * Training and sampling sizes of the learned-score block, made smaller (5,000 steps take
 * minutes): each `[from, to]` must be found exactly once in the block, so a changed README fails.
 */
export const SMALLER_SIZES: readonly (readonly [string, string])[] = [
  ['steps: 5000, batchSize: 4096', 'steps: 50, batchSize: 512'],
  ['particles: 10_000', 'particles: 2_000'],
  ['uniformGrid().times(sde, 500, 1e-3)', 'uniformGrid().times(sde, 100, 1e-3)'],
];

/** One ```ts block of the composing section, as it is run. */
export interface ComposingExample {
  /** Its position in the section, from 0. */
  readonly index: number;
  /** The TypeScript to run: the block as written, or with `SMALLER_SIZES` applied. */
  readonly code: string;
  /** Whether the block trains (and so runs with `SMALLER_SIZES`). */
  readonly smaller: boolean;
  /** The population it samples (`particles:` in the code run): the last number it prints. */
  readonly population: number;
  /** What the README says its last line prints (the comment after its last `console.log`), unless smaller. */
  readonly prints: string | undefined;
}

/** The ```ts blocks of the README section titled `title` (a `## ` heading). */
export function readmeCodeBlocks(readme: string, title: string): string[] {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no section '## ${title}'`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/** The composing examples of `readme` (the text of README.md), the training one made smaller. */
export function composingExamples(readme: string): ComposingExample[] {
  return readmeCodeBlocks(readme, COMPOSING_SECTION).map((block, index) => {
    const smaller = block.includes('train(');
    const code = smaller ? SMALLER_SIZES.reduce((text, [from, to]) => replaceOnce(text, from, to, index), block) : block;
    const particles = /particles: ([\d_]+)/.exec(code);
    if (particles === null) throw new Error(`README example ${index + 1} names no 'particles:'`);
    const prints = smaller ? undefined : saysItPrints(code, index);
    return { index, code, smaller, population: Number(particles[1].replaceAll('_', '')), prints };
  });
}

/** The comment after the last `console.log(...);` of `code`: what the README says it prints. */
function saysItPrints(code: string, index: number): string {
  const comment = /console\.log\(.*\);\s*\/\/ (.+)\n?$/.exec(code);
  if (comment === null) throw new Error(`README example ${index + 1} does not end with console.log(...); // what it prints`);
  return comment[1].trim();
}

function replaceOnce(text: string, from: string, to: string, index: number): string {
  const found = text.split(from).length - 1;
  if (found !== 1) throw new Error(`README example ${index + 1}: expected '${from}' once, got ${found}`);
  return text.replace(from, to);
}
