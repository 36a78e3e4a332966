// Registers the TypeScript loader in this worker thread, then loads the TypeScript queue-task thread.
import { register } from 'tsx/esm/api';

register();
await import('./queueThread.ts');
