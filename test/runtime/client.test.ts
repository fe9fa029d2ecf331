import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as mod from './fixtures/acme-client.js';
import { Acme } from './fixtures/acme-client.js';
import { json, rejection, startServer, type Echo, type TestServer } from './helpers/server.js';


let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path === '/empty') return void res.writeHead(204).end();
    if (req.path === '/text') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    if (req.path === '/bytes') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 255]));
    if (req.path === '/vnd') return void res.writeHead(200, { 'content-type': 'application/vnd.api+json; charset=utf-8' }).end('{"a":1}');
    const status = /^\/status\/(\d+)$/.exec(req.path)?.[1];
    if (status) {
      if (req.query.get('text')) return void res.writeHead(Number(status), { 'content-type': 'text/plain' }).end('plain failure');
      return json(res, Number(status), { message: `boom ${status}`, code: 'E' + status }, { 'x-should-retry': 'false' });
    }
    json(res, 200, { method: req.method, path: req.path, query: Object.fromEntries(req.query), headers: req.headers, body: req.text });
  });
});
afterAll(() => server.close());

const savedEnv = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('ACME_')) delete process.env[key];
  Object.assign(process.env, savedEnv);
});

const client = (opts: Record<string, unknown> = {}) => new Acme({ apiKey: 'sk_test', baseURL: server.url, ...opts });

describe('options', () => {
  it('throws a clear error without an API key', () => {
    expect(() => new Acme({ baseURL: server.url })).toThrow(/ACME_API_KEY environment variable is missing or empty.*apiKey/);
  });

  it('throws a clear error without a base URL', () => {
    expect(() => new Acme({ apiKey: 'k' })).toThrow(/ACME_BASE_URL/);
  });

  it('reads apiKey, baseURL and logLevel from the environment', async () => {
    process.env['ACME_API_KEY'] = 'env-key';
    process.env['ACME_BASE_URL'] = server.url;
    process.env['ACME_LOG'] = 'debug';
    const c = new Acme({ logger: { error() {}, warn() {}, info() {}, debug() {} } });
    expect(c.apiKey).toBe('env-key');
    expect(c.baseURL).toBe(server.url);
    expect(c.logLevel).toBe('debug');
    const echo = await c.get<Echo>('/echo');
    expect(echo.headers['x-api-key']).toBe('env-key');
  });

  it('prefers options over the environment; defaults timeout/maxRetries/logLevel', () => {
    process.env['ACME_API_KEY'] = 'env-key';
    const c = new Acme({ apiKey: 'opt', baseURL: 'http://example.test' });
    expect(c.apiKey).toBe('opt');
    expect(c.timeout).toBe(60_000);
    expect(c.maxRetries).toBe(2);
    expect(c.logLevel).toBe('warn');
  });

  it('rejects invalid numbers', () => {
    expect(() => client({ timeout: -1 })).toThrow(/timeout/);
  });

  it('withOptions returns a copy of the same class with some options changed', async () => {
    const base = client({ defaultHeaders: { 'X-Team': 'a' } });
    const copy = base.withOptions({ apiKey: 'other', maxRetries: 0 });
    expect(copy).toBeInstanceOf(Acme);
    expect(copy).not.toBe(base);
    expect(copy.maxRetries).toBe(0);
    expect(base.maxRetries).toBe(2);
    const echo = await copy.get<Echo>('/echo');
    expect(echo.headers['x-api-key']).toBe('other');
    expect(echo.headers['x-team']).toBe('a');
  });
});

describe('headers and auth', () => {
  it('sends defaults, user agent, retry count; null removes a default header case-insensitively', async () => {
    const c = client({ defaultHeaders: { 'X-Team': 'a', 'X-Gone': 'x' }, defaultQuery: { region: 'eu' } });
    const echo = await c.get<Echo>('/echo', { headers: { 'x-gone': null, 'X-Extra': 'y' }, query: { q: 1 } });
    expect(echo.headers['x-team']).toBe('a');
    expect(echo.headers['x-gone']).toBeUndefined();
    expect(echo.headers['x-extra']).toBe('y');
    expect(echo.headers['x-retry-count']).toBe('0');
    expect(echo.headers['user-agent']).toBe('Acme/JS 1.2.3');
    expect(echo.headers['accept']).toBe('application/json');
    expect(echo.headers['content-type']).toBeUndefined();
    expect(echo.query).toEqual({ region: 'eu', q: '1' });
  });

  it('can remove the auth header per call', async () => {
    const echo = await client().get<Echo>('/echo', { headers: { 'X-API-KEY': null } });
    expect(echo.headers['x-api-key']).toBeUndefined();
  });

  it.each([
    [['bearer'], (h: Echo['headers']) => expect(h['authorization']).toBe('Bearer user:pa55')],
    [['basic'], (h: Echo['headers']) => expect(h['authorization']).toBe(`Basic ${btoa('user:pa55')}`)],
    [['cookieKey'], (h: Echo['headers']) => expect(h['cookie']).toBe('session=user%3Apa55')],
    [[], (h: Echo['headers']) => expect(h['authorization'] ?? h['x-api-key']).toBeUndefined()],
  ])('applies security %j', async (security, check) => {
    const echo = await client({ apiKey: 'user:pa55' }).ops.call<Echo>({ method: 'get', path: '/echo', security });
    check(echo.headers);
  });

  it('applies an apiKey in the query', async () => {
    const echo = await client().ops.call<Echo>({ method: 'get', path: '/echo', security: ['queryKey'] });
    expect(echo.query).toEqual({ api_key: 'sk_test' });
  });

  it('sends header and cookie params', async () => {
    const echo = await client().ops.call<Echo>(
      { method: 'get', path: '/echo', headers: ['X-ACCOUNT-ID', 'X-Tags'], cookies: ['theme', 'lang'], security: [] },
      { 'X-ACCOUNT-ID': 'acc 1', 'X-Tags': ['a', 'b'], theme: 'dark mode', lang: undefined },
    );
    expect(echo.headers['x-account-id']).toBe('acc 1');
    expect(echo.headers['x-tags']).toBe('a,b');
    expect(echo.headers['cookie']).toBe('theme=dark%20mode');
  });
});

describe('APIPromise', () => {
  it('parses JSON lazily; asResponse leaves the body unread; withResponse gives both', async () => {
    const c = client();
    const response: Response = await c.get<Echo>('/echo').asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ path: '/echo' });
    const { data, response: r2 } = await c.v1.customers.retrieve('c1').withResponse();
    expect(data).toMatchObject({ path: '/api/v1/customers/c1' });
    expect(r2).toBeInstanceOf(Response);
  });

  it('returns undefined for 204, text for text/plain, JSON for +json', async () => {
    const c = client();
    expect(await c.get('/empty')).toBeUndefined();
    expect(await c.get('/text')).toBe('hello');
    expect(await c.get('/vnd')).toEqual({ a: 1 });
  });

  it('returns a Blob for byte content types, bytes intact', async () => {
    const blob = await client().get<Blob>('/bytes');
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('supports then/catch/finally and method/path overrides', async () => {
    const c = client();
    const seen: string[] = [];
    await c.get<Echo>('/echo', { method: 'put', path: '/other' }).then((d) => seen.push(`${d.method} ${d.path}`)).finally(() => seen.push('done'));
    expect(seen).toEqual(['PUT /other', 'done']);
  });
});

describe('errors', () => {
  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [403, 'PermissionDeniedError'],
    [404, 'NotFoundError'],
    [409, 'ConflictError'],
    [422, 'UnprocessableEntityError'],
    [429, 'RateLimitError'],
    [500, 'InternalServerError'],
    [503, 'InternalServerError'],
    [418, 'APIError'],
  ] as const)('%i -> %s with parsed body', async (status, name) => {
    const err = await rejection<mod.APIError>(client().get(`/status/${status}`), mod.APIError);
    expect(err.constructor).toBe(mod[name]);
    expect(err).toBeInstanceOf(mod.ClientError);
    expect(err.name).toBe(name);
    expect(err.status).toBe(status);
    expect(err.error).toEqual({ message: `boom ${status}`, code: `E${status}` });
    expect(err.headers?.get('content-type')).toBe('application/json');
    expect(err.message).toBe(`${status} boom ${status}`);
  });

  it('uses the text body in the message when it is not JSON', async () => {
    const err = await rejection(client({ maxRetries: 0 }).get('/status/400', { query: { text: 1 } }), mod.APIError);
    expect(err.message).toBe('400 plain failure');
    expect(err.error).toBe('plain failure');
  });

  it('generate() picks subclasses; connection errors keep their cause', () => {
    const { APIError, APIConnectionError, NotFoundError } = mod;
    expect(APIError.generate(404, { message: 'x' }, undefined, new Headers())).toBeInstanceOf(NotFoundError);
    const cause = new Error('ECONNRESET');
    const conn = APIError.generate(undefined, cause, undefined, undefined);
    expect(conn).toBeInstanceOf(APIConnectionError);
    expect(conn.cause).toBe(cause);
    expect(Acme.NotFoundError).toBe(NotFoundError);
  });
});

describe('path params', () => {
  it('percent-encodes values', async () => {
    const echo: unknown = await client().v1.customers.retrieve('a/b c?d#e');
    expect(echo).toMatchObject({ path: '/api/v1/customers/a%2Fb%20c%3Fd%23e' });
  });

  it.each(['.', '..', ''])('rejects %j', async (id) => {
    await expect(client().v1.customers.retrieve(id)).rejects.toThrow(/must not be empty, "\." or "\.\."/);
    expect(server.requests.some((r) => r.path === '/api/v1/customers' || r.path === '/api/v1')).toBe(false);
  });

  it('rejects a missing path param', async () => {
    await expect(client().ops.call({ method: 'get', path: '/x/{id}', pathParams: ['id'] }, {})).rejects.toThrow(/Missing required path parameter "id"/);
  });
});
