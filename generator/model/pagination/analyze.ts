/**
 * What an operation shows about paging, before any style is chosen: its
 * paging query parameters and the paging signals in its success response.
 */
import type { ArraySchema, Operation, Parameter, Schema } from '../types.js';
import {
  asArray,
  isBoolean,
  isNumeric,
  isStringLike,
  isUrl,
  objectProperties,
  reachableProperties,
  type SchemaResolver,
  successHeaders,
  successJsonBody,
} from './schema-view.js';

/** Query parameter names, by role. Matched exactly (wire names). */
export const PARAM_NAMES = {
  after: ['after'],
  before: ['before'],
  startingAfter: ['starting_after', 'startingAfter'],
  endingBefore: ['ending_before', 'endingBefore'],
  /** Opaque token parameters; `page` joins them when it is typed as a string (Stripe search). */
  token: [
    'cursor',
    'page_token',
    'pageToken',
    'next_token',
    'nextToken',
    'continuation_token',
    'continuationToken',
    'next_cursor',
    'nextCursor',
    'page_cursor',
    'pageCursor',
  ],
  offset: ['offset'],
  /** Page numbers; only when not typed as a string. */
  page: ['page', 'page_number', 'pageNumber'],
  size: ['limit', 'per_page', 'perPage', 'page_size', 'pageSize', 'max_results', 'maxResults'],
} as const;

/** Body fields that carry an opaque next-page token (searched at the top level and one object deep). */
export const TOKEN_FIELDS = [
  'next_cursor',
  'nextCursor',
  'next_page_token',
  'nextPageToken',
  'next_token',
  'nextToken',
  'next_page',
  'nextPage',
  'continuation_token',
  'continuationToken',
  'next_page_cursor',
  'last_id',
  'lastId',
];
export const HAS_MORE_FIELDS = ['has_more', 'hasMore', 'has_next', 'hasNext', 'has_next_page', 'hasNextPage'];
export const TOTAL_PAGES_FIELDS = ['total_pages', 'totalPages', 'page_count', 'pageCount', 'last_page', 'lastPage'];
export const TOTAL_FIELDS = [
  'total',
  'total_count',
  'totalCount',
  'count',
  'total_results',
  'totalResults',
  'total_items',
  'totalItems',
];
/** Preferred item-array names when a body has several arrays. */
const ITEM_NAMES = ['data', 'items', 'results', 'records', 'entries', 'values', 'nodes', 'elements'];

export interface FoundItems {
  path: string[];
  array: ArraySchema;
}

export interface Analysis {
  /** Query parameters that are not deprecated, by wire name. */
  query: Map<string, Parameter>;
  /** First present parameter name for each role. */
  params: { -readonly [K in keyof typeof PARAM_NAMES]?: string };
  body: Schema | undefined;
  items: FoundItems | undefined;
  /** Why no items array was found. */
  itemsNote: string;
  /** A sibling object of the items with `next` / `prev` cursors (Stigg's `pagination`). */
  cursorObject?: { path: string[]; next?: string; prev?: string };
  /** An opaque next token (string, not a URL). */
  token?: string[];
  /** A `next` marker of any string kind (URL or token), up to three objects deep: a stop marker. */
  nextMarker?: string[];
  hasMore?: string[];
  total?: string[];
  totalPages?: string[];
  linkHeader: boolean;
}

/** A parameter is ignored when it is deprecated, by flag or by a description that starts with "Deprecated". */
function isDeprecated(p: Parameter): boolean {
  return p.deprecated === true || /^\s*deprecated\b/i.test(p.description ?? '');
}

function isStringParam(p: Parameter, resolve: SchemaResolver): boolean {
  return isStringLike(p.schema, resolve) && !isNumeric(p.schema, resolve);
}

export function analyze(op: Operation, resolve: SchemaResolver): Analysis {
  const query = new Map(op.parameters.filter((p) => p.in === 'query' && !isDeprecated(p)).map((p) => [p.name, p]));
  const params: Analysis['params'] = {};
  for (const role of Object.keys(PARAM_NAMES) as Array<keyof typeof PARAM_NAMES>) {
    if (role === 'page') continue;
    const name = PARAM_NAMES[role].find((n) => query.has(n));
    if (name) params[role] = name;
  }
  // `page` is an opaque token when typed as a string (Stripe search), a page number otherwise.
  for (const name of PARAM_NAMES.page) {
    const p = query.get(name);
    if (!p) continue;
    if (isStringParam(p, resolve)) params.token ??= name;
    else params.page ??= name;
  }

  const body = successJsonBody(op);
  const found = findItems(body, resolve);
  const analysis: Analysis = {
    query,
    params,
    body,
    items: 'path' in found ? found : undefined,
    itemsNote: 'note' in found ? found.note : '',
    linkHeader: successHeaders(op).some((h) => h.toLowerCase() === 'link'),
  };
  const props = objectProperties(body, resolve);
  if (!props) return analysis;
  const itemKey = analysis.items?.path[0];
  const siblings = [...props].filter(([name]) => name !== itemKey);
  const fields = new FieldLevels(siblings, resolve);

  // Cursor object: a sibling object holding `next` and/or `prev` cursors; `pagination` first.
  const cursorCandidates = siblings
    .map(([name, schema]) => {
      const inner = objectProperties(schema, resolve);
      if (!inner) return undefined;
      const next = ['next'].find((n) => isStringLike(inner.get(n), resolve) && !isUrl(inner.get(n), resolve));
      const prev = ['prev', 'previous'].find(
        (n) => isStringLike(inner.get(n), resolve) && !isUrl(inner.get(n), resolve),
      );
      return next || prev ? { path: [name], ...(next ? { next } : {}), ...(prev ? { prev } : {}) } : undefined;
    })
    .filter((c) => c !== undefined)
    .sort((a, b) => Number(b.path[0] === 'pagination') - Number(a.path[0] === 'pagination'));
  if (cursorCandidates[0]) analysis.cursorObject = cursorCandidates[0];

  const token = findField(
    fields,
    (name, schema) => TOKEN_FIELDS.includes(name) && isStringLike(schema, resolve) && !isUrl(schema, resolve),
  );
  if (token) analysis.token = token;
  const hasMore = findField(fields, (name, schema) => HAS_MORE_FIELDS.includes(name) && isBoolean(schema, resolve), 1);
  if (hasMore) analysis.hasMore = hasMore;
  const total = findField(fields, (name, schema) => TOTAL_FIELDS.includes(name) && isNumeric(schema, resolve));
  if (total) analysis.total = total;
  const totalPages = findField(
    fields,
    (name, schema) => TOTAL_PAGES_FIELDS.includes(name) && isNumeric(schema, resolve),
  );
  if (totalPages) analysis.totalPages = totalPages;
  const next = findField(fields, (name, schema) => name === 'next' && isStringLike(schema, resolve), 3);
  if (next) analysis.nextMarker = next;
  return analysis;
}

/**
 * Finds the items array: the body itself, else `data` when it is an array,
 * else the only array property, else the only array with a conventional name.
 */
export function findItems(body: Schema | undefined, resolve: SchemaResolver): FoundItems | { note: string } {
  if (!body) return { note: 'the success response has no JSON body' };
  const direct = asArray(body, resolve);
  if (direct) return { path: [], array: direct };
  const props = objectProperties(body, resolve);
  if (!props) return { note: 'the response body is neither an object nor an array' };
  const arrays = [...props].flatMap(([name, schema]) => {
    const array = asArray(schema, resolve);
    return array ? [{ path: [name], array }] : [];
  });
  const data = arrays.find((a) => a.path[0] === 'data');
  if (data) return data;
  if (arrays.length === 1 && arrays[0]) return arrays[0];
  if (arrays.length === 0) {
    const dataObject = props.has('data') ? ' (`data` is not an array)' : '';
    return { note: `the response has no top-level items array${dataObject}` };
  }
  const named = arrays.filter((a) => ITEM_NAMES.includes(a.path[0] ?? ''));
  if (named.length === 1 && named[0]) return named[0];
  return {
    note: `the response has several arrays (${arrays.map((a) => a.path[0]).join(', ')}), so which one holds the items is unclear`,
  };
}

interface Field {
  path: string[];
  schema: Schema;
}

/**
 * The fields of a response body level by level (top-level siblings of the items first), each level built once
 * when a search first needs it: one analysis searches the same levels for five kinds of field.
 */
class FieldLevels {
  private readonly levels: Field[][];

  constructor(
    top: Array<[string, Schema]>,
    private readonly resolve: SchemaResolver,
  ) {
    this.levels = [top.map(([name, schema]) => ({ path: [name], schema }))];
  }

  /** The fields `depth` levels down (1 = the top level). */
  at(depth: number): Field[] {
    for (let d = this.levels.length; d < depth; d++) {
      const next: Field[] = [];
      for (const e of this.levels[d - 1]!) {
        const props = reachableProperties(e.schema, this.resolve);
        if (!props) continue;
        for (const [name, schema] of props) next.push({ path: [...e.path, name], schema });
      }
      this.levels.push(next);
    }
    return this.levels[depth - 1]!;
  }
}

/** Breadth-first search for a field, from the top-level properties down `maxDepth` levels; first match wins. */
function findField(
  fields: FieldLevels,
  test: (name: string, schema: Schema) => boolean,
  maxDepth = 2,
): string[] | undefined {
  for (let depth = 1; depth <= maxDepth; depth++) {
    const level = fields.at(depth);
    if (level.length === 0) return undefined;
    const hit = level.find((e) => test(e.path[e.path.length - 1] ?? '', e.schema));
    if (hit) return hit.path;
  }
  return undefined;
}

/** Paging parameter names present on the operation, for messages. */
export function pagingParamNames(a: Analysis): string[] {
  return [...new Set(Object.values(a.params))];
}

/** Paging signals seen in the response, for messages. Items alone are not a signal: every list has them. */
export function responseSignals(a: Analysis): string[] {
  const out: string[] = [];
  if (a.cursorObject)
    out.push(
      [a.cursorObject.next, a.cursorObject.prev]
        .filter(Boolean)
        .map((f) => `${a.cursorObject?.path.join('.')}.${f}`)
        .join('/'),
    );
  if (a.token) out.push(a.token.join('.'));
  if (a.hasMore) out.push(a.hasMore.join('.'));
  if (a.linkHeader) out.push('a Link header');
  return out;
}
