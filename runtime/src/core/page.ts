import type { Response } from './platform.js';
import type { APIResponseProps } from './api-promise.js';
import { APIPromise, defaultParseResponse } from './api-promise.js';
import type { BaseClient } from './client.js';
import { ClientError } from './error.js';
import type { FieldPath, OperationSpec, PaginationSpec } from './contract.js';
import type { RequestOptions } from './types.js';

export type {
  CursorIdPaginationSpec,
  CursorPaginationSpec,
  FieldPath,
  LinkHeaderPaginationSpec,
  NextTokenPaginationSpec,
  OffsetPaginationSpec,
  PageNumberPaginationSpec,
  PaginationSpec,
} from './contract.js';

/** A page class: what `_requestPage` instantiates for each page. */
export type PageClass = new (
  client: BaseClient,
  response: Response,
  body: unknown,
  request: PageRequest,
) => AbstractPage<unknown>;

/** Everything needed to (re)issue a page request. */
export interface PageRequest {
  spec: OperationSpec;
  pagination: PaginationSpec;
  params: Record<string, unknown>;
  options: RequestOptions;
}

/** Reads a nested field; undefined when any step is missing. */
export function getPath(body: unknown, path: FieldPath | undefined): unknown {
  let value = body;
  for (const key of path ?? []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** One page of a list; iterate it with `for await` to walk every item of every later page. */
export abstract class AbstractPage<Item> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[];
  protected readonly client: BaseClient;
  /** The raw response (body already read). */
  readonly response: Response;
  /** The parsed response body. */
  readonly body: unknown;
  protected readonly request: PageRequest;

  constructor(client: BaseClient, response: Response, body: unknown, request: PageRequest) {
    this.client = client;
    this.response = response;
    this.body = body;
    this.request = request;
    const items = getPath(body, request.pagination.items);
    this.data = Array.isArray(items) ? (items as Item[]) : [];
  }

  /** The request for the following page, or null when this is the last one. */
  protected abstract nextPageRequest(): PageRequest | null;

  getPaginatedItems(): Item[] {
    return this.data;
  }

  hasNextPage(): boolean {
    if (this.data.length === 0 || this.noMore()) return false;
    return this.nextPageRequest() !== null;
  }

  /** Fetches the next page; throws when there is none (check `hasNextPage()` first). */
  async getNextPage(): Promise<this> {
    const next = this.data.length === 0 || this.noMore() ? null : this.nextPageRequest();
    if (!next) {
      throw new ClientError('No next page expected; check hasNextPage() before calling getNextPage().');
    }
    return (await this.client._requestPage<Item>(
      next.spec,
      next.pagination,
      next.params,
      next.options,
    )) as unknown as this;
  }

  /** This page, then every following page. */
  async *iterPages(): AsyncGenerator<this, void, undefined> {
    let page: this = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and of all following pages. */
  [Symbol.asyncIterator](): AsyncIterableIterator<Item> {
    return new ItemIterator<Item>(this);
  }

  /** True when the descriptor's `hasMore` flag is present and false. */
  protected noMore(): boolean {
    const path = (this.request.pagination as { hasMore?: FieldPath }).hasMore;
    return path !== undefined && getPath(this.body, path) === false;
  }

  /** Current value of a paging param (from params, else from the query option). */
  protected param(name: string | undefined): unknown {
    if (!name) return undefined;
    return this.request.params[name] ?? this.request.options.query?.[name];
  }

  /** The original request with only the given paging params changed (undefined removes one). */
  protected withParams(changes: Readonly<Record<string, unknown>>): PageRequest {
    const params = { ...this.request.params };
    const query = this.request.options.query ? { ...this.request.options.query } : undefined;
    for (const [key, value] of Object.entries(changes)) {
      if (query) delete query[key];
      if (value === undefined) delete params[key];
      else params[key] = value;
    }
    const options: RequestOptions = { ...this.request.options };
    if (query) options.query = query;
    return { ...this.request, params, options };
  }
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Walks the items of a page and of every following page. Items of a page that has arrived are
 * handed out as already-resolved promises; only moving to the next page awaits a request.
 * Calls to `next()` made while a page is loading wait for it, in order.
 */
class ItemIterator<Item> implements AsyncIterableIterator<Item> {
  private items: readonly Item[];
  private index = 0;
  private done = false;
  private loading: Promise<unknown> | undefined;
  private page: AbstractPage<Item>;

  constructor(page: AbstractPage<Item>) {
    this.page = page;
    this.items = page.getPaginatedItems();
  }

  next(): Promise<IteratorResult<Item, undefined>> {
    if (this.loading) return this.loading.then(() => this.next());
    if (this.index < this.items.length) {
      return Promise.resolve({ done: false, value: this.items[this.index++] as Item });
    }
    if (this.done || !this.page.hasNextPage()) {
      this.done = true;
      return Promise.resolve(DONE);
    }
    const loading = this.page.getNextPage().then(
      (page) => {
        this.loading = undefined;
        this.page = page;
        this.items = page.getPaginatedItems();
        this.index = 0;
      },
      (err: unknown) => {
        this.loading = undefined;
        this.done = true;
        throw err;
      },
    );
    this.loading = loading.catch(() => undefined);
    return loading.then(() => this.next());
  }

  return(): Promise<IteratorResult<Item, undefined>> {
    this.done = true;
    this.items = [];
    return Promise.resolve(DONE);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Reads the response body and wraps it in `PageClass`. */
export async function makePage<Item>(
  client: BaseClient,
  props: APIResponseProps,
  request: PageRequest,
  PageClass: PageClass,
): Promise<AbstractPage<Item>> {
  const body = await defaultParseResponse<unknown>(client, props);
  return new PageClass(client, props.response, body, request) as AbstractPage<Item>;
}

/** Friendly name for any page. */
export type Page<Item> = AbstractPage<Item>;

/**
 * The promise returned by list methods: await it for the first page, or iterate
 * it directly with `for await` to walk every item across pages.
 */
export class PagePromise<PageT extends AbstractPage<Item>, Item>
  extends APIPromise<PageT>
  implements AsyncIterable<Item>
{
  /** Waits for the first page, then hands over to that page's iterator. */
  [Symbol.asyncIterator](): AsyncIterableIterator<Item> {
    let inner: AsyncIterator<Item, undefined> | undefined;
    let first: Promise<AsyncIterator<Item, undefined>> | undefined;
    let closed = false;
    const start = (): Promise<AsyncIterator<Item, undefined>> =>
      (first ??= this.then((page) => (inner = page[Symbol.asyncIterator]() as AsyncIterator<Item, undefined>)));
    const iterator: AsyncIterableIterator<Item> = {
      next: () => {
        if (closed) return Promise.resolve(DONE);
        return inner ? inner.next() : start().then((it) => (closed ? DONE : it.next()));
      },
      return: () => {
        closed = true;
        return inner?.return ? inner.return() : Promise.resolve(DONE);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
