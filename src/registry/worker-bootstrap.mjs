// Registers the TypeScript loader in this worker thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./nodeWorker.ts');
