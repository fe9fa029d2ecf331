// The client's own API, shaped like the official (Stainless-generated) SDKs: request(), the verb
// shortcuts, buildURL, buildRequest, APIPromise, withOptions, writable options, env handling.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APIPromise } from '../../runtime/src/core/api-promise.js';
import { BaseClient, type ClientOptions } from '../../runtime/src/core/client.js';
import { toFile } from '../../runtime/src/core/uploads.js';
import { Acme, config, V1 } from './fixtures/acme-client.js';
import { captureLogger, json, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
/** `/flaky?t=<token>` fails twice (503, retry after 1 ms) per token, then succeeds. */
const failures = new Map<string, number>();
beforeAll(async () => {
  server = await startServer((req, res) => {
    const token = req.query.get('t') ?? '';
    if (req.path === '/flaky' && (failures.get(token) ?? 0) < 2) {
      failures.set(token, (failures.get(token) ?? 0) + 1);
      return json(res, 503, {}, { 'retry-after-ms': '1' });
    }
    if (req.path === '/page') {
      return json(res, 200, { data: [{ id: 'a' }], pagination: { next: null, prev: 'p0', extra: 1 } });
    }
    json(res, 200, {
      method: req.method,
      path: req.path,
      query: Object.fromEntries(req.query),
      headers: req.headers,
      body: req.text,
    });
  });
});
afterAll(() => server.close());

const savedEnv = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('ACME_')) delete process.env[key];
  Object.assign(process.env, savedEnv);
});

interface Echo {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: string;
}

const client = (opts: ClientOptions = {}): Acme => new Acme({ apiKey: 'sk_test', baseURL: server.url, ...opts });

/** A client whose spec has a default server and which sends the official SDK's retry-count header. */
class Hosted extends BaseClient {
  constructor(opts: ClientOptions = {}) {
    super(opts, { ...config, defaultBaseURL: 'https://api.acme.test', retryCountHeader: 'X-Stainless-Retry-Count' });
  }
}

describe('request() and the verb shortcuts', () => {
  it('request() takes one options object: method, path, query, body, headers and per-call options', async () => {
    const echo = await client().request<Echo>({
      method: 'post',
      path: '/things',
      query: { a: 1, list: ['x', 'y'] },
      body: { name: 'n' },
      headers: { 'X-Trace': 't1' },
      idempotencyKey: 'key-1',
    });
    expect(echo).toMatchObject({ method: 'POST', path: '/things', query: { a: '1', list: 'y' }, body: '{"name":"n"}' });
    expect(echo.headers).toMatchObject({
      'x-trace': 't1',
      'idempotency-key': 'key-1',
      'content-type': 'application/json',
    });
  });

  it.each([
    ['get', 'GET', ''],
    ['post', 'POST', '{"v":1}'],
    ['put', 'PUT', '{"v":1}'],
    ['patch', 'PATCH', '{"v":1}'],
    ['delete', 'DELETE', '{"v":1}'],
  ] as const)('%s(path, opts) sends %s', async (verb, method, body) => {
    const echo = await client()[verb]<Echo>('/verb', {
      query: { q: 'v' },
      ...(verb === 'get' ? {} : { body: { v: 1 } }),
    });
    expect(echo).toMatchObject({ method, path: '/verb', query: { q: 'v' }, body });
  });
});

describe('buildURL(path, query, defaultBaseURL?)', () => {
  it.each([
    [
      'a trailing slash on the base',
      { baseURL: 'http://h.test/custom/path/' },
      ['/foo', null],
      'http://h.test/custom/path/foo',
    ],
    ['no trailing slash', { baseURL: 'http://h.test/custom/path' }, ['/foo', null], 'http://h.test/custom/path/foo'],
    [
      'defaultQuery',
      { baseURL: 'http://h.test/', defaultQuery: { v: '1', w: '2' } },
      ['/foo', null],
      'http://h.test/foo?v=1&w=2',
    ],
    [
      'undefined removes a default',
      { baseURL: 'http://h.test', defaultQuery: { v: '1' } },
      ['/foo', { v: undefined }],
      'http://h.test/foo',
    ],
    [
      'query over defaults',
      { baseURL: 'http://h.test', defaultQuery: { v: '1' } },
      ['/foo', { v: 2, f: [1, 2] }],
      'http://h.test/foo?v=2&f=1&f=2',
    ],
    ['an absolute path', { baseURL: 'http://h.test' }, ['https://other.test/x?k=1', null], 'https://other.test/x?k=1'],
    ['defaultBaseURL while the base is the default', {}, ['/foo', null, 'http://opt.test/o'], 'http://opt.test/o/foo'],
    [
      'an explicit baseURL beats defaultBaseURL',
      { baseURL: 'http://c.test/c' },
      ['/foo', null, 'http://opt.test/o'],
      'http://c.test/c/foo',
    ],
  ] as const)('%s', (_name, opts, args, expected) => {
    const c = new Hosted({ apiKey: 'k', ...opts });
    expect(c.buildURL(args[0], args[1], args[2])).toBe(expected);
  });

  it('the base URL environment variable beats defaultBaseURL', () => {
    process.env['ACME_BASE_URL'] = 'http://env.test/e';
    expect(new Hosted({ apiKey: 'k' }).buildURL('/foo', null, 'http://opt.test/o')).toBe('http://env.test/e/foo');
  });

  it('leaves credentials sent in the query out of the URL', () => {
    expect(client().buildURL('/q', { a: 1 })).toBe(`${server.url}/q?a=1`);
  });
});

describe('buildRequest(options)', () => {
  const c = (): Hosted =>
    new Hosted({ apiKey: 'k', baseURL: 'http://h.test', defaultHeaders: { 'X-My-Default': '2' } });

  it('returns { req, url, timeout } with req.headers a real Headers', async () => {
    const { req, url, timeout } = await c().buildRequest({
      method: 'post',
      path: '/foo',
      body: { a: 1 },
      query: { q: 1 },
    });
    expect(req.headers).toBeInstanceOf(Headers);
    expect(req.method).toBe('POST');
    expect(req.body).toBe('{"a":1}');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(req.headers.get('x-api-key')).toBe('k');
    expect(req.headers.get('x-my-default')).toBe('2');
    expect(req.headers.get('x-stainless-retry-count')).toBe('0');
    expect(url).toBe('http://h.test/foo?q=1');
    expect(timeout).toBe(60_000);
  });

  it.each([
    ['undefined keeps the default', { 'X-My-Default': undefined }, '2'],
    ['null removes it', { 'x-my-default': null }, null],
    ['a value replaces it, case-insensitively', { 'x-MY-default': '3' }, '3'],
  ])('headers: %s', async (_name, headers, expected) => {
    const { req } = await c().buildRequest({ method: 'get', path: '/foo', headers });
    expect(req.headers.get('x-my-default')).toBe(expected);
  });

  it('takes the per-call timeout, fetchOptions, signal and a retry count', async () => {
    const client = c();
    client.fetchOptions = { keepalive: true, cache: 'no-store' };
    const signal = new AbortController().signal;
    const built = await client.buildRequest(
      { method: 'get', path: '/f', timeout: 5, fetchOptions: { cache: 'reload' }, signal },
      { retryCount: 2 },
    );
    expect(built.timeout).toBe(5);
    expect(built.req).toMatchObject({ keepalive: true, cache: 'reload', signal });
    expect(built.req.headers.get('x-stainless-retry-count')).toBe('2');
  });
});

describe('APIPromise', () => {
  const jsonResponse = (body: unknown): Response =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

  it('new APIPromise(client, responsePromise) parses the body lazily and logs at debug', async () => {
    const log = captureLogger();
    const c = client({ logger: log.logger, logLevel: 'debug' });
    const props = {
      response: jsonResponse({ a: 1 }),
      controller: new AbortController(),
      requestLogID: 'log_000000',
      startTime: Date.now(),
    };
    const promise = new APIPromise<{ a: number }>(
      c,
      Promise.resolve({ ...props, options: { method: 'get', path: '/' } }),
    );
    expect(props.response.bodyUsed).toBe(false);
    expect(await promise).toEqual({ a: 1 });
    expect(log.lines.some((l) => l.level === 'debug' && l.message.startsWith('[log_000000]'))).toBe(true);
    const quiet = captureLogger();
    await new APIPromise(
      client({ logger: quiet.logger, logLevel: 'info' }),
      Promise.resolve({ ...props, response: new Response() }),
    );
    expect(quiet.lines).toEqual([]);
  });

  it('takes a parse function, and _thenUnwrap transforms the value with the response props', async () => {
    const c = client();
    const parsed = new APIPromise(
      c,
      Promise.resolve({ response: new Response('7'), controller: new AbortController(), startTime: 0 }),
      async (_client, props) => Number(await props.response.text()),
    );
    const unwrapped = parsed._thenUnwrap((n, props) => `${n * 2} ${props.response.status}`);
    expect(unwrapped).toBeInstanceOf(APIPromise);
    expect(await unwrapped).toBe('14 200');
    const live = c.get<Echo>('/unwrap')._thenUnwrap((echo) => echo.path);
    expect(await live).toBe('/unwrap');
    const { data, response } = await c
      .get<Echo>('/unwrap2')
      ._thenUnwrap((echo) => echo.method)
      .withResponse();
    expect([data, response.status]).toEqual(['GET', 200]);
  });
});

describe('writable options and withOptions()', () => {
  it('requests read the current baseURL, apiKey, maxRetries, fetchOptions, logger and logLevel', async () => {
    const c = new Acme({ apiKey: 'first', baseURL: 'http://127.0.0.1:9', maxRetries: 0 });
    c.baseURL = server.url;
    c.apiKey = 'second';
    c.fetchOptions = { headers: { 'x-from-fetch-options': 'ignored' } };
    const log = captureLogger();
    c.logger = log.logger;
    c.logLevel = 'info';
    const echo = await c.get<Echo>('/live');
    expect(echo.headers['x-api-key']).toBe('second');
    expect(log.lines.some((l) => l.level === 'info' && /succeeded with status 200/.test(l.message))).toBe(true);
    c.maxRetries = 2;
    expect(await c.get<Echo>('/flaky', { query: { t: 'live' } })).toMatchObject({ path: '/flaky' });
  });

  it('withOptions() starts from the current property values, not the constructor options', async () => {
    const c = new Acme({
      apiKey: 'k',
      baseURL: 'http://127.0.0.1:9',
      timeout: 1000,
      defaultHeaders: { 'X-Team': 't' },
      defaultQuery: { d: '1' },
    });
    c.baseURL = `${server.url}/`;
    c.timeout = 2000;
    const copy = c.withOptions({ maxRetries: 7 });
    expect([copy.baseURL, copy.timeout, copy.maxRetries, c.maxRetries]).toEqual([`${server.url}/`, 2000, 7, 2]);
    expect(copy.constructor).toBe(Acme);
    expect(copy.buildURL('/bar', null)).toBe(`${server.url}/bar?d=1`);
    const echo = await copy.get<Echo>('/inherit');
    expect(echo.headers['x-team']).toBe('t');
  });
});

describe('environment', () => {
  it.each([
    [
      'the env variable',
      { env: 'not a log level' },
      `process.env['ACME_LOG'] was set to "not a log level", expected one of ["off","error","warn","info","debug"]`,
    ],
    [
      'the option',
      { option: 'loud' },
      'ClientOptions.logLevel was set to "loud", expected one of ["off","error","warn","info","debug"]',
    ],
  ])('an invalid level in %s warns in the official wording', (_name, source, message) => {
    if ('env' in source) process.env['ACME_LOG'] = source.env;
    const log = captureLogger();
    const logLevel = 'option' in source ? (source.option as 'warn') : undefined;
    const c = client({ logger: log.logger, logLevel });
    expect(c.logLevel).toBe('warn');
    expect(log.lines).toEqual([{ level: 'warn', message, rest: [] }]);
  });

  it('a valid option level silences an invalid env level', () => {
    process.env['ACME_LOG'] = 'nope';
    const log = captureLogger();
    expect(client({ logger: log.logger, logLevel: 'debug' }).logLevel).toBe('debug');
    expect(log.lines).toEqual([]);
  });

  it('<PREFIX>_CUSTOM_HEADERS adds `Name: value` lines under defaultHeaders and per-call headers', async () => {
    process.env['ACME_CUSTOM_HEADERS'] = 'X-Env-A: 1\r\nX-Env-B: two: parts\n\nnot a header\nX-Env-C: env';
    const c = client({ defaultHeaders: { 'X-Env-C': 'default' } });
    const echo = await c.get<Echo>('/env', { headers: { 'x-env-a': null } });
    expect(echo.headers['x-env-a']).toBeUndefined();
    expect(echo.headers['x-env-b']).toBe('two: parts');
    expect(echo.headers['x-env-c']).toBe('default');
    const { req } = await c.buildRequest({ method: 'get', path: '/env' });
    expect(req.headers.get('x-env-a')).toBe('1');
  });
});

describe('retry-count header', () => {
  const hosted = (opts: ClientOptions = {}): Hosted => new Hosted({ apiKey: 'k', baseURL: server.url, ...opts });
  const countsFor = async (
    c: BaseClient,
    token: string,
    headers?: Record<string, string | null>,
  ): Promise<unknown[]> => {
    await c.request({ method: 'get', path: '/flaky', query: { t: token }, headers });
    return server.requests.filter((r) => r.query.get('t') === token).map((r) => r.headers['x-stainless-retry-count']);
  };

  it.each([
    ['counts attempts under the configured name', {}, undefined, ['0', '1', '2']],
    ['keeps a value the caller set', {}, { 'X-Stainless-Retry-Count': '42' }, ['42', '42', '42']],
    ['is left out when a call removes it', {}, { 'x-stainless-retry-count': null }, [undefined, undefined, undefined]],
    [
      'is left out when defaultHeaders remove it',
      { defaultHeaders: { 'X-Stainless-Retry-Count': null } },
      undefined,
      [undefined, undefined, undefined],
    ],
  ] as const)('%s', async (name, opts, headers, expected) => {
    expect(await countsFor(hosted(opts), name, headers)).toEqual(expected);
  });

  it('defaults to x-retry-count without the config option', async () => {
    const echo = await client().get<Echo>('/default-name');
    expect([echo.headers['x-retry-count'], echo.headers['x-stainless-retry-count']]).toEqual(['0', undefined]);
  });
});

describe('pages and statics', () => {
  it('a cursor page exposes the raw pagination object', async () => {
    const page = await client().ops.page(
      { method: 'get', path: '/page' },
      { style: 'cursor', items: ['data'], next: ['pagination', 'next'], afterParam: 'after' },
    );
    expect((page as unknown as { pagination: unknown }).pagination).toEqual({ next: null, prev: 'p0', extra: 1 });
    const list = await client().v1.customers.list({}, { path: '/page' });
    expect(list.pagination).toEqual({ next: null, prev: 'p0', extra: 1 });
    expect(list.hasNextPage()).toBe(false);
  });

  it('the client class carries DEFAULT_TIMEOUT, toFile and its resource classes', () => {
    expect(Acme.DEFAULT_TIMEOUT).toBe(60_000);
    expect(Acme.toFile).toBe(toFile);
    expect(Acme.V1).toBe(V1);
    expect(client().v1).toBeInstanceOf(Acme.V1);
  });
});

describe('header sources', () => {
  it.each([
    [
      'object keys replace each other case-insensitively',
      { 'X-Foo': 'baz', 'x-foo': 'bar', 'x-Foo': undefined },
      'bar',
    ],
    ['an array value appends', { 'X-Foo': ['a', 'b'] }, 'a, b'],
    [
      'a tuple list appends',
      [
        ['X-Foo', 'a'],
        ['x-foo', 'b'],
      ] as Array<[string, string]>,
      'a, b',
    ],
    ['null after a value removes it', { 'x-foo': 'a', 'X-Foo': null }, null],
  ])('%s', async (_name, headers, expected) => {
    const { req } = await client().buildRequest({ method: 'get', path: '/h', headers });
    expect(req.headers.get('x-foo')).toBe(expected);
  });
});
