// What a drop-in for a Stainless-generated client accepts in request(): a promise of the options, and raw bodies
// that can be read only once (streams, generators, iterators), sent as streams the way those clients send them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaseClient, type ClientOptions } from '../../runtime/src/core/client.js';
import { config } from './fixtures/acme-client.js';
import { json, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path === '/busy') return json(res, 503, {}, { 'retry-after-ms': '1' });
    json(res, 200, {
      method: req.method,
      path: req.path,
      type: req.headers['content-type'] ?? null,
      body: req.text,
    });
  });
});
afterAll(() => server.close());

class Hosted extends BaseClient {
  constructor(opts: ClientOptions = {}) {
    super({ apiKey: 'k', baseURL: server.url, ...opts }, { ...config, defaultBaseURL: 'https://api.acme.test' });
  }
}

interface Echo {
  method: string;
  path: string;
  type: string | null;
  body: string;
}

const encoder = new TextEncoder();
const streamOf = (text: string): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(c) {
      c.enqueue(encoder.encode(text));
      c.close();
    },
  });

describe('request() with a promise of options', () => {
  it('sends once the options resolve, with the APIPromise helpers', async () => {
    const client = new Hosted();
    const options = Promise.resolve({
      method: 'post' as const,
      path: '/later',
      body: { a: 1 },
    });
    const { data, response } = await client.request<Echo>(options).withResponse();
    expect(data).toEqual({
      method: 'POST',
      path: '/later',
      type: 'application/json',
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
  });

  it('rejects with the rejection of the options', async () => {
    await expect(new Hosted().request(Promise.reject(new Error('no options')))).rejects.toThrow('no options');
  });
});

describe('raw bodies that can be read only once', () => {
  const sent = async (body: unknown, headers?: Record<string, string>) => {
    const { req } = await new Hosted().buildRequest({
      method: 'post',
      path: '/raw',
      body,
      headers,
    });
    return {
      req,
      text: req.body instanceof ReadableStream ? await new Response(req.body).text() : undefined,
    };
  };

  it('a ReadableStream is sent as it is, without a content type unless one is given', async () => {
    const plain = await sent(streamOf('a\nb\n'));
    expect(plain.req.headers.get('content-type')).toBeNull();
    expect(plain.text).toBe('a\nb\n');
    const typed = await sent(streamOf('x'), { 'Content-Type': 'text/plain' });
    expect(typed.req.headers.get('content-type')).toBe('text/plain');
  });

  it('an iterator or an async generator of chunks becomes a ReadableStream of its bytes', async () => {
    const iterator = await sent([encoder.encode('a\n'), 'b\n'][Symbol.iterator]());
    expect(iterator.text).toBe('a\nb\n');
    expect(iterator.req.headers.get('content-type')).toBeNull();
    const generator = await sent(
      (async function* () {
        yield encoder.encode('c\n');
        yield 'd\n';
      })(),
    );
    expect(generator.text).toBe('c\nd\n');
  });

  it('arrays and iterable collections without next() stay JSON', async () => {
    const { req } = await new Hosted().buildRequest({
      method: 'post',
      path: '/raw',
      body: ['x', 1],
    });
    expect(req.body).toBe('["x",1]');
    expect(req.headers.get('content-type')).toBe('application/json');
  });

  it('a generator body is sent to the server once and never retried', async () => {
    const client = new Hosted({ maxRetries: 3 });
    const body = (function* () {
      yield 'once';
    })();
    const err = await client.request({ method: 'post', path: '/busy', body }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/503/);
    expect(server.requests.filter((r) => r.path === '/busy')).toHaveLength(1);
    expect(server.requests.find((r) => r.path === '/busy')?.text).toBe('once');
  });

  it('a stream body reaches the server whole', async () => {
    const echo = await new Hosted().request<Echo>({
      method: 'put',
      path: '/up',
      body: streamOf('streamed'),
    });
    expect(echo).toMatchObject({ method: 'PUT', body: 'streamed', type: null });
  });
});
