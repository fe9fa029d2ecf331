/** Worker-thread entry of {@link WorkerPrinter}: loads ts-morph as soon as it starts, then prints skeletons. */
import { loadTsMorph } from '../util/ts-morph.js';
import { serveRequests } from '../util/worker-channel.js';
import { printSkeleton, type FileSkeleton } from './ts-printer.js';

// Loading ts-morph (and the TypeScript compiler it bundles) is most of this worker's cost: do it before the
// first request arrives, while the main thread is still loading the spec.
loadTsMorph();
serveRequests((skeletons: FileSkeleton[]) => skeletons.map(printSkeleton));
