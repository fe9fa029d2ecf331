import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mod from './fixtures/acme-client.js';
import { Acme } from './fixtures/acme-client.js';
import type { OperationSpec, PaginationSpec } from '../../runtime/src/core/contract.js';
import { json, startServer, type Recorded, type TestServer } from './helpers/server.js';


interface Item {
  id: string;
  n: number;
}
const ALL: Item[] = Array.from({ length: 7 }, (_, i) => ({ id: `i${i + 1}`, n: i + 1 }));
const ids = (items: ReadonlyArray<{ id: string }>) => items.map((i) => i.id);
const indexOf = (id: string | null) => ALL.findIndex((i) => i.id === id);

/** Real-shaped list endpoints, one per pagination style. */
function route(req: Recorded, res: ServerResponse, base: string): void {
  const q = req.query;
  const limit = Number(q.get('limit') ?? q.get('per_page') ?? 3);
  const count = Number(q.get('count') ?? ALL.length);
  const all = ALL.slice(0, count);
  switch (req.path) {
    case '/api/v1/customers': {
      // Stigg: { data, pagination: { next, prev } }
      const before = q.get('before');
      const after = q.get('after');
      let start = 0;
      if (after) start = indexOf(after) + 1;
      if (before) start = Math.max(0, indexOf(before) - limit);
      const end = before ? indexOf(before) : start + limit;
      const data = all.slice(start, end);
      const next = end < all.length && data.length ? data[data.length - 1]!.id : null;
      const prev = start > 0 && data.length ? data[0]!.id : null;
      return json(res, 200, { data, pagination: { next, prev } });
    }
    case '/v1/customers': {
      // Stripe: { object: 'list', data, has_more }
      const after = q.get('starting_after');
      const before = q.get('ending_before');
      let start = after ? indexOf(after) + 1 : 0;
      if (before) start = Math.max(0, indexOf(before) - limit);
      const end = before ? indexOf(before) : Math.min(all.length, start + limit);
      const data = all.slice(start, end);
      const hasMore = before ? start > 0 : end < all.length;
      return json(res, 200, { object: 'list', url: '/v1/customers', data, has_more: hasMore });
    }
    case '/api/conversations.list': {
      // Slack: { ok, channels, response_metadata: { next_cursor } } ('' on the last page)
      const start = q.get('cursor') ? Number(atob(q.get('cursor')!)) : 0;
      const channels = all.slice(start, start + limit);
      const next = start + limit < all.length ? btoa(String(start + limit)) : '';
      return json(res, 200, { ok: true, channels, response_metadata: { next_cursor: next } });
    }
    case '/v1/things': {
      // Google: { things, nextPageToken } (absent on the last page)
      const start = Number(q.get('pageToken') ?? 0);
      const body: Record<string, unknown> = { things: all.slice(start, start + limit) };
      if (start + limit < all.length) body['nextPageToken'] = String(start + limit);
      return json(res, 200, body);
    }
    case '/offset': {
      const offset = Number(q.get('offset') ?? 0);
      const body: Record<string, unknown> = { results: all.slice(offset, offset + limit) };
      if (q.get('withTotal')) body['total'] = all.length;
      return json(res, 200, body);
    }
    case '/v2/droplets': {
      // DigitalOcean: { droplets, links: { pages: { next? } }, meta: { total } }
      const page = Number(q.get('page') ?? 1);
      const droplets = all.slice((page - 1) * limit, page * limit);
      const pages: Record<string, string> = {};
      if (page * limit < all.length) pages['next'] = `${base}/v2/droplets?page=${page + 1}&per_page=${limit}`;
      return json(res, 200, { droplets, links: { pages }, meta: { total: all.length } });
    }
    case '/paged': {
      const page = Number(q.get('page') ?? 1);
      const body: Record<string, unknown> = { items: all.slice((page - 1) * limit, page * limit) };
      if (q.get('withTotal')) body['total_pages'] = Math.ceil(all.length / limit);
      return json(res, 200, body);
    }
    case '/repos/o/r/issues': {
      // GitHub: array body + Link header
      const page = Number(q.get('page') ?? 1);
      const data = all.slice((page - 1) * limit, page * limit);
      const links: string[] = [];
      const self = new URLSearchParams(q);
      const host = q.get('evil') ? 'http://evil.example' : base;
      if (page * limit < all.length) {
        self.set('page', String(page + 1));
        links.push(`<${host}/repos/o/r/issues?${self}>; rel="next"`);
      }
      self.set('page', String(Math.ceil(all.length / limit)));
      links.push(`<${base}/repos/o/r/issues?${self}>; rel="last"`);
      return json(res, 200, data, { link: links.join(', ') });
    }
  }
  json(res, 404, { message: 'no route' });
}

let server: TestServer;
beforeAll(async () => {
  let base = '';
  server = await startServer((req, res) => route(req, res, base));
  base = server.url;
});
afterAll(() => server.close());

const client = () => new Acme({ apiKey: 'k', baseURL: server.url });
const since = () => {
  const start = server.requests.length;
  return () => server.requests.slice(start);
};
async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

const get = (path: string, query: string[], extra: Partial<OperationSpec> = {}): OperationSpec => ({
  method: 'get',
  path,
  query: Object.fromEntries(query.map((q) => [q, {}])),
  ...extra,
});

describe('cursor (Stigg)', () => {
  it('iterates every item across pages without awaiting, keeping filters and limit', async () => {
    const reqs = since();
    const items = await collect(client().v1.customers.list({ limit: 3, email: 'a@b.c' }));
    expect(ids(items)).toEqual(ids(ALL));
    expect(reqs().map((r) => r.url)).toEqual([
      '/api/v1/customers?limit=3&email=a%40b.c',
      '/api/v1/customers?after=i3&limit=3&email=a%40b.c',
      '/api/v1/customers?after=i6&limit=3&email=a%40b.c',
    ]);
  });

  it('iterates pages and stops on the last page; getNextPage then throws', async () => {
    const page = await client().v1.customers.list({ limit: 3 });
    expect(ids(page.data)).toEqual(['i1', 'i2', 'i3']);
    expect(page.body).toMatchObject({ pagination: { next: 'i3', prev: null } });
    const pages = await collect(page.iterPages());
    expect(pages.map((p) => ids(p.getPaginatedItems()))).toEqual([['i1', 'i2', 'i3'], ['i4', 'i5', 'i6'], ['i7']]);
    const lastPage = pages[2]!;
    expect(lastPage.hasNextPage()).toBe(false);
    await expect(lastPage.getNextPage()).rejects.toThrow(/No next page expected/);
    await expect(lastPage.getNextPage()).rejects.toBeInstanceOf(mod.ClientError);
  });

  it('pages backward when the first request used before', async () => {
    const reqs = since();
    const items = await collect(client().v1.customers.list({ limit: 3, before: 'i7' }));
    expect(ids(items)).toEqual(['i4', 'i5', 'i6', 'i1', 'i2', 'i3']);
    expect(reqs().map((r) => r.query.get('before'))).toEqual(['i7', 'i4']);
    expect(reqs().every((r) => !r.query.has('after'))).toBe(true);
  });
});

describe('cursor-id (Stripe)', () => {
  const spec = get('/v1/customers', ['limit', 'starting_after', 'ending_before', 'email']);
  const pagination: PaginationSpec = { style: 'cursor-id', items: ['data'], hasMore: ['has_more'], afterParam: 'starting_after', beforeParam: 'ending_before', limitParam: 'limit' };

  it('pages forward with starting_after = last id', async () => {
    const reqs = since();
    const items = await collect(client().ops.page<Item>(spec, pagination, { limit: 3, email: 'x' }));
    expect(ids(items)).toEqual(ids(ALL));
    expect(reqs().map((r) => r.query.get('starting_after'))).toEqual([null, 'i3', 'i6']);
    expect(reqs().every((r) => r.query.get('email') === 'x' && r.query.get('limit') === '3')).toBe(true);
  });

  it('pages backward with ending_before = first id', async () => {
    const reqs = since();
    const items = await collect(client().ops.page<Item>(spec, pagination, { limit: 3, ending_before: 'i7' }));
    expect(ids(items)).toEqual(['i4', 'i5', 'i6', 'i1', 'i2', 'i3']);
    expect(reqs().map((r) => r.query.get('ending_before'))).toEqual(['i7', 'i4']);
  });

  it('stops when has_more is false', async () => {
    const page = await client().ops.page<Item>(spec, pagination, { limit: 10 });
    expect(page.data).toHaveLength(7);
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow(/No next page/);
  });
});

describe('next-token', () => {
  it('Slack: response_metadata.next_cursor -> cursor, stops on empty string', async () => {
    const reqs = since();
    const spec = get('/api/conversations.list', ['cursor', 'limit', 'types'], { security: ['bearer'] });
    const pagination: PaginationSpec = { style: 'next-token', items: ['channels'], next: ['response_metadata', 'next_cursor'], param: 'cursor', limitParam: 'limit' };
    const page = await client().ops.page<Item>(spec, pagination, { limit: 3, types: 'public' });
    const pages = await collect(page.iterPages());
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
    expect(reqs().every((r) => r.query.get('types') === 'public' && r.headers['authorization'] === 'Bearer k')).toBe(true);
    expect(reqs()).toHaveLength(3);
  });

  it('Google: nextPageToken -> pageToken, stops when absent', async () => {
    const spec = get('/v1/things', ['pageToken', 'limit']);
    const pagination: PaginationSpec = { style: 'next-token', items: ['things'], next: ['nextPageToken'], param: 'pageToken' };
    expect(ids(await collect(client().ops.page<Item>(spec, pagination, { limit: 3 })))).toEqual(ids(ALL));
  });
});

describe('offset', () => {
  const spec = get('/offset', ['offset', 'limit', 'withTotal', 'count']);
  it('stops on a short page', async () => {
    const reqs = since();
    const items = await collect(client().ops.page<Item>(spec, { style: 'offset', items: ['results'], offsetParam: 'offset', limitParam: 'limit' }, { limit: 3 }));
    expect(ids(items)).toEqual(ids(ALL));
    expect(reqs().map((r) => r.query.get('offset'))).toEqual([null, '3', '6']);
  });

  it('stops at the total', async () => {
    const reqs = since();
    const pagination: PaginationSpec = { style: 'offset', items: ['results'], offsetParam: 'offset', limitParam: 'limit', total: ['total'] };
    const items = await collect(client().ops.page<Item>(spec, pagination, { limit: 3, withTotal: 1, count: 6 }));
    expect(items).toHaveLength(6);
    expect(reqs()).toHaveLength(2);
  });

  it('stops on an empty page when nothing else tells', async () => {
    const reqs = since();
    const items = await collect(client().ops.page<Item>(spec, { style: 'offset', items: ['results'], offsetParam: 'offset' }, { limit: 3, count: 6 }, { query: { x: 1 } }));
    expect(items).toHaveLength(6);
    // the limit is not part of the descriptor here, so a third (empty) page is needed
    expect(reqs().map((r) => r.url)).toEqual(['/offset?limit=3&count=6&x=1', '/offset?offset=3&limit=3&count=6&x=1', '/offset?offset=6&limit=3&count=6&x=1']);
  });
});

describe('page-number', () => {
  it('DigitalOcean: stops when links.pages.next is absent', async () => {
    const reqs = since();
    const spec = get('/v2/droplets', ['page', 'per_page', 'tag_name']);
    const pagination: PaginationSpec = { style: 'page-number', items: ['droplets'], pageParam: 'page', perPageParam: 'per_page', next: ['links', 'pages', 'next'] };
    const items = await collect(client().ops.page<Item>(spec, pagination, { per_page: 3, tag_name: 'web' }));
    expect(ids(items)).toEqual(ids(ALL));
    expect(reqs().map((r) => [r.query.get('page'), r.query.get('tag_name')])).toEqual([[null, 'web'], ['2', 'web'], ['3', 'web']]);
  });

  it('stops once page * per_page reaches the total item count', async () => {
    const reqs = since();
    const spec = get('/v2/droplets', ['page', 'per_page']);
    const pagination: PaginationSpec = { style: 'page-number', items: ['droplets'], pageParam: 'page', perPageParam: 'per_page', total: ['meta', 'total'] };
    const pages = await collect((await client().ops.page<Item>(spec, pagination, { per_page: 3 })).iterPages());
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
    expect(reqs()).toHaveLength(3);
  });

  it('stops when a hasMore flag is false', async () => {
    const reqs = since();
    const spec = get('/v1/customers', ['limit', 'page']);
    const pagination: PaginationSpec = { style: 'page-number', items: ['data'], pageParam: 'page', hasMore: ['has_more'] };
    const page = await client().ops.page<Item>(spec, pagination, { limit: 10 });
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow(/No next page/);
    expect(reqs()).toHaveLength(1);
  });

  it('stops at total pages when known, else on an empty page', async () => {
    const spec = get('/paged', ['page', 'per_page', 'withTotal', 'count']);
    let reqs = since();
    const withTotal: PaginationSpec = { style: 'page-number', items: ['items'], pageParam: 'page', perPageParam: 'per_page', totalPages: ['total_pages'] };
    expect(await collect(client().ops.page<Item>(spec, withTotal, { per_page: 3, withTotal: 1, count: 6 }))).toHaveLength(6);
    expect(reqs()).toHaveLength(2);
    reqs = since();
    const plain: PaginationSpec = { style: 'page-number', items: ['items'], pageParam: 'page' };
    expect(await collect(client().ops.page<Item>(spec, plain, { per_page: 3, page: 2 }))).toHaveLength(4);
    expect(reqs().map((r) => r.query.get('page'))).toEqual(['2', '3', '4']);
  });
});

describe('link-header (GitHub)', () => {
  const spec = get('/repos/o/r/issues', ['state', 'per_page', 'evil'], { headers: ['X-GitHub-Api-Version'] });
  const pagination: PaginationSpec = { style: 'link-header' };

  it('follows rel="next" as-is with the array body as items', async () => {
    const reqs = since();
    const promise = client().ops.page<Item>(spec, pagination, { state: 'open', per_page: 3, 'X-GitHub-Api-Version': '2022-11-28' }, { headers: { 'X-Trace': 't' } });
    const pages = await collect((await promise).iterPages());
    expect(pages.map((p) => ids(p.data))).toEqual([['i1', 'i2', 'i3'], ['i4', 'i5', 'i6'], ['i7']]);
    expect(reqs().map((r) => r.url)).toEqual([
      '/repos/o/r/issues?state=open&per_page=3',
      '/repos/o/r/issues?state=open&per_page=3&page=2',
      '/repos/o/r/issues?state=open&per_page=3&page=3',
    ]);
    expect(reqs().every((r) => r.headers['x-github-api-version'] === '2022-11-28' && r.headers['x-trace'] === 't')).toBe(true);
  });

  it('refuses to follow a link to another host', async () => {
    const page = await client().ops.page<Item>(spec, pagination, { per_page: 3, evil: 1 });
    expect(page.hasNextPage()).toBe(true);
    await expect(page.getNextPage()).rejects.toThrow(/another host/);
  });

  it('parses Link headers', () => {
    expect(mod.parseLinkHeader('<https://a/x?page=2>; rel="next", <https://a/x?page=5>; rel="last"')).toBe('https://a/x?page=2');
    expect(mod.parseLinkHeader('<https://a/x?page=1>; rel="prev first"')).toBeUndefined();
    expect(mod.parseLinkHeader('<https://a/x?a=1,2>; rel=next')).toBe('https://a/x?a=1,2');
    expect(mod.parseLinkHeader(null)).toBeUndefined();
  });
});
