/**
 * Worker-thread entry that reads the spec and checks its structure: it reads and parses the root document
 * and hands it to the main thread (which models and emits meanwhile), then loads Redocly and runs the check
 * on its own copy, so the document is parsed once and the check costs the main thread nothing.
 */
import type { Diagnostic } from '../diagnostics.js';
import { serveRequests } from '../util/worker-channel.js';
import { readSpec, type ReadSpec } from './read-spec.js';
import { runValidation, type ValidationJob } from './validation-job.js';

/** `read` first; `validate` checks what the last `read` read (nothing when it failed). */
export type SpecRequest = { kind: 'read'; input: string; allowUnresolvedRefs: boolean } | { kind: 'validate' };

let job: Promise<ValidationJob | undefined> = Promise.resolve(undefined);

serveRequests(async (request: SpecRequest): Promise<ReadSpec | Diagnostic[]> => {
  if (request.kind === 'read') {
    const read = readSpec(request.input, request.allowUnresolvedRefs);
    job = read.then(
      (r) => r.job,
      () => undefined,
    );
    return (await read).read;
  }
  const toCheck = await job;
  return toCheck ? runValidation(toCheck) : [];
});
