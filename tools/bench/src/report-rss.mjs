// Preloaded into a benchmarked process: writes its peak resident memory at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.SCOREFLOW_RSS_FILE;
  if (file) writeFileSync(file, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
});
