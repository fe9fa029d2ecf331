/**
 * Config overrides: `operations[operationId].pagination` declares a style and
 * any descriptor fields (dotted paths). Declared values win; missing ones are
 * filled from what the spec shows; the result is checked against the spec.
 */
import type { PaginationOverride } from '../../config/types.js';
import type { Pagination } from '../types.js';
import type { Analysis } from './analyze.js';
import { infer } from './infer.js';
import { asArray, isBoolean, schemaAt, type SchemaResolver } from './schema-view.js';

export interface OverrideProblem {
  severity: 'error' | 'warning';
  message: string;
}

const PATH_FIELDS = ['next', 'prev', 'hasMore', 'total'] as const;
const PARAM_FIELDS = ['afterParam', 'beforeParam', 'limitParam', 'cursorParam', 'offsetParam', 'pageParam'] as const;

/** Fields each style needs, with the spec-derived default to try when the override leaves one out. */
const REQUIRED: Record<Pagination['style'], Array<(typeof PATH_FIELDS)[number] | (typeof PARAM_FIELDS)[number]>> = {
  cursor: ['next', 'afterParam'],
  'cursor-id': ['afterParam'],
  'next-token': ['next', 'cursorParam'],
  offset: ['offsetParam'],
  'page-number': ['pageParam'],
  'link-header': [],
};

function splitPath(dotted: string): string[] {
  return dotted.split('.').filter((s) => s.length > 0);
}

/** Spec-derived defaults for a declared style: what inference would fill in if it were that style. */
function defaultsFor(style: Pagination['style'], a: Analysis, resolve: SchemaResolver): Partial<Pagination> {
  const inferred = infer(a, resolve);
  if ('pagination' in inferred && inferred.pagination.style === style) return inferred.pagination;
  const p = a.params;
  const c = a.cursorObject;
  const byStyle: Record<Pagination['style'], Partial<Pagination>> = {
    cursor: {
      ...(c?.next ? { next: [...c.path, c.next] } : {}),
      ...(c?.prev ? { prev: [...c.path, c.prev] } : {}),
      ...(p.after ? { afterParam: p.after } : {}),
      ...(p.before ? { beforeParam: p.before } : {}),
    },
    'cursor-id': {
      ...(a.hasMore ? { hasMore: a.hasMore } : {}),
      ...(p.startingAfter ? { afterParam: p.startingAfter } : {}),
      ...(p.endingBefore ? { beforeParam: p.endingBefore } : {}),
    },
    'next-token': { ...(a.token ? { next: a.token } : {}), ...(p.token ? { cursorParam: p.token } : {}) },
    offset: { ...(p.offset ? { offsetParam: p.offset } : {}), ...(a.total ? { total: a.total } : {}) },
    'page-number': {
      ...(p.page ? { pageParam: p.page } : {}),
      ...(a.nextMarker ? { next: a.nextMarker } : {}),
      ...(a.total ? { total: a.total } : {}),
    },
    'link-header': {},
  };
  return { ...byStyle[style], ...(p.size ? { limitParam: p.size } : {}) };
}

/** Builds the declared pagination; problems are returned for the caller to report. Undefined when it cannot be used. */
export function applyOverride(
  ov: PaginationOverride,
  a: Analysis,
  resolve: SchemaResolver,
): { pagination?: Pagination; problems: OverrideProblem[] } {
  const problems: OverrideProblem[] = [];
  const defaults = defaultsFor(ov.style, a, resolve);

  // Items: declared path (must exist and be an array), else the detected items array.
  let items: string[];
  let array;
  if (ov.items !== undefined) {
    items = splitPath(ov.items);
    const at = items.length === 0 ? a.body : schemaAt(a.body, items, resolve);
    array = asArray(at, resolve);
    if (!at)
      problems.push({
        severity: 'error',
        message: `pagination items path "${ov.items}" does not exist in the success response`,
      });
    else if (!array)
      problems.push({
        severity: 'error',
        message: `pagination items path "${ov.items}" is not an array in the success response`,
      });
  } else if (a.items) {
    items = a.items.path;
    array = a.items.array;
  } else {
    items = [];
    problems.push({
      severity: 'error',
      message: `pagination declares style ${ov.style} but no items array was found (${a.itemsNote}); set "items"`,
    });
  }
  if (!array) return { problems };

  const out: Pagination = { style: ov.style, items, itemSchema: array.items, source: 'config' };
  for (const field of PATH_FIELDS) {
    const declared = ov[field];
    if (declared !== undefined) {
      const path = splitPath(declared);
      const at = schemaAt(a.body, path, resolve);
      if (!at)
        problems.push({
          severity: 'warning',
          message: `pagination ${field} path "${declared}" does not exist in the success response`,
        });
      else if (field === 'hasMore' && !isBoolean(at, resolve))
        problems.push({ severity: 'warning', message: `pagination hasMore path "${declared}" is not a boolean` });
      out[field] = path;
    } else if (defaults[field]) {
      out[field] = defaults[field];
    }
  }
  for (const field of PARAM_FIELDS) {
    const declared = ov[field];
    if (declared !== undefined) {
      if (!a.query.has(declared))
        problems.push({
          severity: 'warning',
          message: `pagination ${field} "${declared}" is not a query parameter of this operation`,
        });
      out[field] = declared;
    } else if (defaults[field]) {
      out[field] = defaults[field];
    }
  }
  if (out.style === 'cursor-id' && !out.hasMore && a.hasMore) out.hasMore = a.hasMore;
  const missing = REQUIRED[out.style].filter((f) => out[f] === undefined);
  if (missing.length > 0) {
    problems.push({
      severity: 'error',
      message: `pagination style ${out.style} needs ${missing.map((m) => `"${m}"`).join(', ')}, which the spec does not show; declare ${missing.length > 1 ? 'them' : 'it'}`,
    });
    return { problems };
  }
  return { pagination: out, problems };
}
