/**
 * The client runtime, copied into every generated client. Its sources (`runtime/src/`) are plain,
 * type-checked TypeScript; the only client-specific text is the error base class, which the
 * sources call `ClientError` and every client calls `<Name>Error`.
 */
import { ts } from 'ts-morph';
import { ERROR_BASE_CLASS, ERROR_CLASSES, RUNTIME_TYPE_NAMES } from '../../runtime/src/core/contract.js';
import type { GeneratedFile } from '../write/types.js';
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
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const spans: Array<[start: number, end: number, text: string]> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && Object.prototype.hasOwnProperty.call(renames, node.text)) {
      spans.push([node.getStart(sf), node.end, renames[node.text]!]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = source;
  for (const [start, end, text] of spans.reverse()) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

const TAKEN: ReadonlySet<string> = new Set<string>([...ERROR_CLASSES, ...RUNTIME_TYPE_NAMES]);

/** The client's error base class: `StiggError`, or `APIClientError` where `APIError` is a runtime class already. */
export function errorBaseName(clientName: string): string {
  return TAKEN.has(`${clientName}Error`) ? `${clientName}ClientError` : `${clientName}Error`;
}

/** Every runtime file (built-in or overridden) as `src/<path>`, with the client's error base class name. */
export function runtimeFiles(engine: TemplateEngine, header: string, clientName: string): GeneratedFile[] {
  const renames = { [ERROR_BASE_CLASS]: errorBaseName(clientName) };
  return engine.runtimeFiles({ clientName }).map((f) => {
    const path = `src/${f.name.slice('runtime/'.length)}`;
    return { path, content: `${header}${renameIdentifiers(f.text, renames, path)}` };
  });
}
