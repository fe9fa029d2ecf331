/**
 * Clients generated from the real GitHub, Stripe and DigitalOcean specs page through one list
 * operation each, against a loopback server that speaks that API's pagination:
 *
 * - GitHub `repos/list-for-org` (link-header): a bare array, `page` / `per_page`, and a `Link`
 *   header with absolute URLs. Like the real API, the links point at a different path
 *   (`/organizations/<id>/repos`) than the first request.
 * - Stripe `GetCustomers` (cursor-id): `{ object: 'list', data, has_more }`, `starting_after` /
 *   `ending_before` = an item id.
 * - DigitalOcean `droplets_list` (page-number): `{ droplets, links: { pages: { next } }, meta: { total } }`.
 *
 * The full specs come from `../shared` when it is there; else the vendored excerpts
 * (test/corpus/specs/*-excerpt) hold the same operations and schemas.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { corpusFile, findCorpusFile } from '../helpers/corpus.js';
import { generateAndImport } from './helpers/generate.js';
import { sendJson, startLoopback, type LoopbackServer, type Seen } from './helpers/server.js';

const GENERATE_TIMEOUT = 180_000;
const TOTAL = 10;

const githubSpec = findCorpusFile('github', 'api.github.com.json') ?? corpusFile('github-excerpt', 'openapi.json');
const stripeSpec = findCorpusFile('stripe', 'spec3.yaml') ?? corpusFile('stripe-excerpt', 'openapi.json');
const doSpec =
  findCorpusFile('digitalocean', 'specification/DigitalOcean-public.v2.yaml') ?? corpusFile('digitalocean-excerpt', 'openapi.json');

// ---------------------------------------------------------------------------------------------
// Servers

const repos = Array.from({ length: TOTAL }, (_, i) => ({ id: 1000 + i, name: `repo-${i}`, full_name: `acme/repo-${i}` }));

function githubRoute(req: Seen, res: ServerResponse, origin: string): void {
  if (req.path !== '/orgs/acme/repos' && req.path !== '/organizations/4242/repos') {
    return sendJson(res, 404, { message: 'Not Found' });
  }
  const q = req.query;
  const perPage = Number(q.get('per_page') ?? 30);
  const page = Number(q.get('page') ?? 1);
  const last = Math.ceil(TOTAL / perPage);
  const link = (n: number): string => {
    const u = new URLSearchParams(q);
    u.set('page', String(n));
    return `${origin}/organizations/4242/repos?${u.toString()}`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
  const headers: Record<string, string> = rels.length ? { link: rels.join(', ') } : {};
  sendJson(res, 200, repos.slice((page - 1) * perPage, page * perPage), headers);
}

const customers = Array.from({ length: TOTAL }, (_, i) => ({ id: `cus_${String.fromCharCode(65 + i)}${i}`, object: 'customer', email: `c${i}@x.co` }));

function stripeRoute(req: Seen, res: ServerResponse): void {
  if (req.path !== '/v1/customers') return sendJson(res, 404, { error: { message: 'Unrecognized request URL' } });
  if (req.method !== 'GET') return sendJson(res, 405, { error: { message: req.method } });
  if (req.body !== '') return sendJson(res, 400, { error: { message: `unexpected GET body: ${req.body}` } });
  const q = req.query;
  const limit = Number(q.get('limit') ?? 10);
  const after = q.get('starting_after');
  const before = q.get('ending_before');
  if (after && before) return sendJson(res, 400, { error: { message: 'starting_after and ending_before' } });
  const index = (id: string) => customers.findIndex((c) => c.id === id);
  let start: number;
  let end: number;
  if (before) {
    end = index(before);
    start = Math.max(0, end - limit);
  } else {
    start = after ? index(after) + 1 : 0;
    end = Math.min(TOTAL, start + limit);
  }
  const hasMore = before ? start > 0 : end < TOTAL;
  sendJson(res, 200, { object: 'list', url: '/v1/customers', has_more: hasMore, data: customers.slice(start, end) });
}

const droplets = Array.from({ length: TOTAL }, (_, i) => ({ id: 3000 + i, name: `droplet-${i}`, status: 'active' }));

function doRoute(req: Seen, res: ServerResponse, origin: string): void {
  if (req.path !== '/v2/droplets') return sendJson(res, 404, { id: 'not_found', message: 'nope' });
  const q = req.query;
  const perPage = Number(q.get('per_page') ?? 20);
  const page = Number(q.get('page') ?? 1);
  const last = Math.ceil(TOTAL / perPage);
  const url = (n: number) => {
    const u = new URLSearchParams(q);
    u.set('page', String(n));
    return `${origin}/v2/droplets?${u.toString()}`;
  };
  const pages: Record<string, string> = {};
  if (page > 1) Object.assign(pages, { first: url(1), prev: url(page - 1) });
  if (page < last) Object.assign(pages, { next: url(page + 1), last: url(last) });
  sendJson(res, 200, {
    droplets: droplets.slice((page - 1) * perPage, page * perPage),
    links: { pages },
    meta: { total: TOTAL },
  });
}

// ---------------------------------------------------------------------------------------------

describe('GitHub client: repos/list-for-org follows Link rel="next"', () => {
  let server: LoopbackServer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let client: any;
  let cleanup = () => {};

  beforeAll(async () => {
    const gen = await generateAndImport(githubSpec, 'github', 'GitHub');
    cleanup = gen.cleanup;
    const op = gen.result.model.operations.find((o) => o.id === 'repos/list-for-org');
    expect(op?.pagination?.style).toBe('link-header');
    expect(`${op!.resource.join('.')}.${op!.methodName}`).toBe('orgs.repos.list');
    server = await startLoopback(githubRoute);
    // The GitHub spec declares no security schemes, so credentials go in defaultHeaders.
    client = new gen.mod.GitHub({
      baseURL: server.origin,
      maxRetries: 0,
      logLevel: 'off',
      defaultHeaders: { authorization: 'Bearer ghp_test' },
    });
  }, GENERATE_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('for await walks all items across 4 pages, in order, each once', async () => {
    const seen: Array<{ name: string }> = [];
    for await (const repo of client.orgs.repos.list('acme', { per_page: 3, type: 'public', sort: 'full_name' })) seen.push(repo);
    expect(seen.map((r) => r.name)).toEqual(repos.map((r) => r.name));
    expect(server.requests.map((r) => r.path)).toEqual([
      '/orgs/acme/repos',
      '/organizations/4242/repos',
      '/organizations/4242/repos',
      '/organizations/4242/repos',
    ]);
    expect(server.requests.map((r) => r.query.get('page'))).toEqual([null, '2', '3', '4']);
    for (const r of server.requests) {
      expect(r.query.get('per_page')).toBe('3');
      expect(r.query.get('type')).toBe('public');
      expect(r.query.get('sort')).toBe('full_name');
      // Each param once: the link's query replaces the original query, it is not appended to it.
      expect(r.query.getAll('per_page')).toHaveLength(1);
      expect(r.query.getAll('page').length).toBeLessThanOrEqual(1);
      expect(r.headers.authorization).toBe('Bearer ghp_test');
    }
  });

  it('iterPages() yields 4 pages and stops where the Link header has no rel="next"', async () => {
    const first = await client.orgs.repos.list('acme', { per_page: 3 });
    const sizes: number[] = [];
    const more: boolean[] = [];
    for await (const page of first.iterPages()) {
      sizes.push(page.data.length);
      more.push(page.hasNextPage());
    }
    expect(sizes).toEqual([3, 3, 3, 1]);
    expect(more).toEqual([true, true, true, false]);
    expect(server.requests).toHaveLength(4);
  });

  it('keeps per-call headers on link-followed pages', async () => {
    let n = 0;
    for await (const _r of client.orgs.repos.list('acme', { per_page: 4 }, { headers: { 'x-trace': 'gh-1' } })) n++;
    expect(n).toBe(TOTAL);
    expect(server.requests).toHaveLength(3);
    for (const r of server.requests) expect(r.headers['x-trace']).toBe('gh-1');
  });

  it('refuses to follow a Link to another origin', async () => {
    const other = client.withOptions({ baseURL: server.origin.replace('127.0.0.1', 'localhost') });
    // The server answers links on 127.0.0.1, which is not the client's origin (localhost).
    const first = await other.orgs.repos.list('acme', { per_page: 3 });
    expect(first.data).toHaveLength(3);
    await expect(first.getNextPage()).rejects.toThrow(/another host/);
  });
});

// Stripe declares a requestBody (an empty `application/x-www-form-urlencoded` object) on 216 GET
// operations, GetCustomers included. The client must still send these GETs without a body: fetch
// rejects a GET with a body ("Request with GET/HEAD method cannot have body").
describe('Stripe client: GetCustomers pages with has_more + starting_after', () => {
  let server: LoopbackServer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let client: any;
  let cleanup = () => {};

  beforeAll(async () => {
    const gen = await generateAndImport(stripeSpec, 'stripe');
    cleanup = gen.cleanup;
    const op = gen.result.model.operations.find((o) => o.id === 'GetCustomers');
    expect(op?.pagination?.style).toBe('cursor-id');
    expect(`${op!.resource.join('.')}.${op!.methodName}`).toBe('v1.customers.list');
    server = await startLoopback(stripeRoute);
    client = new gen.mod.Stripe({ apiKey: 'sk_test_123', baseURL: server.origin, maxRetries: 0, logLevel: 'off' });
  }, GENERATE_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('for await walks all items across 4 pages, in order, each once', async () => {
    const seen: string[] = [];
    for await (const c of client.v1.customers.list({ limit: 3, email: 'filter@x.co' })) seen.push(c.id);
    expect(seen).toEqual(customers.map((c) => c.id));
    expect(server.requests.map((r) => r.query.get('starting_after'))).toEqual([null, customers[2]!.id, customers[5]!.id, customers[8]!.id]);
    for (const r of server.requests) {
      expect(r.method).toBe('GET');
      expect(r.body).toBe('');
      expect(r.query.get('limit')).toBe('3');
      expect(r.query.get('email')).toBe('filter@x.co');
      expect(r.query.has('ending_before')).toBe(false);
    }
  });

  it('iterPages() yields 4 pages; the last has has_more = false', async () => {
    const first = await client.v1.customers.list({ limit: 3 });
    const pages: Array<[number, boolean]> = [];
    for await (const page of first.iterPages()) pages.push([page.data.length, page.hasNextPage()]);
    expect(pages).toEqual([
      [3, true],
      [3, true],
      [3, true],
      [1, false],
    ]);
  });

  it('pages backward with ending_before = the first item id', async () => {
    const seen: string[] = [];
    for await (const c of client.v1.customers.list({ limit: 3, ending_before: customers[9]!.id })) seen.push(c.id);
    const expected = [6, 7, 8, 3, 4, 5, 0, 1, 2].map((i) => customers[i]!.id);
    expect(seen).toEqual(expected);
    expect(server.requests.map((r) => r.query.get('ending_before'))).toEqual([customers[9]!.id, customers[6]!.id, customers[3]!.id]);
    for (const r of server.requests) expect(r.query.has('starting_after')).toBe(false);
  });
});

describe('DigitalOcean client: droplets_list pages with page + links.pages.next', () => {
  let server: LoopbackServer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let client: any;
  let cleanup = () => {};

  beforeAll(async () => {
    const gen = await generateAndImport(doSpec, 'digitalocean');
    cleanup = gen.cleanup;
    const op = gen.result.model.operations.find((o) => o.id === 'droplets_list');
    expect(op?.pagination).toMatchObject({ style: 'page-number', next: ['links', 'pages', 'next'], total: ['meta', 'total'] });
    expect(`${op!.resource.join('.')}.${op!.methodName}`).toBe('v2.droplets.list');
    server = await startLoopback(doRoute);
    client = new gen.mod.DigitalOcean({ apiKey: 'dop_v1_test', baseURL: server.origin, maxRetries: 0, logLevel: 'off' });
  }, GENERATE_TIMEOUT);
  afterAll(async () => {
    await server?.close();
    cleanup();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('for await walks all items across 4 pages, in order, each once', async () => {
    const seen: string[] = [];
    for await (const d of client.v2.droplets.list({ per_page: 3, tag_name: 'web' })) seen.push(d.name);
    expect(seen).toEqual(droplets.map((d) => d.name));
    expect(server.requests.map((r) => r.query.get('page'))).toEqual([null, '2', '3', '4']);
    for (const r of server.requests) {
      expect(r.query.get('per_page')).toBe('3');
      expect(r.query.get('tag_name')).toBe('web');
      expect(r.headers.authorization).toBe('Bearer dop_v1_test');
    }
  });

  it('iterPages() yields 4 pages and stops when links.pages.next is gone', async () => {
    const first = await client.v2.droplets.list({ per_page: 3 });
    const pages: Array<[number, boolean]> = [];
    for await (const page of first.iterPages()) pages.push([page.data.length, page.hasNextPage()]);
    expect(pages).toEqual([
      [3, true],
      [3, true],
      [3, true],
      [1, false],
    ]);
    expect(server.requests).toHaveLength(4);
  });

  it('starts from an explicit page and stops at meta.total', async () => {
    const seen: string[] = [];
    for await (const d of client.v2.droplets.list({ per_page: 2, page: 3 })) seen.push(d.name);
    expect(seen).toEqual(droplets.slice(4).map((d) => d.name));
    expect(server.requests.map((r) => r.query.get('page'))).toEqual(['3', '4', '5']);
  });
});
