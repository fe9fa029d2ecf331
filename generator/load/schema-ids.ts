import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { escapeSegment } from './pointer.js';
import { isUrl } from './read-source.js';
import { forEachObject } from './walk.js';

function someObject(doc: unknown, test: (node: Record<string, unknown>) => boolean): boolean {
  let hit = false;
  forEachObject(doc, (node) => (hit = test(node)));
  return hit;
}

/** Keywords whose values are data, not schemas: an `$id` inside an example names nothing. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'enum', 'const', 'default']);

interface Visit {
  node: Record<string, unknown>;
  pointer: string;
  /** The base URI `$ref`s in this node resolve against (the nearest `$id`, else the document's). */
  base: string;
}

/** Every object of the document with its pointer and base URI, skipping example data. */
function visits(doc: unknown, documentBase: string): Visit[] {
  const out: Visit[] = [];
  const stack: Array<{ value: unknown; pointer: string; base: string }> = [
    { value: doc, pointer: '#', base: documentBase },
  ];
  while (stack.length > 0) {
    const { value, pointer, base } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, pointer: `${pointer}/${i}`, base }));
      continue;
    }
    const node = value as Record<string, unknown>;
    const id = node['$id'];
    const own = typeof id === 'string' ? withoutFragment(new URL(id, base).href) : base;
    out.push({ node, pointer, base: own });
    for (const [key, child] of Object.entries(node)) {
      if (!DATA_KEYWORDS.has(key)) stack.push({ value: child, pointer: `${pointer}/${escapeSegment(key)}`, base: own });
    }
  }
  return out;
}

const withoutFragment = (uri: string): string => uri.replace(/#.*$/, '');

/**
 * JSON Schema 2020-12 references in an OpenAPI 3.1 document: a `$ref` to a schema's `$id`
 * (absolute or relative to the enclosing `$id`), or to an `$anchor`, becomes the local JSON
 * pointer of that schema, so the rest of apiforge only sees `#/...` references.
 * `$dynamicRef` is read as a static `$ref` to its anchor, with a warning. Mutates `doc`.
 */
export function resolveSchemaIds(doc: unknown, sourceRef: string): Diagnostic[] {
  if (!someObject(doc, (node) => ['$id', '$anchor', '$dynamicRef'].some((k) => typeof node[k] === 'string'))) return [];
  const documentBase = isUrl(sourceRef) ? withoutFragment(sourceRef) : pathToFileURL(sourceRef).href;
  const all = visits(doc, documentBase);
  const resources = new Map<string, string>([[documentBase, '#']]);
  const anchors = new Map<string, string>();
  for (const { node, pointer, base } of all) {
    if (typeof node['$id'] === 'string') resources.set(base, pointer);
    for (const key of ['$anchor', '$dynamicAnchor']) {
      if (typeof node[key] === 'string') anchors.set(`${base}#${node[key] as string}`, pointer);
    }
  }
  const found: Diagnostic[] = [];
  const resolve = (ref: string, base: string): string | undefined => {
    const uri = new URL(ref, base);
    const fragment = decodeURIComponent(uri.hash.slice(1));
    const resource = resources.get(withoutFragment(uri.href));
    if (resource === undefined) return undefined;
    if (fragment === '') return resource;
    if (fragment.startsWith('/')) return `${resource}${uri.hash.slice(1)}`;
    return anchors.get(`${withoutFragment(uri.href)}#${fragment}`);
  };
  for (const { node, pointer, base } of all) {
    const ref = node['$ref'];
    // `#/components/...` written at the document level is already what the rest of apiforge reads.
    if (typeof ref === 'string' && !(ref.startsWith('#/') && base === documentBase)) {
      const target = resolve(ref, base);
      if (target !== undefined && target !== ref) node['$ref'] = target;
    }
    const dynamic = node['$dynamicRef'];
    if (typeof dynamic === 'string') {
      const target = resolve(dynamic, base);
      delete node['$dynamicRef'];
      if (target !== undefined && node['$ref'] === undefined) node['$ref'] = target;
      const read = target !== undefined && node['$ref'] === target;
      const outcome = read ? `read as a static $ref to ${target}` : 'its target is not found; ignored';
      const message = `$dynamicRef ${JSON.stringify(dynamic)} is not supported: ${outcome}`;
      found.push({ code: 'dynamic-ref', severity: 'warning', message, location: { pointer } });
    }
  }
  return found;
}

/** `$ref:` with no value, most often `$ref: #/x` unquoted, where YAML reads `#/x` as a comment. */
export function nullRefs(doc: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Pointers are only worked out when there is something to report (big specs have a million objects).
  if (!someObject(doc, (node) => '$ref' in node && typeof node['$ref'] !== 'string')) return found;
  for (const { node, pointer } of visits(doc, 'apiforge:/')) {
    if (!('$ref' in node) || typeof node['$ref'] === 'string') continue;
    const why = node['$ref'] === null ? ' (in YAML, `$ref: #/x` without quotes is a comment: write `$ref: "#/x"`)' : '';
    const message = `$ref must be a string, got ${JSON.stringify(node['$ref'])}${why}`;
    found.push({ code: 'invalid-document', severity: 'error', message, location: { pointer: `${pointer}/$ref` } });
  }
  return found;
}
