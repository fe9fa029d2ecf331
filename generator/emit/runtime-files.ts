/**
 * The client runtime, copied into every generated client. Its sources (`runtime/src/`) are plain,
 * type-checked TypeScript; the only client-specific text is the error base class, which the
 * sources call `ClientError` and every client calls `<Name>Error`.
 */
import { ERROR_BASE_CLASS, ERROR_CLASSES, RUNTIME_TYPE_NAMES } from '../../runtime/src/core/contract.js';
import type { GeneratedFile } from '../write/types.js';
import { identifierSpans, recordedSpans, spliceIdentifiers } from './runtime-spans.js';
import type { TemplateEngine } from './template-engine.js';

/**
 * Renames identifiers (never strings, comments or property keys spelled differently): every
 * Identifier token whose text is a key of `renames` becomes its value. Parsing, not a regex, so
 * `ClientErrors` or a message mentioning "ClientError" stay as they are.
 */
export function renameIdentifiers(
  source: string,
  renames: Readonly<Record<string, string>>,
  fileName = 'runtime.ts',
): string {
  return spliceIdentifiers(source, identifierSpans(source, Object.keys(renames), fileName), renames);
}

const TAKEN: ReadonlySet<string> = new Set<string>([...ERROR_CLASSES, ...RUNTIME_TYPE_NAMES]);

/** The client's error base class: `StiggError`, or `APIClientError` where `APIError` is a runtime class already. */
export function errorBaseName(clientName: string): string {
  return TAKEN.has(`${clientName}Error`) ? `${clientName}ClientError` : `${clientName}Error`;
}

/**
 * Every runtime file (built-in or overridden) as `src/<path>`, with the client's error base class name.
 * Built-in files use the identifier offsets recorded at build time; overrides are parsed.
 */
export function runtimeFiles(engine: TemplateEngine, header: string, clientName: string): GeneratedFile[] {
  const renames = { [ERROR_BASE_CLASS]: errorBaseName(clientName) };
  return engine.runtimeFiles({ clientName }).map((f) => {
    const path = `src/${f.name.slice('runtime/'.length)}`;
    const spans = f.source === 'builtin' ? recordedSpans(f.name, f.text) : undefined;
    const renamed = spans ? spliceIdentifiers(f.text, spans, renames) : renameIdentifiers(f.text, renames, path);
    return { path, content: `${header}${renamed}` };
  });
}
