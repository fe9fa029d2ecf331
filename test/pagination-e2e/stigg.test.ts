/**
 * The committed Stigg client (output/stigg) against a real loopback server that pages like the
 * Stigg API: `{ data, pagination: { next, prev } }` with `after` / `before` / `limit`.
 *
 * Every one of the 21 operations the official SDK paginates must walk all pages; every other GET
 * must hand back plain data, even when the body happens to look like a page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Stigg, { StiggError } from '../../output/stigg/src/index.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel, type ModelOptions } from '../../generator/model/build-model.js';
import type { Operation } from '../../generator/model/types.js';
import { corpusFile } from '../helpers/corpus.js';
import { repoRoot } from './helpers/generate.js';
import { sendJson, startLoopback, type LoopbackServer, type Seen } from './helpers/server.js';

const surfaceFile = corpusFile('stigg', 'official-sdk-surface.tsv');
const specFile = path.join(repoRoot, 'specs/stigg/openapi.yaml');
const configFile = path.join(repoRoot, 'specs/stigg/apiforge.config.json');

interface Row {
  method: string;
  path: string;
  operationId: string;
  sdkCall: string;
  paginated: boolean;
}

function readSurface(): Row[] {
  const [header = '', ...lines] = readFileSync(surfaceFile, 'utf8').trim().split('\n');
  const cols = header.split('\t');
  const col = (f: string[], name: string): string => f[cols.indexOf(name)] ?? '';
  return lines.map((line) => {
    const f = line.split('\t');
    return {
      method: col(f, 'method'),
      path: col(f, 'path'),
      operationId: col(f, 'operationId'),
      sdkCall: col(f, 'sdk_call'),
      paginated: col(f, 'paginated') === 'yes',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The server: every path has the same 10 items; cursors are opaque (`cur_<start index>`), so a
// client that derived them from item ids instead of `pagination.next` / `prev` would fail.

const TOTAL = 10;
const DEFAULT_LIMIT = 4;
const itemsFor = (p: string) => Array.from({ length: TOTAL }, (_, i) => ({ id: `${p}#${i}`, n: i }));
const cursor = (index: number) => `cur_${index}`;
const parseCursor = (value: string) => Number(/^cur_(\d+)$/.exec(value)?.[1] ?? NaN);

function stiggRoute(req: Seen, res: ServerResponse): void {
  const q = req.query;
  const all = itemsFor(req.path);
  const limit = q.has('limit') ? Number(q.get('limit')) : DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) return sendJson(res, 400, { message: `bad limit ${q.get('limit')}` });
  if (q.has('after') && q.has('before')) return sendJson(res, 400, { message: 'after and before together' });
  if (q.get('scenario') === 'empty-with-cursor') {
    // A misbehaving server: an empty page that still carries a cursor. The client must stop.
    return sendJson(res, 200, { data: [], pagination: { next: cursor(99), prev: cursor(98) } });
  }
  let start: number;
  let end: number;
  if (q.has('before')) {
    end = parseCursor(q.get('before')!);
    start = Math.max(0, end - limit);
  } else {
    start = q.has('after') ? parseCursor(q.get('after')!) : 0;
    end = Math.min(TOTAL, start + limit);
  }
  if (Number.isNaN(start) || Number.isNaN(end)) return sendJson(res, 400, { message: 'bad cursor' });
  const data = all.slice(start, end);
  sendJson(res, 200, {
    data,
    pagination: { next: end < TOTAL ? cursor(end) : null, prev: start > 0 ? cursor(start) : null },
  });
}

// ---------------------------------------------------------------------------------------------
// Calling an operation by its official call path, with id-like path params and minimal
// required params.

type Params = Record<string, unknown>;

interface CallPlan {
  /** Positional args before `options` (the last path param, then params). */
  args: (extra: Params) => unknown[];
  /** The path the server should see. */
  expectedPath: string;
  /** A declared, optional, non-paging query param to use as a filter (if the op has one). */
  filter: string | undefined;
  /** A declared header param to check it is repeated (if the op has one). */
  headerParam: string | undefined;
}

function plan(row: Row, op: Operation): CallPlan {
  const names = [...row.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const values = Object.fromEntries(names.map((n) => [n, `${n}-1`]));
  const expectedPath = row.path.replace(/\{([^}]+)\}/g, (_m, n: string) => values[n]!);
  const required: Params = {};
  for (const p of op.parameters) if (p.required && p.in !== 'path') required[p.name] = `${p.name}-req`;
  const paging = new Set(['after', 'before', 'limit']);
  const filter = op.parameters.find((p) => p.in === 'query' && !p.required && !paging.has(p.name))?.name;
  const headerParam = op.parameters.find((p) => p.in === 'header')?.name;
  const last = names.at(-1);
  return {
    args: (extra) => {
      const params: Params = { ...required, ...extra };
      if (last === undefined) return [params];
      for (const n of names.slice(0, -1)) params[n] = values[n];
      return [values[last], params];
    },
    expectedPath,
    filter,
    headerParam,
  };
}

/** `client.v1.customers.list` -> the bound method. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function method(client: Stigg, sdkCall: string): (...args: unknown[]) => any {
  const parts = sdkCall.split('.');
  const name = parts.pop()!;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let target: any = client;
  for (const p of parts) target = target?.[p];
  const fn = target?.[name];
  if (typeof fn !== 'function') throw new Error(`client.${sdkCall} is not a method`);
  return (...args: unknown[]) => fn.apply(target, args);
}

const ids = (items: Array<{ n: number }>) => items.map((i) => i.n);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('Stigg client: auto-pagination end to end', () => {
  const rows = readSurface();
  const paginated = rows.filter((r) => r.paginated);
  const plainGets = rows.filter((r) => !r.paginated && r.method === 'GET');
  let server: LoopbackServer;
  let client: Stigg;
  const ops = new Map<string, Operation>();

  beforeAll(async () => {
    server = await startLoopback(stiggRoute);
    client = new Stigg({ apiKey: 'k', baseURL: server.origin, maxRetries: 0, logLevel: 'off' });
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as ModelOptions;
    for (const op of buildModel(await loadSpec(specFile), config).operations) ops.set(op.id, op);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const planFor = (row: Row) => plan(row, ops.get(row.operationId)!);

  it('the surface has 21 paginated operations, and they are exactly the ones the client pages', () => {
    expect(paginated).toHaveLength(21);
    for (const row of rows) {
      const op = ops.get(row.operationId);
      expect(op, row.operationId).toBeDefined();
      expect(`${op!.resource.join('.')}.${op!.methodName}`, row.operationId).toBe(row.sdkCall);
      expect(op!.pagination?.style, row.sdkCall).toBe(row.paginated ? 'cursor' : undefined);
    }
  });

  describe.each(paginated.map((r) => [r.sdkCall, r] as const))('%s', (_name, row) => {
    it('for await walks every item of every page, forward, keeping filters, headers and limit', async () => {
      const p = planFor(row);
      const extra: Params = { limit: 3 };
      if (p.filter) extra[p.filter] = 'filter-1';
      if (p.headerParam) extra[p.headerParam] = 'hdr-1';
      const call = method(client, row.sdkCall);
      const promise = call(...p.args(extra), { query: { trace: 't-1' }, headers: { 'x-trace': 'h-1' } });
      expect(typeof promise[Symbol.asyncIterator]).toBe('function');

      const seen: Array<{ id: string; n: number }> = [];
      for await (const item of promise) seen.push(item);

      expect(ids(seen)).toEqual(range(0, TOTAL));
      expect(seen[0]!.id).toBe(`${p.expectedPath}#0`);
      const reqs = server.requestsTo(p.expectedPath);
      expect(server.requests).toHaveLength(reqs.length);
      expect(reqs.map((r) => r.query.get('after'))).toEqual([null, 'cur_3', 'cur_6', 'cur_9']);
      for (const r of reqs) {
        expect(r.method).toBe('GET');
        expect(r.query.get('limit')).toBe('3');
        expect(r.query.has('before')).toBe(false);
        expect(r.query.get('trace')).toBe('t-1');
        expect(r.headers['x-trace']).toBe('h-1');
        expect(r.headers['x-api-key']).toBe('k');
        if (p.filter) expect(r.query.get(p.filter), p.filter).toBe('filter-1');
        if (p.headerParam) expect(r.headers[p.headerParam.toLowerCase()], p.headerParam).toBe('hdr-1');
      }
    });

    it('iterPages() yields every page and stops on the last one', async () => {
      const p = planFor(row);
      const first = await method(client, row.sdkCall)(...p.args({}));
      expect(first.data.map((i: { n: number }) => i.n)).toEqual([0, 1, 2, 3]);
      const pages: Array<{ n: number[]; more: boolean }> = [];
      for await (const page of first.iterPages()) {
        pages.push({ n: ids(page.data), more: page.hasNextPage() });
      }
      expect(pages).toEqual([
        { n: [0, 1, 2, 3], more: true },
        { n: [4, 5, 6, 7], more: true },
        { n: [8, 9], more: false },
      ]);
      expect(server.requestsTo(p.expectedPath).map((r) => r.query.get('after'))).toEqual([null, 'cur_4', 'cur_8']);
    });

    it('pages backward with before = pagination.prev', async () => {
      const p = planFor(row);
      const extra: Params = { before: cursor(TOTAL), limit: 3 };
      if (p.filter) extra[p.filter] = 'filter-1';
      const seen: Array<{ n: number }> = [];
      for await (const item of method(client, row.sdkCall)(...p.args(extra))) seen.push(item);
      expect(ids(seen)).toEqual([7, 8, 9, 4, 5, 6, 1, 2, 3, 0]);
      const reqs = server.requestsTo(p.expectedPath);
      expect(reqs.map((r) => r.query.get('before'))).toEqual(['cur_10', 'cur_7', 'cur_4', 'cur_1']);
      for (const r of reqs) {
        expect(r.query.has('after')).toBe(false);
        expect(r.query.get('limit')).toBe('3');
        if (p.filter) expect(r.query.get(p.filter)).toBe('filter-1');
      }
    });
  });

  describe('paging details (v1.customers.list)', () => {
    it('await gives the first page only; getNextPage() walks on and throws after the last page', async () => {
      const page1 = await client.v1.customers.list({ limit: 5 });
      expect(server.requests).toHaveLength(1);
      expect(page1.data.map((c) => c.id)).toEqual(range(0, 5).map((i) => `/api/v1/customers#${i}`));
      expect(page1.hasNextPage()).toBe(true);
      const page2 = await page1.getNextPage();
      expect(page2.data).toHaveLength(5);
      expect(page2.hasNextPage()).toBe(false);
      await expect(page2.getNextPage()).rejects.toBeInstanceOf(StiggError);
      expect(server.requests).toHaveLength(2);
    });

    it('respects limit on every request (limit 2: five pages of two)', async () => {
      const sizes: number[] = [];
      for await (const page of (await client.v1.customers.list({ limit: 2 })).iterPages()) sizes.push(page.data.length);
      expect(sizes).toEqual([2, 2, 2, 2, 2]);
      expect(server.requests.map((r) => r.query.get('limit'))).toEqual(['2', '2', '2', '2', '2']);
    });

    it('respects a limit and a cursor passed through options.query', async () => {
      const seen: number[] = [];
      for await (const c of client.v1.customers.list({}, { query: { limit: 4, after: cursor(2) } })) {
        seen.push(Number(c.id.split('#')[1]));
      }
      expect(seen).toEqual(range(2, TOTAL));
      expect(server.requests.map((r) => [r.query.get('after'), r.query.get('limit')])).toEqual([
        ['cur_2', '4'],
        ['cur_6', '4'],
      ]);
      // `after` is never sent twice (params and options.query).
      for (const r of server.requests) expect(r.query.getAll('after')).toHaveLength(1);
    });

    it('starts mid-list from an explicit after cursor', async () => {
      const seen: string[] = [];
      for await (const c of client.v1.customers.list({ after: cursor(7), limit: 2 })) seen.push(c.id);
      expect(seen).toEqual(range(7, TOTAL).map((i) => `/api/v1/customers#${i}`));
    });

    it('keeps declared filters, including a deepObject filter, on every page', async () => {
      const list = client.v1.customers.list({
        limit: 4,
        email: 'a@b.co',
        name: 'Ann',
        createdAt: { gt: '2024-01-01T00:00:00Z', lte: '2025-01-01T00:00:00Z' },
      });
      let count = 0;
      for await (const _c of list) count++;
      expect(count).toBe(TOTAL);
      expect(server.requests).toHaveLength(3);
      for (const r of server.requests) {
        expect(r.query.get('email')).toBe('a@b.co');
        expect(r.query.get('name')).toBe('Ann');
        expect(r.query.get('createdAt[gt]')).toBe('2024-01-01T00:00:00Z');
        expect(r.query.get('createdAt[lte]')).toBe('2025-01-01T00:00:00Z');
      }
    });

    it('stops on an empty page even when the server still sends a cursor', async () => {
      const page = await client.v1.customers.list({}, { query: { scenario: 'empty-with-cursor' } });
      expect(page.data).toEqual([]);
      expect(page.hasNextPage()).toBe(false);
      let count = 0;
      for await (const _c of client.v1.customers.list({}, { query: { scenario: 'empty-with-cursor' } })) count++;
      expect(count).toBe(0);
      expect(server.requests).toHaveLength(2);
    });

    it('a page that fits in one request makes exactly one request', async () => {
      let count = 0;
      for await (const _c of client.v1.customers.list({ limit: 50 })) count++;
      expect(count).toBe(TOTAL);
      expect(server.requests).toHaveLength(1);
    });

    it('pages of different operations do not leak params into each other', async () => {
      const [a, b] = await Promise.all([
        client.v1.plans.list({ limit: 3, productId: 'p1' }),
        client.v1.addons.list({ limit: 4, productId: 'p2' }),
      ]);
      const [a2, b2] = await Promise.all([a.getNextPage(), b.getNextPage()]);
      expect(ids(a2.data as unknown as Array<{ n: number }>)).toEqual([3, 4, 5]);
      expect(ids(b2.data as unknown as Array<{ n: number }>)).toEqual([4, 5, 6, 7]);
      const plans = server.requestsTo('/api/v1/plans');
      const addons = server.requestsTo('/api/v1/addons');
      expect(plans.map((r) => r.query.get('productId'))).toEqual(['p1', 'p1']);
      expect(addons.map((r) => r.query.get('productId'))).toEqual(['p2', 'p2']);
    });
  });

  describe.each(plainGets.map((r) => [r.sdkCall, r] as const))('%s (not paginated)', (_name, row) => {
    it('await gives the plain body, with no paging surface', async () => {
      const p = planFor(row);
      const promise = method(client, row.sdkCall)(...p.args({}));
      expect(promise[Symbol.asyncIterator]).toBeUndefined();
      const result = await promise;
      // The server answers with a page-shaped body; the client must not wrap it.
      expect(result).toEqual({ data: itemsFor(p.expectedPath).slice(0, DEFAULT_LIMIT), pagination: { next: 'cur_4', prev: null } });
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(result.hasNextPage).toBeUndefined();
      expect(result.iterPages).toBeUndefined();
      expect(server.requests.map((r) => r.path)).toEqual([p.expectedPath]);
    });
  });
});
