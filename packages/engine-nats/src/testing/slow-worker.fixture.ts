// A worker process for the fault specs: serves test items ({ length, ms }) slowly, calling
// working() as it goes, and tells its parent (IPC) when it starts an item, so that the parent can
// SIGKILL it mid-item. Run: node --import tsx --conditions=development slow-worker.fixture.ts URL
import { connectEngine, serveWork } from '../engine/index.js';
import { patternBytes } from './pattern-bytes.js';

const nc = await connectEngine(process.argv[2], 'slow-worker');
await serveWork(
  nc,
  async (item, { working }) => {
    const { length, ms } = item.body as { length: number; ms: number };
    const until = Date.now() + ms;
    while (Date.now() < until) {
      working();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return patternBytes(item.key, length);
  },
  { onItem: (event) => process.send?.({ type: event.type, key: event.item.key, deliveries: event.deliveries }) },
);
