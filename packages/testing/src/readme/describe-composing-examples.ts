import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMPOSING_SECTION, type ComposingExample, composingExamples } from './composing-examples.js';

/**
 * Declares one test per composing example of `readme` (the text of README.md): `run` runs its
 * code and resolves to what it printed; the last line printed must end with the whole population
 * of its last snapshot and, for an example run as written, be what the README says it prints.
 * `how` names the way it is run in the suite's title (e.g. 'tsx over the sources').
 */
export function describeComposingExamples(readme: string, how: string, run: (example: ComposingExample) => Promise<string>, timeout = 180_000): void {
  describe(`README: ${COMPOSING_SECTION}, ${how}`, () => {
    const examples = composingExamples(readme);

    it('has TypeScript examples', () => expect(examples.length).toBeGreaterThan(0));

    for (const example of examples) {
      it(`example ${example.index + 1} runs ${example.smaller ? 'with smaller sizes' : 'as written'} and prints the whole population of its last snapshot`, async () => {
        // Colour codes are dropped: a child that inherits FORCE_COLOR (as under CI) colours the numbers it logs.
        const stdout = stripVTControlCharacters(await run(example));
        const printed = stdout.trim().split('\n').at(-1) ?? '';
        expect(Number(printed.split(' ').at(-1)), `the last number printed; stdout:\n${stdout}`).toBe(example.population);
        if (example.prints !== undefined) expect(printed).toBe(example.prints);
      }, timeout);
    }
  });
}
