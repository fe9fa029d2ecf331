/**
 * Starts a full run's worker threads early: the CLI calls this when it knows a client will be generated (no
 * manifest yet, or --force) before its no-op check and the pipeline's imports, which the workers' own imports
 * then overlap. A light module: it imports neither the pipeline nor any library.
 */
import type { ResolvedClientSettings } from './config/types.js';
import { printChannel } from './emit/print-pool.js';
import { prestartSpecWorker } from './load/spec-worker.js';

/** Starts reading and checking the client's spec, and loading the printer; the pipeline picks both up. */
export function prestartWorkers(settings: ResolvedClientSettings): void {
  prestartSpecWorker(settings.input, settings.allowUnresolvedRefs === true);
  printChannel();
}
