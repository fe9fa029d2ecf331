/**
 * Where the client runtime's renamed identifiers are, found with the TypeScript parser when apiforge is
 * built (`npm run build` writes `dist/runtime-spans.json`) rather than on every run: a generate splices the
 * client's names in at those offsets. Each record carries a hash of the text it was computed on, so an
 * edited runtime source (or a runtime override) is parsed as before instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_BASE_CLASS } from '../../runtime/src/core/contract.js';
import { builtinRuntimeDir, packageRoot } from '../util/package-root.js';
import { loadTsMorph } from '../util/ts-morph.js';

/** Offsets `[start, end)` of every identifier token, by identifier text. */
export type IdentifierSpans = Record<string, Array<[start: number, end: number]>>;

interface SpanRecord {
  /** sha256 of the text the spans were computed on. */
  hash: string;
  spans: IdentifierSpans;
}

/** The identifiers a generate renames in the runtime: the error base class. */
export const RENAMED_IDENTIFIERS: readonly string[] = [ERROR_BASE_CLASS];

const SPANS_FILE = 'dist/runtime-spans.json';

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Every Identifier token whose text is one of `names` (never strings, comments or property keys spelled
 * differently), by parsing: `ClientErrors` or a message mentioning "ClientError" are not identifiers named so.
 */
export function identifierSpans(source: string, names: readonly string[], fileName = 'runtime.ts'): IdentifierSpans {
  const { ts } = loadTsMorph();
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const wanted = new Set(names);
  const spans: IdentifierSpans = {};
  const visit = (node: import('ts-morph').ts.Node): void => {
    if (ts.isIdentifier(node) && wanted.has(node.text)) (spans[node.text] ??= []).push([node.getStart(sf), node.end]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return spans;
}

/** Replaces the identifiers at `spans` named in `renames` by their new names. */
export function spliceIdentifiers(
  source: string,
  spans: IdentifierSpans,
  renames: Readonly<Record<string, string>>,
): string {
  const edits = Object.keys(renames)
    .flatMap((name) => (spans[name] ?? []).map(([start, end]) => ({ start, end, text: renames[name]! })))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

let recorded: Record<string, SpanRecord> | undefined;

/** The spans the build recorded for a built-in runtime file, when they were computed on exactly `text`. */
export function recordedSpans(name: string, text: string): IdentifierSpans | undefined {
  if (recorded === undefined) {
    try {
      recorded = JSON.parse(readFileSync(path.join(packageRoot(), SPANS_FILE), 'utf8')) as Record<string, SpanRecord>;
    } catch {
      recorded = {};
    }
  }
  const record = recorded[name];
  return record && record.hash === textHash(text) ? record.spans : undefined;
}

/** The spans of every built-in runtime file (`runtime/core/error.ts` -> record), computed with the parser. */
export function computeRuntimeSpans(files: Map<string, string>): Record<string, SpanRecord> {
  const out: Record<string, SpanRecord> = {};
  for (const [name, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = readFileSync(file, 'utf8');
    out[name] = { hash: textHash(text), spans: identifierSpans(text, RENAMED_IDENTIFIERS, name) };
  }
  return out;
}

/** Build step: records the built-in runtime's spans next to the compiled generator. */
export async function writeRuntimeSpans(): Promise<string> {
  const { listRuntimeFiles } = await import('./template-engine.js');
  const target = path.join(packageRoot(), SPANS_FILE);
  writeFileSync(target, `${JSON.stringify(computeRuntimeSpans(listRuntimeFiles(builtinRuntimeDir())))}\n`);
  return target;
}
