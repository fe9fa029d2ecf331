/**
 * The spec read and checked in a worker thread (validate-worker.ts), for the pipeline: the parsed document
 * comes back as soon as it is read; the structural check's result is joined before the run's result exists,
 * and its errors win over anything that failed meanwhile, as if the check had run first.
 */
import { DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import type { ApiModel } from '../model/types.js';
import { workerChannel } from '../util/worker-channel.js';
import type { ReadSpec } from './load-spec.js';
import { strictJson } from './json-text.js';
import type { RootText, SpecRequest } from './validate-worker.js';
import { applyValidation, localizeSchemaIds } from './validation-job.js';

const WORKER_URL = new URL('./validate-worker.js', import.meta.url);

export interface SpecWorker {
  /** The root document, read and parsed (for `loadSpec`'s `read` option). */
  read: Promise<ReadSpec>;
  /** Adds the check's warnings to the model's, as if the loader had reported them; throws on its errors. */
  join(model: ApiModel): Promise<void>;
  /** When the run failed after reading: throws the check's errors, if it found any. */
  throwIfInvalid(): Promise<void>;
  /** Stops the worker: the run ended before it needed the check (nothing keeps the process waiting for it). */
  stop(): void;
}

/** Started ahead of their run (see {@link prestartSpecWorker}), by input. */
const early = new Map<string, SpecWorker>();

/**
 * Starts reading and checking `input` before the run asks for it (the CLI does, as soon as it knows a full run
 * is coming); {@link startSpecWorker} then takes it over.
 */
export function prestartSpecWorker(input: string, allowUnresolvedRefs: boolean): void {
  const key = `${allowUnresolvedRefs}:${input}`;
  if (early.has(key)) return;
  const started = newSpecWorker(input, allowUnresolvedRefs);
  if (started) early.set(key, started);
}

/** Starts reading and checking `input` in the worker, or returns undefined where there is none (sources). */
export function startSpecWorker(input: string, allowUnresolvedRefs: boolean): SpecWorker | undefined {
  const key = `${allowUnresolvedRefs}:${input}`;
  const started = early.get(key);
  early.delete(key);
  return started ?? newSpecWorker(input, allowUnresolvedRefs);
}

function newSpecWorker(input: string, allowUnresolvedRefs: boolean): SpecWorker | undefined {
  const channel = workerChannel<SpecRequest, ReadSpec | Diagnostic[]>(WORKER_URL);
  if (!channel) return undefined;
  const text = channel.request({ kind: 'text', input }) as Promise<RootText>;
  // Parsed the moment it arrives: the worker's own parse, and a clone of its tree, are then off this thread's path.
  const parsedHere = text.then((t) => (t.json !== undefined ? strictJson(t.json) : undefined));
  const replied = channel.request({ kind: 'read', input, allowUnresolvedRefs }) as Promise<ReadSpec>;
  const read = Promise.all([replied, parsedHere]).then(([spec, here]) => withDocument(spec, here));
  const validation = channel.request({ kind: 'validate' }) as Promise<Diagnostic[]>;
  // All are awaited later; until then a failure must not count as unhandled.
  for (const pending of [parsedHere, read, validation]) pending.catch(() => undefined);
  return {
    read,
    async join(model) {
      const bag = new DiagnosticBag();
      applyValidation(await validation, bag);
      for (const w of model.warnings) bag.add(w);
      model.warnings = bag.list();
    },
    async throwIfInvalid() {
      const found = await validation.catch(() => undefined);
      if (found) applyValidation(found, new DiagnosticBag());
    },
    stop: () => channel.close(),
  };
}

/** The worker's reply with the document this thread parsed from the same text, fixed as the worker fixed its own. */
function withDocument(spec: ReadSpec, here: { value: unknown } | undefined): ReadSpec {
  if (!spec.parsedByReceiver) return spec;
  // Unreachable: the worker leaves the document out only when strict JSON parsed it, and so did this thread.
  if (!here) throw new Error('the spec worker left the document out, but this thread could not parse it');
  localizeSchemaIds(here.value, spec.declared.family, spec.source.ref);
  const { parsedByReceiver: _, ...rest } = spec;
  return { ...rest, document: here.value };
}
