// The PDF renderer's thread starts here. A worker thread does not inherit the TypeScript
// loader of the thread that made it (neither `node --import tsx` nor vitest's), so it
// registers tsx itself before loading the renderer from its TypeScript source.
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
