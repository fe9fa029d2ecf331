import type { OperationSpec, QueryParamSpec } from '../../runtime/src/core/contract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mod from './fixtures/acme-client.js';
import { Acme, toFile } from './fixtures/acme-client.js';
import * as query from '../../runtime/src/internal/query.js';
import * as path from '../../runtime/src/internal/path.js';
import { json, startServer, type TestServer } from './helpers/server.js';


let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => json(res, 200, { ok: true }));
});
afterAll(() => server.close());
const client = () => new Acme({ apiKey: 'k', baseURL: `${server.url}/prefix/` });
const last = () => server.requests[server.requests.length - 1]!;

describe('query serialization', () => {
  const d = new Date('2025-01-02T03:04:05.000Z');
  it.each([
    ['scalar', 'q', 'a b&c', {}, 'q=a%20b%26c'],
    ['number/boolean', 'n', 1.5, {}, 'n=1.5'],
    ['boolean', 'b', false, {}, 'b=false'],
    ['date', 'd', d, {}, 'd=2025-01-02T03%3A04%3A05.000Z'],
    ['null -> empty', 'x', null, {}, 'x='],
    ['undefined -> skipped', 'x', undefined, {}, ''],
    ['form explode array', 'ids', [1, 2, 3], {}, 'ids=1&ids=2&ids=3'],
    ['form non-explode array (comma)', 'ids', ['a', 'b,c'], { style: 'form', explode: false }, 'ids=a,b%2Cc'],
    ['spaceDelimited', 'ids', ['a', 'b'], { style: 'spaceDelimited' }, 'ids=a%20b'],
    ['pipeDelimited', 'ids', ['a', 'b'], { style: 'pipeDelimited' }, 'ids=a|b'],
    ['pipeDelimited explode', 'ids', ['a', 'b'], { style: 'pipeDelimited', explode: true }, 'ids=a&ids=b'],
    ['empty array', 'ids', [], {}, ''],
    ['deepObject', 'createdAt', { gt: d, lte: '2025' }, { style: 'deepObject', explode: true }, 'createdAt[gt]=2025-01-02T03%3A04%3A05.000Z&createdAt[lte]=2025'],
    ['deepObject nested + array', 'f', { a: { b: 1 }, c: [1, 2] }, { style: 'deepObject' }, 'f[a][b]=1&f[c]=1&f[c]=2'],
    ['object with no style -> deepObject', 'createdAt', { gt: 1 }, {}, 'createdAt[gt]=1'],
    ['form explode object (OpenAPI)', 'color', { R: 100, G: 200 }, { style: 'form' }, 'R=100&G=200'],
    ['form non-explode object', 'color', { R: 100, G: 200 }, { style: 'form', explode: false }, 'color=R,100,G,200'],
  ] satisfies Array<[string, string, unknown, QueryParamSpec, string]>)('%s', (_name, key, value, spec, expected) => {
    expect(query.serializeParam(key, value, spec).join('&')).toBe(expected);
  });

  it('is sent on the wire per spec, merged with defaultQuery and options.query', async () => {
    const c = new Acme({ apiKey: 'k', baseURL: server.url, defaultQuery: { region: 'eu' } });
    await c.ops.call(
      { method: 'get', path: '/q', query: { ids: { explode: false }, createdAt: { style: 'deepObject' }, status: {}, skip: {} } },
      { ids: ['a', 'b'], createdAt: { gte: '2025-01-01' }, status: ['x', 'y'], skip: undefined },
      { query: { extra: 'e', region: 'us' } },
    );
    expect(last().url).toBe('/q?region=us&ids=a,b&createdAt[gte]=2025-01-01&status=x&status=y&extra=e');
  });
});

describe('paths', () => {
  it('encodes path params and joins with a base URL path prefix', async () => {
    await client().ops.call({ method: 'get', path: '/items/{a}/sub/{b}', pathParams: ['a', 'b'] }, { a: 'x/y', b: 42 });
    expect(last().url).toBe('/prefix/items/x%2Fy/sub/42');
  });

  it.each(['.', '..', ''])('rejects %j', (v) => {
    expect(() => path.buildPath('/a/{id}', ['id'], { id: v })).toThrow(mod.ClientError);
  });

  it('encodes a/b, unicode and reserved characters', () => {
    expect(path.buildPath('/a/{id}', ['id'], { id: 'a/b' })).toBe('/a/a%2Fb');
    expect(path.buildPath('/a/{id}', ['id'], { id: '..a' })).toBe('/a/..a');
    expect(path.buildPath('/a/{id}', ['id'], { id: 'é?#%' })).toBe('/a/%C3%A9%3F%23%25');
  });
});

describe('bodies', () => {
  it('JSON fields: remaining params become the body; content-type only with a body', async () => {
    const c = client();
    await c.v1.customers.create({ id: 'c1', name: 'Ann', 'X-ACCOUNT-ID': 'acc' });
    expect(last().headers['content-type']).toBe('application/json');
    expect(last().headers['x-account-id']).toBe('acc');
    expect(JSON.parse(last().text)).toEqual({ id: 'c1', name: 'Ann' });
    await c.get('/x');
    expect(last().headers['content-type']).toBeUndefined();
    expect(last().text).toBe('');
  });

  it('a path parameter that is also a body field goes in both; the positional one under its own key', async () => {
    await client().ops.call(
      {
        method: 'put',
        path: '/agents/{agent_uuid}/keys/{id}',
        pathParams: ['agent_uuid', 'id'],
        pathKeys: { id: '$path.id' },
        alsoInBody: ['agent_uuid'],
        body: { encoding: 'json', contentType: 'application/json', mode: 'fields' },
      },
      { agent_uuid: 'a1', id: 'body-id', name: 'k', '$path.id': 'k1' },
    );
    expect(last().path).toBe('/prefix/agents/a1/keys/k1');
    expect(JSON.parse(last().text)).toEqual({ agent_uuid: 'a1', id: 'body-id', name: 'k' });
  });

  it('JSON whole body and options.body override', async () => {
    const spec: OperationSpec = { method: 'put', path: '/w', body: { encoding: 'json', contentType: 'application/json', mode: 'whole' } };
    await client().ops.call(spec, { body: [1, 2] });
    expect(last().text).toBe('[1,2]');
    await client().ops.call(spec, { body: [1, 2] }, { body: { replaced: true } });
    expect(JSON.parse(last().text)).toEqual({ replaced: true });
    await client().post('/raw', { body: { raw: 1 } });
    expect(last().headers['content-type']).toBe('application/json');
    expect(last().text).toBe('{"raw":1}');
  });

  it('form-urlencoded with nested objects and arrays', async () => {
    await client().ops.call(
      { method: 'post', path: '/f', body: { encoding: 'form', contentType: 'application/x-www-form-urlencoded', mode: 'fields' } },
      { name: 'a b', tags: ['x', 'y'], meta: { k: 'v', n: { d: 1 } }, skip: undefined },
    );
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    const parsed = new URLSearchParams(last().text);
    expect([...parsed.entries()]).toEqual([
      ['name', 'a b'],
      ['tags', 'x'],
      ['tags', 'y'],
      ['meta[k]', 'v'],
      ['meta[n][d]', '1'],
    ]);
  });

  it('multipart: files, bytes, streams, arrays and JSON objects', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('streamed'));
        c.close();
      },
    });
    await client().ops.call(
      { method: 'post', path: '/upload', body: { encoding: 'multipart', contentType: 'multipart/form-data', mode: 'fields' } },
      {
        file: await toFile(new TextEncoder().encode('hello'), 'hello.txt', { type: 'text/plain' }),
        bytes: new Uint8Array([1, 2, 3]),
        stream,
        tags: ['a', 'b'],
        meta: { k: 1 },
        count: 3,
      },
    );
    const req = last();
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': req.headers['content-type']! } }).formData();
    const file = form.get('file') as File;
    expect(file.name).toBe('hello.txt');
    expect(file.type).toBe('text/plain');
    expect(await file.text()).toBe('hello');
    expect(new Uint8Array(await (form.get('bytes') as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await (form.get('stream') as File).text()).toBe('streamed');
    expect(form.getAll('tags')).toEqual(['a', 'b']);
    expect(form.get('meta')).toBe('{"k":1}');
    expect(form.get('count')).toBe('3');
  });

  it('binary and text bodies', async () => {
    await client().ops.call(
      { method: 'put', path: '/bin', body: { encoding: 'binary', contentType: 'application/octet-stream', mode: 'whole' } },
      { body: new Uint8Array([0, 255, 7]) },
    );
    expect(last().headers['content-type']).toBe('application/octet-stream');
    expect([...last().body]).toEqual([0, 255, 7]);
    await client().ops.call({ method: 'post', path: '/txt', body: { encoding: 'text', contentType: 'text/plain', mode: 'whole' } }, { body: 'plain é' });
    expect(last().headers['content-type']).toBe('text/plain');
    expect(last().text).toBe('plain é');
  });

  it('toFile keeps names from Files and Responses', async () => {
    const f = await toFile(new Blob(['x']), 'x.bin');
    expect(f.name).toBe('x.bin');
    const fromResponse = await toFile(new Response('abc'), 'r.txt');
    expect(await fromResponse.text()).toBe('abc');
  });
});
