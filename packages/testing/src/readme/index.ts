export { COMPOSING_SECTION, type ComposingExample, SMALLER_SIZES, composingExamples, readmeCodeBlocks } from './composing-examples.js';
export { describeComposingExamples } from './describe-composing-examples.js';
