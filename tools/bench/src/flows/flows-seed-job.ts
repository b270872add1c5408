/**
 * A child process of the flows bench (`FLOWS_JOBS` > 1): receives `{ seed, methods, protocol }`
 * over IPC, runs `flowsSeed` and sends its `SeedOutcome` back, then exits.
 */
import type { FlowMethod, FlowProtocol } from './flow-method.js';
import { flowsSeed } from './flows-seed.js';

process.once('message', (message: { seed: number; methods: FlowMethod[]; protocol: FlowProtocol }) => {
  flowsSeed(message.seed, message.methods, message.protocol).then(
    (outcome) => process.send?.({ outcome }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
  );
});
