import { platform } from './platform.js';
import type { APIResponseProps } from './api-promise.js';
import type { BaseClient } from './client.js';
import { ClientError } from './error.js';
import type {
  CursorIdPaginationSpec,
  CursorPaginationSpec,
  NextTokenPaginationSpec,
  OffsetPaginationSpec,
  PageClass,
  PageNumberPaginationSpec,
  PageRequest,
} from './page.js';
import { AbstractPage, getPath, makePage } from './page.js';
import type { PaginationStyle } from './contract.js';

export * from './page.js';

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function changes(entries: ReadonlyArray<readonly [string | undefined, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) if (key) out[key] = value;
  return out;
}

/** The pagination object of a cursor page's response, as the server sent it. */
export interface CursorPaginationObject {
  next?: string | null;
  prev?: string | null;
  [key: string]: unknown;
}

/** Cursor in a nested object (Stigg). Pages backward when the first request used `before`. */
export class CursorPage<Item> extends AbstractPage<Item> {
  /**
   * The response's raw pagination object: the object that holds the `next` cursor
   * (`{ next, prev }` for `next: ['pagination', 'next']`); undefined when the cursor is top-level.
   */
  get pagination(): CursorPaginationObject | undefined {
    const { next } = this.request.pagination as CursorPaginationSpec;
    const value = next.length > 1 ? getPath(this.body, next.slice(0, -1)) : undefined;
    return value !== null && typeof value === 'object' ? (value as CursorPaginationObject) : undefined;
  }

  protected nextPageRequest(): PageRequest | null {
    const p = this.request.pagination as CursorPaginationSpec;
    const backward = present(this.param(p.beforeParam)) && !present(this.param(p.afterParam));
    if (backward) {
      const prev = getPath(this.body, p.prev);
      if (!p.prev || !present(prev)) return null;
      return this.withParams(
        changes([
          [p.beforeParam, prev],
          [p.afterParam, undefined],
        ]),
      );
    }
    const next = getPath(this.body, p.next);
    if (!present(next)) return null;
    return this.withParams(
      changes([
        [p.afterParam, next],
        [p.beforeParam, undefined],
      ]),
    );
  }
}

/** `has_more` plus the first/last item id as cursor (Stripe). Pages backward when `ending_before` was used. */
export class CursorIdPage<Item> extends AbstractPage<Item> {
  protected nextPageRequest(): PageRequest | null {
    const p = this.request.pagination as CursorIdPaginationSpec;
    if (getPath(this.body, p.hasMore ?? ['has_more']) === false) return null;
    const idField = p.idField ?? 'id';
    const backward = present(this.param(p.beforeParam)) && !present(this.param(p.afterParam));
    const edge = backward ? this.data[0] : this.data[this.data.length - 1];
    const id = getPath(edge, [idField]);
    if (!present(id)) return null;
    return backward
      ? this.withParams(
          changes([
            [p.beforeParam, id],
            [p.afterParam, undefined],
          ]),
        )
      : this.withParams(
          changes([
            [p.afterParam, id],
            [p.beforeParam, undefined],
          ]),
        );
  }
}

/** An opaque next-page token in the body; stops on an empty or missing token. */
export class NextTokenPage<Item> extends AbstractPage<Item> {
  protected nextPageRequest(): PageRequest | null {
    const p = this.request.pagination as NextTokenPaginationSpec;
    const token = getPath(this.body, p.next);
    if (!present(token)) return null;
    return this.withParams({ [p.param]: token });
  }
}

/** `offset` / `limit`; stops on a short page, or once the total is reached. */
export class OffsetPage<Item> extends AbstractPage<Item> {
  protected nextPageRequest(): PageRequest | null {
    const p = this.request.pagination as OffsetPaginationSpec;
    const offset = Number(this.param(p.offsetParam) ?? 0) || 0;
    const limit = Number(this.param(p.limitParam));
    if (limit > 0 && this.data.length < limit) return null;
    const nextOffset = offset + this.data.length;
    const total = getPath(this.body, p.total);
    if (p.total && typeof total === 'number' && nextOffset >= total) return null;
    return this.withParams({ [p.offsetParam]: nextOffset });
  }
}

/** `page` / `per_page`; stops once the "next" marker is gone or the last page is reached. */
export class PageNumberPage<Item> extends AbstractPage<Item> {
  protected nextPageRequest(): PageRequest | null {
    const p = this.request.pagination as PageNumberPaginationSpec;
    const current = Number(this.param(p.pageParam) ?? p.firstPage ?? 1) || (p.firstPage ?? 1);
    if (p.next && !present(getPath(this.body, p.next))) return null;
    const totalPages = getPath(this.body, p.totalPages);
    if (p.totalPages && typeof totalPages === 'number' && current >= totalPages) return null;
    const total = getPath(this.body, p.total);
    const perPage = Number(this.param(p.perPageParam));
    if (p.total && typeof total === 'number' && perPage > 0 && (current - (p.firstPage ?? 1) + 1) * perPage >= total)
      return null;
    return this.withParams({ [p.pageParam]: current + 1 });
  }
}

/** The `rel="next"` URL of a `Link` header, or undefined. */
export function parseLinkHeader(header: string | null, rel = 'next'): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part.trim());
    if (!match) continue;
    const rels =
      /;\s*rel\s*=\s*"?([^";]+)"?/i
        .exec(match[2] ?? '')?.[1]
        ?.toLowerCase()
        .split(/\s+/) ?? [];
    if (rels.includes(rel)) return match[1];
  }
  return undefined;
}

/** Follows `Link: <url>; rel="next"` as-is, only to the API's own host (GitHub). */
export class LinkHeaderPage<Item> extends AbstractPage<Item> {
  protected nextPageRequest(): PageRequest | null {
    const link = parseLinkHeader(this.response.headers.get('link'));
    if (!link) return null;
    const url = new platform.URL(link, this.response.url || this.client.baseURL);
    const { pathParams: _pathParams, query: _query, ...spec } = this.request.spec;
    const { query: _q, path: _p, ...options } = this.request.options;
    return { ...this.request, spec: { ...spec, path: url.toString() }, options };
  }

  override async getNextPage(): Promise<this> {
    const next = this.data.length === 0 || this.noMore() ? null : this.nextPageRequest();
    if (next) {
      const target = new platform.URL(next.spec.path).origin;
      const allowed = [this.response.url, this.client.baseURL].filter(Boolean).map((u) => new platform.URL(u).origin);
      if (!allowed.includes(target)) {
        throw new ClientError(`Refusing to follow a Link header to another host (${target}).`);
      }
    }
    return super.getNextPage();
  }
}

/** One class per contract style; a test checks each is the class `PAGE_CLASSES` names. */
const pageClasses: Record<PaginationStyle, PageClass> = {
  cursor: CursorPage,
  'cursor-id': CursorIdPage,
  'next-token': NextTokenPage,
  offset: OffsetPage,
  'page-number': PageNumberPage,
  'link-header': LinkHeaderPage,
};

/** The page class of `request.pagination`: its `page`, else the class of its `style`. */
export function pageClassOf(request: PageRequest): PageClass {
  const PageClass: PageClass | undefined =
    request.pagination.page ?? (pageClasses as Partial<Record<string, PageClass>>)[request.pagination.style];
  if (!PageClass) throw new ClientError(`Unknown pagination style: ${String(request.pagination.style)}`);
  return PageClass;
}

/** Reads the response body and wraps it in the page class of `request.pagination`. */
export function createPage<Item>(
  client: BaseClient,
  props: APIResponseProps,
  request: PageRequest,
): Promise<AbstractPage<Item>> {
  return makePage<Item>(client, props, request, pageClassOf(request));
}
