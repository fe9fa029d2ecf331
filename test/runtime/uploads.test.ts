import { afterEach, describe, expect, it } from 'vitest';
import * as Errors from '../../runtime/src/core/error.js';
import type { OperationSpec } from '../../runtime/src/core/types.js';
import { toFile } from '../../runtime/src/core/uploads.js';
import { Acme } from './fixtures/acme-client.js';
import { json, startServer, type Recorded, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (opts: Record<string, unknown> = {}) => new Acme({ apiKey: 'k', baseURL: server!.url, ...opts });
const bytes = (text: string) => new TextEncoder().encode(text);
const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes(text));
      controller.close();
    },
  });

const uploadSpec: OperationSpec = {
  method: 'post',
  path: '/upload',
  body: {
    encoding: 'multipart',
    contentType: 'multipart/form-data',
    mode: 'fields',
  },
  bodyFields: { filter: { style: 'deepObject' }, raw: { contentType: 'application/x-custom' } },
};
const binarySpec: OperationSpec = {
  method: 'put',
  path: '/bytes',
  body: { encoding: 'binary', contentType: 'application/octet-stream', mode: 'whole' },
};
const formSpec: OperationSpec = {
  method: 'post',
  path: '/form',
  body: { encoding: 'form', contentType: 'application/x-www-form-urlencoded', mode: 'fields' },
  bodyFields: { tags: { explode: false }, ids: { style: 'pipeDelimited', explode: false } },
};

/** The request's parts as the platform's own multipart parser sees them. */
async function partsOf(req: Recorded): Promise<Array<[string, string | { name: string; type: string; text: string }]>> {
  const form = await new Request('http://x/', {
    method: 'POST',
    headers: { 'content-type': String(req.headers['content-type']) },
    body: new Uint8Array(req.body),
  }).formData();
  const out: Array<[string, string | { name: string; type: string; text: string }]> = [];
  for (const [key, value] of form) {
    out.push([
      key,
      typeof value === 'string' ? value : { name: value.name, type: value.type, text: await value.text() },
    ]);
  }
  return out;
}

describe('multipart uploads', () => {
  it('sends every kind of upload, arrays, objects and deepObject fields; skips null and undefined', async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
    await client().ops.call(uploadSpec, {
      file: new File(['file body'], 'a.txt', { type: 'text/plain' }),
      blob: new Blob(['blob body']),
      bytes: bytes('bytes body'),
      stream: streamOf('stream body'),
      response: new Response('response body'),
      named: await toFile(bytes('named body'), 'b.json', { type: 'application/json' }),
      raw: bytes('custom'),
      many: [new File(['one'], '1.txt'), new File(['two'], '2.txt')],
      meta: { a: 1, nested: { b: true } },
      filter: { size: 'big', tags: ['x', 'y'] },
      purpose: 'assistants',
      count: 3,
      nothing: null,
      missing: undefined,
    });
    const parts = await partsOf(server.requests[0]!);
    expect(parts).toEqual([
      ['file', { name: 'a.txt', type: 'text/plain', text: 'file body' }],
      ['blob', { name: 'file', type: 'application/octet-stream', text: 'blob body' }],
      ['bytes', { name: 'file', type: 'application/octet-stream', text: 'bytes body' }],
      ['stream', { name: 'file', type: 'application/octet-stream', text: 'stream body' }],
      ['response', { name: 'file', type: 'text/plain;charset=utf-8', text: 'response body' }],
      ['named', { name: 'b.json', type: 'application/json', text: 'named body' }],
      ['raw', { name: 'file', type: 'application/x-custom', text: 'custom' }],
      ['many', { name: '1.txt', type: 'application/octet-stream', text: 'one' }],
      ['many', { name: '2.txt', type: 'application/octet-stream', text: 'two' }],
      ['meta', '{"a":1,"nested":{"b":true}}'],
      ['filter[size]', 'big'],
      ['filter[tags]', 'x'],
      ['filter[tags]', 'y'],
      ['purpose', 'assistants'],
      ['count', '3'],
    ]);
  });

  it('a retry after a 503 resends the same parts, streams included', async () => {
    server = await startServer((req, res) => {
      if (req.index === 0) return json(res, 503, { message: 'busy' }, { 'retry-after-ms': '1' });
      json(res, 200, { ok: true });
    });
    await client().ops.call(uploadSpec, { doc: streamOf('streamed once'), file: new File(['f'], 'f.txt'), note: 'n' });
    expect(server.requests).toHaveLength(2);
    const [first, second] = await Promise.all(server.requests.map(partsOf));
    expect(second).toEqual(first);
    expect(first).toContainEqual(['doc', { name: 'file', type: 'application/octet-stream', text: 'streamed once' }]);
  });
});

describe('byte bodies', () => {
  const inputs: Array<[string, () => unknown | Promise<unknown>]> = [
    ['Uint8Array', () => bytes('payload')],
    ['Blob', () => new Blob(['payload'])],
    ['File', () => new File(['payload'], 'p.bin')],
    ['Response', () => new Response('payload')],
    ['toFile()', () => toFile(streamOf('payload'), 'p.bin')],
  ];
  for (const [name, make] of inputs) {
    it(`${name} is sent as application/octet-stream and resent on retry`, async () => {
      server = await startServer((req, res) => {
        if (req.index === 0) return json(res, 503, {}, { 'retry-after-ms': '1' });
        json(res, 200, { ok: true });
      });
      await client().ops.call(binarySpec, { body: await make() });
      expect(server.requests.map((r) => r.text)).toEqual(['payload', 'payload']);
      expect(server.requests[1]!.headers['content-type']).toBe('application/octet-stream');
    });
  }

  it('a ReadableStream body is streamed once and never retried, and the error says why', async () => {
    server = await startServer((_req, res) => json(res, 503, { message: 'busy' }, { 'retry-after-ms': '1' }));
    const err = await client({ maxRetries: 3 })
      .ops.call(binarySpec, { body: streamOf('big upload') })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.InternalServerError);
    expect((err as Error).message).toMatch(
      /Not retried: the request body is a ReadableStream, which cannot be sent twice/,
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.text).toBe('big upload');
  });
});

describe('x-www-form-urlencoded bodies', () => {
  it('follow the encoding object: explode false joins, pipeDelimited, deepObject by default for objects', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    await client().ops.call(formSpec, {
      tags: ['a', 'b'],
      ids: [1, 2],
      colors: ['red', 'blue'],
      address: { city: 'Paris' },
      name: 'J D',
    });
    const body = new URLSearchParams(server.requests[0]!.text);
    expect([...body]).toEqual([
      ['tags', 'a,b'],
      ['ids', '1|2'],
      ['colors', 'red'],
      ['colors', 'blue'],
      ['address[city]', 'Paris'],
      ['name', 'J D'],
    ]);
  });
});
