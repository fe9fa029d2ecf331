/**
 * Behaviour kept or fixed by the runtime performance work: bodies on GET/HEAD, which fetch
 * errors are retried, header merging, the shared deadline timer, and the hand-written item
 * iterator (including a page class carried by the pagination descriptor).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Acme, ClientError as AcmeError, APIConnectionError, APIConnectionTimeoutError, CursorPage, listPagination } from './fixtures/acme-client.js';
import * as transport from '../../runtime/src/internal/transport.js';
import * as headers from '../../runtime/src/internal/headers.js';
import { captureLogger, json, startServer, type TestServer } from './helpers/server.js';


let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path === '/slow') return void setTimeout(() => json(res, 200, { ok: true }), 400);
    if (req.path === '/api/v1/customers') {
      const start = Number(req.query.get('after') ?? 0);
      const limit = Number(req.query.get('limit') ?? 2);
      const data = Array.from({ length: Math.max(0, Math.min(limit, 5 - start)) }, (_, i) => ({ id: String(start + i + 1) }));
      const end = start + data.length;
      return json(res, 200, { data, pagination: { next: end < 5 ? String(end) : null, prev: null } });
    }
    json(res, 200, { ok: true });
  });
});
afterAll(() => server.close());
const last = () => server.requests[server.requests.length - 1]!;

const formGet = {
  method: 'get',
  path: '/v1/customers/search',
  query: { query: {} },
  body: { encoding: 'form', contentType: 'application/x-www-form-urlencoded', mode: 'fields' },
} as const;

describe('bodies on GET/HEAD', () => {
  it('a GET whose spec declares an (empty) form body sends no body and no content-type', async () => {
    const c = new Acme({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
    await c.ops.call(formGet, { query: 'email:"a@b.c"' });
    expect(last().method).toBe('GET');
    expect(last().body.length).toBe(0);
    expect(last().headers['content-type']).toBeUndefined();
    expect(last().query.get('query')).toBe('email:"a@b.c"');
  });

  it('a GET in whole mode with params.body and a HEAD send no body; options.body still wins', async () => {
    const seen: Array<RequestInit | undefined> = [];
    const c = new Acme({
      apiKey: 'k',
      baseURL: 'http://127.0.0.1:9',
      maxRetries: 0,
      fetch: async (_input: string, init?: RequestInit) => {
        seen.push(init);
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    await c.ops.call({ ...formGet, body: { encoding: 'json', contentType: 'application/json', mode: 'whole' } }, { body: { a: 1 } });
    await c.ops.call({ ...formGet, method: 'head' }, { x: 1 });
    await c.ops.call({ ...formGet, method: 'post' }, { query: 'q' });
    await c.ops.call({ ...formGet, method: 'post' }, { query: 'q', extra: 'e' });
    await c.ops.call({ method: 'post', path: '/j', body: { encoding: 'json', contentType: 'application/json', mode: 'fields' } }, {});
    expect(seen.map((init) => init?.body)).toEqual([undefined, undefined, undefined, 'extra=e', '{}']);
    expect((seen[2]!.headers as Headers).has('content-type')).toBe(false);
    await expect(c.ops.call(formGet, {}, { body: { q: 1 } })).resolves.toBeDefined();
    expect(seen[5]!.body).toBe('q=1');
  });
});

describe('which fetch errors are retried', () => {
  it('a TypeError from building the request is not retried and is not a connection error', async () => {
    let calls = 0;
    const c = new Acme({
      apiKey: 'k',
      baseURL: server.url,
      maxRetries: 2,
      fetch: (input: string, init?: RequestInit) => {
        calls++;
        return fetch(input, { ...init, body: 'x', method: 'GET' });
      },
    });
    const err = await c.get('/x').catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(err).toBeInstanceOf(AcmeError);
    expect(err).not.toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toMatch(/GET\/HEAD/);
  });

  it('an undici network failure (fetch failed + cause) is retried', async () => {
    let calls = 0;
    const c = new Acme({
      apiKey: 'k',
      baseURL: 'http://127.0.0.1:9',
      maxRetries: 1,
      fetch: (input: string, init?: RequestInit) => {
        calls++;
        return fetch(input, init);
      },
    });
    const err = await c.get('/x').catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(err).toBeInstanceOf(APIConnectionError);
  });

  it.each([
    [new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }), true],
    [new TypeError('Failed to fetch'), true],
    [new TypeError('NetworkError when attempting to fetch resource.'), true],
    [new TypeError('Load failed'), true],
    [new Error('socket hang up'), true],
    [new TypeError('Request with GET/HEAD method cannot have body.'), false],
    [new TypeError('Headers.append: "a\nb" is an invalid header value.'), false],
    [new TypeError('Failed to parse URL from nope', { cause: new TypeError('Invalid URL') }), false],
  ])('%s -> network error: %s', (err, expected) => {
    expect(transport.isNetworkError(err)).toBe(expected);
  });
});

describe('headers', () => {
  it('merges case-insensitively: later layers win, repeats inside one layer append, null removes', () => {
    const merged = headers.mergeHeaders([
      { Accept: 'a', 'X-A': '1' },
      new Headers({ 'x-b': '2' }),
      [['X-C', '3'], ['x-c', '4']],
      { 'x-a': ['5', '6'], 'X-B': null },
      undefined,
      { 'x-d': null, 'x-e': undefined },
    ]);
    expect({ ...merged }).toEqual({ accept: 'a', 'x-a': '5, 6', 'x-c': '3, 4' });
    expect(headers.buildHeaders([{ A: '1' }]).get('a')).toBe('1');
  });

  it('debug logs still show the redacted request headers', async () => {
    const { logger, text } = captureLogger();
    const c = new Acme({ apiKey: 'SECRET', baseURL: server.url, logger, logLevel: 'debug' });
    await c.get('/x', { headers: { 'X-Visible': 'shown' } });
    expect(text()).toContain('shown');
    expect(text()).not.toContain('SECRET');
  });
});

describe('timeouts through the shared deadline timer', () => {
  it('times out each attempt, mixes timeouts, and leaves no timer behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const c = new Acme({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
    const started = Date.now();
    const [slow, fast, ok] = await Promise.allSettled([
      c.get('/slow', { timeout: 5_000 }),
      c.get('/slow', { timeout: 50 }),
      c.get('/x', { timeout: 1_000 }),
    ]);
    expect(fast.status === 'rejected' && fast.reason).toBeInstanceOf(APIConnectionTimeoutError);
    expect(ok.status).toBe('fulfilled');
    expect(slow.status).toBe('fulfilled');
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe('item iteration', () => {
  const spec = { method: 'get', path: '/api/v1/customers', query: { after: {}, limit: {} } } as const;

  it('walks every item across pages, with a page class carried by the descriptor', async () => {
    const c = new Acme({ apiKey: 'k', baseURL: server.url });
    const ids: string[] = [];
    for await (const item of c.ops.page(spec, { ...listPagination, page: CursorPage }, { limit: 2 })) ids.push((item as { id: string }).id);
    expect(ids).toEqual(['1', '2', '3', '4', '5']);
    const first = await c.ops.page(spec, { ...listPagination, page: CursorPage }, { limit: 2 });
    expect(first).toBeInstanceOf(CursorPage);
  });

  it('concurrent next() calls get the items in order; break stops fetching', async () => {
    const c = new Acme({ apiKey: 'k', baseURL: server.url });
    const it = c.ops.page(spec, listPagination, { limit: 2 })[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 7 }, () => it.next()));
    expect(results.map((r) => (r.done ? 'done' : (r.value as { id: string }).id))).toEqual(['1', '2', '3', '4', '5', 'done', 'done']);
    const count = server.requests.length;
    for await (const item of c.ops.page(spec, listPagination, { limit: 2 })) {
      void item;
      break;
    }
    expect(server.requests.length).toBe(count + 1);
  });

  it('an error while fetching a later page surfaces from the loop, then the iterator is done', async () => {
    let n = 0;
    const c = new Acme({
      apiKey: 'k',
      baseURL: server.url,
      maxRetries: 0,
      fetch: (input: string, init?: RequestInit) => (n++ === 1 ? Promise.reject(new Error('boom')) : fetch(input, init)),
    });
    const it = c.ops.page(spec, listPagination, { limit: 2 })[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ id: '1' });
    expect((await it.next()).value).toEqual({ id: '2' });
    await expect(it.next()).rejects.toBeInstanceOf(APIConnectionError);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });
});
