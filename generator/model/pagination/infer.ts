/**
 * Inference: picks a pagination style only when the request side (query
 * parameters) and the response side (items plus the style's continuation
 * signal) both match. Anything half-matched is reported, not guessed.
 */
import type { Pagination } from '../types.js';
import { type Analysis, pagingParamNames, responseSignals } from './analyze.js';
import { alwaysHasProperty, type SchemaResolver } from './schema-view.js';

export type Inference = { pagination: Pagination } | { ambiguous: string } | { none: true };

type Draft = Omit<Pagination, 'itemSchema' | 'source'>;

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function infer(a: Analysis, resolve: SchemaResolver): Inference {
  const reasons: string[] = [];
  const draft =
    cursorId(a, resolve, reasons) ??
    cursor(a, reasons) ??
    nextToken(a, reasons) ??
    linkHeader(a, reasons) ??
    offset(a, reasons) ??
    pageNumber(a, reasons);
  if (draft && a.items) return { pagination: { ...draft, itemSchema: a.items.array.items, source: 'inferred' } };

  const params = pagingParamNames(a);
  const signals = responseSignals(a);
  if (params.length === 0 && signals.length === 0) return { none: true };
  // A response signal without any paging parameter only matters on a list (Link headers also sit on single-object GETs).
  if (params.length === 0 && !a.items) return { none: true };
  if (reasons.length === 0) {
    if (params.length === 0) reasons.push('no paging query parameter (cursor, token, offset or page) goes with it');
    else if (!a.items) reasons.push(a.itemsNote);
    else
      reasons.push(
        `${params.join(', ')} alone does not say how to reach the next page (no cursor, token, offset or page parameter)`,
      );
  }
  const seen = [
    params.length ? `query ${params.join(', ')}` : '',
    signals.length ? `response ${signals.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { ambiguous: `not paginated: saw ${seen}, but ${[...new Set(reasons)].join('; ')}` };
}

/** Stripe: `starting_after` / `ending_before`, `has_more`, items with an `id`. */
function cursorId(a: Analysis, resolve: SchemaResolver, reasons: string[]): Draft | undefined {
  const { startingAfter, endingBefore } = a.params;
  if (!startingAfter && !endingBefore) return undefined;
  if (!startingAfter) return void reasons.push(`${endingBefore} without a forward cursor parameter`);
  if (!a.items || a.items.path.length === 0)
    return void reasons.push(a.items ? 'the body is a bare array with no has_more flag' : a.itemsNote);
  if (!a.hasMore) return void reasons.push('the response has no has_more flag');
  if (!alwaysHasProperty(a.items.array.items, 'id', resolve))
    return void reasons.push('the items have no `id` to continue from');
  return withOptional(
    { style: 'cursor-id' as const, items: a.items.path, hasMore: a.hasMore, afterParam: startingAfter },
    { beforeParam: endingBefore, limitParam: a.params.size },
  );
}

/**
 * Stigg: `after` and `before`, and a sibling object with `next` and `prev`.
 * Both directions are required: a forward-only `after` + `next` pair is
 * reported as ambiguous (declare it in config to page it).
 */
function cursor(a: Analysis, reasons: string[]): Draft | undefined {
  const { after, before } = a.params;
  if (!after && !before) return undefined;
  if (!a.items) return void reasons.push(a.itemsNote);
  if (a.items.path.length === 0)
    return void reasons.push(
      'the body is a bare array, so there is no cursor to continue from (the next cursor would have to be derived from the items)',
    );
  const c = a.cursorObject;
  if (!c?.next && !c?.prev) return void reasons.push('the response has no object with next/prev cursors');
  if (!after || !before || !c.next || !c.prev) {
    const seen = [after, before].filter(Boolean).join('/');
    return void reasons.push(
      `only one direction is declared (${seen} with ${c.path.join('.')}.${c.next ?? c.prev}); a forward-only cursor is not inferred`,
    );
  }
  return withOptional(
    {
      style: 'cursor' as const,
      items: a.items.path,
      next: [...c.path, c.next],
      prev: [...c.path, c.prev],
      afterParam: after,
    },
    { beforeParam: before, limitParam: a.params.size },
  );
}

/** An opaque token in the body (`next_cursor`, `next_page_token`, `response_metadata.next_cursor`...) sent back as a token parameter. */
function nextToken(a: Analysis, reasons: string[]): Draft | undefined {
  // `after` carries a body token too when there is no next/prev cursor object (`after` = `last_id`, OpenAI style).
  const param = a.params.token ?? (a.params.after && a.token && !a.cursorObject ? a.params.after : undefined);
  if (!param) return undefined;
  if (a.token && a.items && a.items.path.length > 0) {
    return withOptional(
      { style: 'next-token' as const, items: a.items.path, next: a.token, cursorParam: param },
      { limitParam: a.params.size, hasMore: a.hasMore },
    );
  }
  if (a.linkHeader) return undefined; // the Link header carries the token: link-header style
  if (!a.items) reasons.push(a.itemsNote);
  else reasons.push(`the response carries no next token for ${param} and declares no Link header`);
  return undefined;
}

/** A declared `Link` response header plus any paging parameter: follow `rel="next"` (GitHub). */
function linkHeader(a: Analysis, reasons: string[]): Draft | undefined {
  if (!a.linkHeader) return undefined;
  const params = pagingParamNames(a);
  if (params.length === 0) return undefined;
  if (!a.items) return void reasons.push(a.itemsNote);
  return withOptional(
    { style: 'link-header' as const, items: a.items.path },
    {
      pageParam: a.params.page,
      limitParam: a.params.size,
      cursorParam: a.params.token,
      afterParam: a.params.after,
      beforeParam: a.params.before,
      offsetParam: a.params.offset,
    },
  );
}

/** `offset` + a size parameter; optional total. */
function offset(a: Analysis, reasons: string[]): Draft | undefined {
  const { offset: off, size } = a.params;
  if (!off) return undefined;
  if (!size) return void reasons.push(`${off} without a size parameter (limit)`);
  if (!a.items) return void reasons.push(a.itemsNote);
  return withOptional(
    { style: 'offset' as const, items: a.items.path, offsetParam: off, limitParam: size },
    { total: a.total, hasMore: a.hasMore },
  );
}

/** A numeric `page` + a size parameter; optional `next` stop marker (`links.pages.next`) and total. */
function pageNumber(a: Analysis, reasons: string[]): Draft | undefined {
  const { page, size } = a.params;
  if (!page) return undefined;
  if (!size) return void reasons.push(`${page} without a page-size parameter (per_page, page_size, limit)`);
  if (!a.items) return void reasons.push(a.itemsNote);
  return withOptional(
    { style: 'page-number' as const, items: a.items.path, pageParam: page, limitParam: size },
    { next: a.nextMarker, total: a.total, totalPages: a.totalPages },
  );
}
