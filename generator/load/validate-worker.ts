/**
 * Worker-thread entry that reads the spec and checks its structure: it reads and parses the root document
 * and hands it to the main thread (which models and emits meanwhile), then loads Redocly and runs the check
 * on its own copy, so the check costs the main thread nothing.
 *
 * A strict JSON root travels as text: the main thread parses it as soon as it arrives, which costs it less than
 * receiving the parsed tree (GitHub's 13 MB: ~40 ms of `JSON.parse`, against ~80-130 ms to take in a structured
 * clone that this thread spent ~25 ms writing), and it no longer waits for this thread's own parse.
 */
import type { Diagnostic } from '../diagnostics.js';
import { serveRequests } from '../util/worker-channel.js';
import { looksLikeJson } from './json-text.js';
import { readSource, type SourceText } from './read-source.js';
import type { ReadSpec } from './read-spec.js';
import { runValidation, type ValidationJob } from './validation-job.js';

/**
 * `text` first (the root's text when it looks like JSON), then `read`; `validate` checks what the last `read`
 * read (nothing when it failed).
 */
export type SpecRequest =
  | { kind: 'text'; input: string }
  | { kind: 'read'; input: string; allowUnresolvedRefs: boolean }
  | { kind: 'validate' };

/** What `text` replies: the root's text when it looks like JSON (the receiver then tries `JSON.parse` on it). */
export interface RootText {
  json?: string;
}

let job: Promise<ValidationJob | undefined> = Promise.resolve(undefined);
let sent: { input: string; source: Promise<SourceText>; json: boolean } | undefined;

serveRequests(async (request: SpecRequest): Promise<RootText | ReadSpec | Diagnostic[]> => {
  if (request.kind === 'text') {
    const source = readSource(request.input);
    sent = { input: request.input, source, json: false };
    const { text } = await source;
    sent.json = looksLikeJson(text);
    return sent.json ? { json: text } : {};
  }
  if (request.kind === 'read') {
    const early = sent?.input === request.input ? sent : undefined;
    // Loaded now, not with this module: the parsers it brings would delay reading the text. `job` is set before
    // anything is awaited, so a `validate` that arrives meanwhile checks this read.
    const read = import('./read-spec.js').then(({ readSpec }) =>
      readSpec(request.input, request.allowUnresolvedRefs, early?.source),
    );
    job = read.then(
      (r) => r.job,
      () => undefined,
    );
    const { read: spec, strictJson } = await read;
    // The receiver parsed the same text with the same strict parser: it holds this very document.
    return early?.json && strictJson ? { ...spec, document: undefined, parsedByReceiver: true } : spec;
  }
  const toCheck = await job;
  return toCheck ? runValidation(toCheck) : [];
});
