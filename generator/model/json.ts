import type { SpecVersion } from '../load/version.js';
import type { JsonValue, SchemaDocs } from './types.js';

export type Json = JsonValue;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Resolves a local JSON pointer (`#/a/b~1c`) against a document. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1).split('/').slice(1);
  let cur: unknown = doc;
  for (const raw of path) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isRecord(cur)) cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Follows local `$ref`s (`#/…`) to the node they name, at most 20 hops (a cycle stops there). */
export function deref(node: unknown, doc: Record<string, unknown>, depth = 0): unknown {
  if (depth < 20 && isRecord(node) && typeof node['$ref'] === 'string' && node['$ref'].startsWith('#')) {
    return deref(resolvePointer(doc, node['$ref']), doc, depth + 1);
  }
  return node;
}

/** Escapes one JSON pointer segment. */
export function pointerSegment(s: string): string {
  // Nearly every segment (a property name) has neither character: skip both replacements.
  if (!s.includes('~') && !s.includes('/')) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Documentation keywords, unified across versions (`example` vs `examples`). */
export function docsOf(raw: Record<string, unknown>, version: SpecVersion): SchemaDocs {
  const docs: SchemaDocs = {};
  if (typeof raw['title'] === 'string') docs.title = raw['title'];
  if (typeof raw['description'] === 'string') docs.description = raw['description'];
  if (raw['default'] !== undefined) docs.default = raw['default'] as Json;
  if (raw['example'] !== undefined) docs.example = raw['example'] as Json;
  else if (version !== '3.0' && Array.isArray(raw['examples']) && raw['examples'].length > 0)
    docs.example = raw['examples'][0] as Json;
  if (typeof raw['format'] === 'string') docs.format = raw['format'];
  if (raw['deprecated'] === true) docs.deprecated = true;
  return docs;
}
