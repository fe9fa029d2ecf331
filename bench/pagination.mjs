#!/usr/bin/env node
/**
 * Benchmark: auto-pagination overhead (issue 5, Performance).
 *
 *   node bench/pagination.mjs [--runs 5] [--items 10000] [--page 100] [--json]
 *
 * A loopback `node:http` server (in a worker thread, pages pre-serialized) serves Stigg-shaped
 * pages of `/api/v1/customers`: `{ data: [...], pagination: { next, prev } }`, honouring `after`
 * and `limit`. In the same run, interleaved (the order flips every run), it iterates all items
 * (10,000 over 100 pages by default) with:
 *
 * - client:  `for await (const c of client.v1.customers.list({ limit: 100 }))` on the generated
 *            Stigg client (`output/stigg/src/index.ts` bundled with esbuild, default options);
 * - fetch:   a hand-written loop: `fetch` + `res.json()`, following `pagination.next`.
 *
 * It prints the median time of each and the ratio. Budget: client adds under 5 %.
 */

import os from 'node:os';
import path from 'node:path';

import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { bundleClient, median, repoRoot, table, tempDir } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    // Another generated Stigg client to measure (e.g. an older copy, for before/after numbers).
    entry: { type: 'string', default: path.join(repoRoot, 'output/stigg/src/index.ts') },
    runs: { type: 'string', default: '5' },
    items: { type: 'string', default: '10000' },
    page: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const ITEMS = Number(args.items);
const PAGE = Number(args.page);
const BUDGET = 0.05;
const stiggEntry = path.resolve(args.entry);

const tmp = tempDir('apiforge-bench-pagination-');

// ---------------------------------------------------------------------------------------------
// Server: every page body is serialized once up front, so the server costs the same per request
// for both variants and as little as possible.

const SERVER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { items: ITEMS } = workerData;
const all = Array.from({ length: ITEMS }, (_, i) => ({
  id: 'cus_' + String(i).padStart(6, '0'),
  name: 'Customer ' + i,
  email: 'customer' + i + '@example.com',
  billingId: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  archivedAt: null,
  metadata: { tier: i % 3 === 0 ? 'pro' : 'free' },
}));
const cache = new Map();
function page(start, limit) {
  const key = start + ':' + limit;
  let body = cache.get(key);
  if (!body) {
    const end = Math.min(ITEMS, start + limit);
    body = Buffer.from(JSON.stringify({
      data: all.slice(start, end),
      pagination: { next: end < ITEMS ? 'c' + end : null, prev: start > 0 ? 'c' + start : null },
    }));
    cache.set(key, body);
  }
  return body;
}
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname !== '/api/v1/customers') { res.writeHead(404); res.end(); return; }
  const after = url.searchParams.get('after');
  const start = after ? Number(after.slice(1)) : 0;
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const body = page(start, limit);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', (m) => {
  if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); }
});
`;

async function startServer() {
  const worker = new Worker(SERVER, { eval: true, workerData: { items: ITEMS } });
  const port = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        worker.once('exit', resolve);
        worker.postMessage('close');
      }),
  };
}

// ---------------------------------------------------------------------------------------------

const t0 = performance.now();
const { default: Stigg } = await bundleClient(stiggEntry, tmp);
const server = await startServer();
const client = new Stigg({ apiKey: 'k', baseURL: server.origin });

const variants = {
  async client() {
    let count = 0;
    let last;
    for await (const customer of client.v1.customers.list({ limit: PAGE })) {
      count++;
      last = customer.id;
    }
    return { count, last };
  },
  async fetch() {
    const headers = { accept: 'application/json', 'x-api-key': 'k' };
    let count = 0;
    let last;
    let after = null;
    for (;;) {
      const url = new URL('/api/v1/customers', server.origin);
      url.searchParams.set('limit', String(PAGE));
      if (after) url.searchParams.set('after', after);
      const res = await fetch(url, { headers });
      if (!res.ok) throw new Error(`status ${res.status}`);
      const body = await res.json();
      for (const customer of body.data) {
        count++;
        last = customer.id;
      }
      after = body.pagination?.next;
      if (!after || body.data.length === 0) break;
    }
    return { count, last };
  },
};

const expectedLast = `cus_${String(ITEMS - 1).padStart(6, '0')}`;
const samples = { fetch: [], client: [] };
try {
  // Warm-up (also primes the server's page cache) and a correctness check.
  for (const [name, fn] of Object.entries(variants)) {
    for (let i = 0; i < 2; i++) {
      const r = await fn();
      if (r.count !== ITEMS || r.last !== expectedLast) {
        throw new Error(
          `${name}: saw ${r.count} items ending at ${r.last}, expected ${ITEMS} ending at ${expectedLast}`,
        );
      }
    }
  }
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 ? ['client', 'fetch'] : ['fetch', 'client'];
    for (const name of order) {
      const start = performance.now();
      await variants[name]();
      samples[name].push(performance.now() - start);
    }
  }
} finally {
  await server.close();
}

const f = median(samples.fetch);
const c = median(samples.client);
const paired = median(samples.client.map((x, i) => x / samples.fetch[i]));
// The fastest run of each is the least disturbed by other load on the machine.
const best = Math.min(...samples.client) / Math.min(...samples.fetch);
const pages = Math.ceil(ITEMS / PAGE);

if (args.json) {
  console.log(
    JSON.stringify({ items: ITEMS, pages, samples, fetchMs: f, clientMs: c, ratio: paired, bestRatio: best }, null, 2),
  );
} else {
  const load = os.loadavg()[0];
  console.log(`\nAuto-pagination: ${ITEMS} items over ${pages} pages, loopback, ${RUNS} interleaved runs, median`);
  const busy = load > os.cpus().length ? ': busy machine, expect noise' : '';
  console.log(`(load average ${load.toFixed(1)} on ${os.cpus().length} CPUs${busy})\n`);
  console.log(
    table([
      ['variant', 'median', 'per page', 'best', 'runs (ms)'],
      [
        'hand-written fetch loop',
        `${f.toFixed(1)} ms`,
        `${((f / pages) * 1000).toFixed(0)} µs`,
        `${Math.min(...samples.fetch).toFixed(1)} ms`,
        samples.fetch.map((x) => x.toFixed(0)).join(' '),
      ],
      [
        'client for await',
        `${c.toFixed(1)} ms`,
        `${((c / pages) * 1000).toFixed(0)} µs`,
        `${Math.min(...samples.client).toFixed(1)} ms`,
        samples.client.map((x) => x.toFixed(0)).join(' '),
      ],
    ]),
  );
  const verdict = paired < 1 + BUDGET ? 'ok' : 'OVER';
  console.log(
    `\nratio client / fetch (paired median): ${paired.toFixed(3)} (${paired >= 1 ? '+' : ''}` +
      `${((paired - 1) * 100).toFixed(1)} %), budget < +${BUDGET * 100} %: ${verdict}`,
  );
  console.log(`best / best: ${best.toFixed(3)} (${best >= 1 ? '+' : ''}${((best - 1) * 100).toFixed(1)} %)`);
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
