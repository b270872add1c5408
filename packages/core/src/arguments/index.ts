export { finiteArgument, integerArgument, positiveArgument } from './arguments.js';
