/** The first step of loading, which a worker thread can do: read, parse, detect the version. */
import { DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import { hasExternalRefs } from './external-refs.js';
import { parseText } from './parse.js';
import { readSource, type SourceText } from './read-source.js';
import { validationJob, type ValidationJob } from './validation-job.js';
import { detectVersion, type SpecVersion } from './version.js';

/** A spec read and parsed, its version known: what a worker hands back. */
export interface ReadSpec {
  source: {
    ref: string;
    display: string;
    /** The root's text, only when it has external `$ref`s (the bundler reads it; no one else does). */
    text?: string;
  };
  /**
   * The parsed root, fixed as the rest of apiforge reads it (see {@link validationJob}). A worker leaves it out
   * (undefined, with `parsedByReceiver`) when the receiver parses the strict JSON text itself.
   */
  document: unknown;
  /** The receiver parsed the root from its strict JSON text, and fixes it with `localizeSchemaIds`. */
  parsedByReceiver?: true;
  declared: { family: SpecVersion; raw: string };
  /** Warnings found while reading (a version written as a YAML number). */
  warnings: Diagnostic[];
}

/** Reads and parses the root document, detects its version and prepares its structural check. */
export async function readSpec(
  input: string,
  allowUnresolvedRefs: boolean,
  source: Promise<SourceText> = readSource(input),
): Promise<{ read: ReadSpec; job: ValidationJob; strictJson: boolean }> {
  const bag = new DiagnosticBag();
  const { ref, display, text } = await source;
  const { value: document, strictJson } = parseText(text, display);
  const declared = detectVersion(document, text, display, bag);
  const job = validationJob({ ref, text }, document, declared.family, allowUnresolvedRefs);
  const root = hasExternalRefs(document) ? { ref, display, text } : { ref, display };
  return { read: { source: root, document, declared, warnings: bag.list() }, job, strictJson };
}
