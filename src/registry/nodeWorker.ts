/** Node worker-thread entry: serves chunk tasks of the registry's kernels (src/parallel/nodeWorker.ts). */
import { serveChunks } from '../parallel/nodeWorker.ts';
import { KERNELS } from './kernels.ts';

serveChunks(KERNELS);
