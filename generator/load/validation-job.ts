/**
 * The structural check of a spec split in three, so that its expensive middle (Redocly's lint, and loading
 * Redocly) can run in a worker thread while the main thread models and emits:
 * {@link validationJob} on the main thread (it fixes the document the model reads too),
 * {@link runValidation} anywhere, {@link applyValidation} where the run is decided.
 */
import { ApiforgeError, type Diagnostic, type DiagnosticBag } from '../diagnostics.js';
import { nullRefs, resolveSchemaIds } from './schema-ids.js';
import type { SpecVersion } from './version.js';

/** Everything the check reads; plain data, so it can be posted to a worker. */
export interface ValidationJob {
  /** Absolute path or URL of the root document. */
  ref: string;
  text: string;
  /** The parsed root as the validator sees it (a 3.2 document as 3.1). */
  parsed: unknown;
  family: SpecVersion;
  /** Problems the loader found itself, by pointer (located in the text by {@link runValidation}). */
  own: Diagnostic[];
  allowUnresolvedRefs: boolean;
}

/**
 * Prepares the check. Mutates `parsed` as the rest of apiforge needs it: 2020-12 `$id`/`$anchor`
 * references become local pointers (and `$ref`s with no value are found) before anything reads it.
 */
export function validationJob(
  source: { ref: string; text: string },
  parsed: unknown,
  family: SpecVersion,
  allowUnresolvedRefs: boolean,
): ValidationJob {
  const own = [...nullRefs(parsed), ...localizeSchemaIds(parsed, family, source.ref)];
  // Redocly knows 3.0 and 3.1; a 3.2 document is checked as 3.1 and its new fields are named by the loader.
  const checked = family === '3.2' ? { ...(parsed as Record<string, unknown>), openapi: '3.1.0' } : parsed;
  return { ref: source.ref, text: source.text, parsed: checked, family, own, allowUnresolvedRefs };
}

/**
 * The one change every parsed copy of a root gets, the worker's and the main thread's alike (see spec-worker.ts):
 * in 3.1 and 3.2, 2020-12 `$id`/`$anchor` references become local pointers. Returns what it could not resolve.
 */
export function localizeSchemaIds(parsed: unknown, family: SpecVersion, ref: string): Diagnostic[] {
  return family === '3.1' || family === '3.2' ? resolveSchemaIds(parsed, ref) : [];
}

/** Structure and `$ref`s: every problem found, errors and warnings, in report order. */
export async function runValidation(job: ValidationJob): Promise<Diagnostic[]> {
  // Imported here: the thread that only applies the result never loads the validator (or js-yaml).
  const { locateInRoot, validateDocument } = await import('./validate.js');
  const found = [
    ...(await locateInRoot(job.ref, job.text, job.own)),
    ...(await validateDocument({
      ref: job.ref,
      text: job.text,
      parsed: job.parsed,
      allowUnresolvedRefs: job.allowUnresolvedRefs,
    })),
  ];
  return job.family === '3.2' ? found.filter((d) => d.code !== 'unknown-field') : found;
}

/** Every error at once (nothing is generated), else the warnings into the bag. */
export function applyValidation(found: Diagnostic[], bag: DiagnosticBag): void {
  const errors = found.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw ApiforgeError.fromDiagnostics(errors);
  for (const d of found) bag.add(d);
}
