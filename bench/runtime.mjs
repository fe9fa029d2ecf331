#!/usr/bin/env node
/**
 * Benchmark: the generated client's runtime (issue 4, Performance).
 *
 *   node bench/runtime.mjs [--rounds 5] [--requests 2000] [--concurrency 16] [--json]
 *
 * (a) Per-request overhead. `output/stigg/src/index.ts` is bundled with esbuild into a temp ESM
 *     file and imported. A loopback `node:http` server (in a worker thread) answers every GET with
 *     the same small JSON body. In the same run, round by round (the order rotates every round), it
 *     times N sequential requests made with `client.v1.customers.retrieve('id')` (client defaults:
 *     retries, timeout, logging), N made with the official SDK (or its Stainless stand-in, see
 *     loadOfficialSdk) and N made with bare `fetch` + `res.json()`, then the same at concurrency C.
 *     It prints the median µs per request of each and the paired overhead over fetch.
 * (b) Runtime size. esbuild bundles a one-call app (minify, tree-shaking, ESM, platform neutral)
 *     and reports its minified and gzipped size (budget: 8 KB gzipped), which modules dominate
 *     (metafile), and the same app built without the generated resource tree (a lower bound for
 *     a tree-shakeable client).
 * (c) CPU per call. The same bundled client with a fake `fetch` that answers synchronously with a
 *     prebuilt small JSON `Response` (no network), against calling that fake fetch directly +
 *     `res.json()`. The difference is the runtime's own CPU cost per call (request building,
 *     headers, timers, logging, parsing). Sequential, median of rounds.
 *
 *   --only overhead,size,cpu   runs only the listed sections (default: all)
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { bundleClient, ensureBenchDeps, median, repoRoot, table, tempDir } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    // Another generated Stigg client to measure (e.g. an older copy, for before/after numbers).
    entry: { type: 'string', default: path.join(repoRoot, 'output/stigg/src/index.ts') },
    rounds: { type: 'string', default: '5' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    json: { type: 'boolean', default: false },
    only: { type: 'string', default: 'overhead,size,cpu' },
    'cpu-calls': { type: 'string', default: '20000' },
  },
});
const ONLY = new Set(args.only.split(',').map((x) => x.trim()));
const CPU_CALLS = Number(args['cpu-calls']);
const stiggEntry = path.resolve(args.entry);
const stiggSrc = path.dirname(stiggEntry);
const ROUNDS = Number(args.rounds);
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const WARMUP = 500;
const SIZE_BUDGET_GZIP = 8 * 1024;

const tmp = tempDir('apiforge-bench-runtime-');

// ---------------------------------------------------------------------------------------------
// Loopback server in a worker thread, so its work runs on its own event loop.

const SERVER = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const body = JSON.stringify({
  id: 'cus_123', name: 'Ada Lovelace', email: 'ada@example.com', billingId: null,
  createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-02T00:00:00.000Z', archivedAt: null,
  metadata: { plan: 'pro' },
});
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', (m) => {
  if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); }
});
`;

async function startServer() {
  const worker = new Worker(SERVER, { eval: true });
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
// Helpers

const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Runs `n` calls of `fn`, `concurrency` at a time; returns ms per request (wall time / n). */
async function timeRequests(fn, n, concurrency) {
  let next = 0;
  const lane = async () => {
    while (next < n) {
      next++;
      await fn();
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return (performance.now() - t0) / n;
}

// ---------------------------------------------------------------------------------------------
// (a) per-request overhead

/**
 * The official Stigg SDK (github.com/stiggio/stigg-typescript, generated by Stainless) when it can be installed
 * from npm; it is not published there yet, so the stand-in is another Stainless-generated SDK of the same
 * generation (same runtime: APIPromise, retries, timeouts, logging), the `openai` package, making the same kind
 * of call: a GET of one resource by id, parsed as JSON. Both come from bench/package.json.
 */
async function loadOfficialSdk(origin) {
  ensureBenchDeps();
  try {
    const { default: Stigg } = await import('@stigg/typescript');
    const sdk = new Stigg({ apiKey: 'k', baseURL: origin });
    return { label: 'official Stigg SDK', call: () => sdk.v1.customers.retrieve('id') };
  } catch {
    const { default: OpenAI } = await import('openai');
    const sdk = new OpenAI({ apiKey: 'k', baseURL: `${origin}/api/v1` });
    return {
      label: 'Stainless SDK (openai, stand-in for the official Stigg SDK)',
      call: () => sdk.models.retrieve('id'),
    };
  }
}

async function overhead() {
  const { default: Stigg } = await bundleClient(stiggEntry, tmp);
  const server = await startServer();
  try {
    const client = new Stigg({ apiKey: 'k', baseURL: server.origin });
    const sdk = await loadOfficialSdk(server.origin);
    const url = `${server.origin}/api/v1/customers/id`;
    const headers = { accept: 'application/json', 'x-api-key': 'k' };
    const variants = {
      fetch: async () => {
        const res = await fetch(url, { headers });
        if (!res.ok) throw new Error(`status ${res.status}`);
        return res.json();
      },
      client: () => client.v1.customers.retrieve('id'),
      sdk: sdk.call,
    };
    // Sanity: all three see the same body.
    const [a, b, c] = await Promise.all([variants.fetch(), variants.client(), variants.sdk()]);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('client and fetch disagree');
    if (c.id !== a.id) throw new Error('SDK and fetch disagree');

    const names = Object.keys(variants);
    const results = [];
    for (const concurrency of [1, CONCURRENCY]) {
      for (const fn of Object.values(variants)) await timeRequests(fn, WARMUP, concurrency);
      const samples = Object.fromEntries(names.map((n) => [n, []]));
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate the order so no variant always runs first (or right after another's garbage).
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + round) % names.length];
          samples[name].push(await timeRequests(variants[name], REQUESTS, concurrency));
        }
      }
      // Paired per round (same round, same machine state), then the median: steadier than a ratio of medians.
      const pairedRatio = (n) => median(samples[n].map((x, i) => x / samples.fetch[i]));
      const pairedExtra = (n) => median(samples[n].map((x, i) => x - samples.fetch[i]));
      results.push({
        concurrency,
        sdkLabel: sdk.label,
        samples,
        fetchMs: median(samples.fetch),
        clientMs: median(samples.client),
        sdkMs: median(samples.sdk),
        ratio: pairedRatio('client'),
        extraMs: pairedExtra('client'),
        sdkRatio: pairedRatio('sdk'),
        sdkExtraMs: pairedExtra('sdk'),
      });
    }
    return results;
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (b) size of a one-call app

async function bundleApp(contents, name) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: `${name}.ts`, loader: 'ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
    outfile: path.join(tmp, `${name}.js`),
  });
  const out = result.outputFiles[0].contents;
  const [meta] = Object.values(result.metafile.outputs);
  const modules = Object.entries(meta.inputs)
    .map(([file, info]) => ({
      file: path.relative(stiggSrc, path.resolve(repoRoot, file)).replaceAll('\\', '/'),
      bytes: info.bytesInOutput,
    }))
    .filter((m) => m.bytes > 0)
    .sort((x, y) => y.bytes - x.bytes);
  return { minified: out.length, gzip: gzipSync(out, { level: 9 }).length, modules };
}

function group(file) {
  if (file.startsWith('resources/')) return 'resources/** (resource classes + OperationSpecs)';
  if (file.startsWith('core/')) return 'core/**';
  if (file.startsWith('internal/')) return 'internal/**';
  if (file === 'client.ts') return 'client.ts';
  return file;
}

/** A client class with only the runtime's base class, configured as the generated Stigg client is. */
const MINI_CLIENT = `class Mini extends BaseClient {
  constructor(o) {
    super(o, {
      clientName: 'Stigg',
      env: { apiKey: 'STIGG_API_KEY', baseURL: 'STIGG_BASE_URL', log: 'STIGG_LOG' },
      defaultBaseURL: 'https://api.stigg.io',
      auth: [{ id: 'ApiKeyAuth', type: 'apiKey', in: 'header', name: 'X-API-KEY' }],
      apiKeyRequired: true,
      version: '7.59.1',
      idempotency: { header: 'Idempotency-Key', methods: ['post'] },
    });
  }
}`;

async function size() {
  const entry = JSON.stringify(stiggEntry.replaceAll('\\', '/'));
  const app = await bundleApp(
    [
      `import Stigg from ${entry};`,
      "const c = new Stigg({ apiKey: 'k' });",
      "console.log(await c.v1.customers.retrieve('x'));",
      '',
    ].join('\n'),
    'one-call-app',
  );
  // Lower bound: the same call with only the runtime and the one resource it needs, i.e. what a
  // client whose resources tree-shake would cost.
  const rel = (p) => JSON.stringify(path.join(stiggSrc, p).replaceAll('\\', '/'));
  const floor = await bundleApp(
    `import { BaseClient } from ${rel('core/client.ts')};
import { Customers } from ${rel('resources/v1/customers.ts')};
${MINI_CLIENT}
const c = new Mini({ apiKey: 'k' });
console.log(await new Customers(c).retrieve('x'));\n`,
    'runtime-floor',
  );
  // The runtime alone: a raw call through BaseClient, no generated resource at all.
  const runtime = await bundleApp(
    `import { BaseClient } from ${rel('core/client.ts')};
${MINI_CLIENT}
const c = new Mini({ apiKey: 'k' });
console.log(await c.get('/api/v1/customers/x'));\n`,
    'runtime-only',
  );
  return { app, floor, runtime };
}

// ---------------------------------------------------------------------------------------------
// (c) CPU per call with a fake fetch

const CPU_BODY = JSON.stringify({
  id: 'cus_123',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  billingId: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  archivedAt: null,
  metadata: { plan: 'pro' },
});
const CPU_HEADERS = { 'content-type': 'application/json', 'content-length': String(CPU_BODY.length) };

async function cpu() {
  const { default: Stigg } = await bundleClient(stiggEntry, tmp);
  const fakeFetch = async () => new Response(CPU_BODY, { status: 200, headers: CPU_HEADERS });
  const client = new Stigg({ apiKey: 'k', baseURL: 'http://127.0.0.1:1', fetch: fakeFetch });
  const url = 'http://127.0.0.1:1/api/v1/customers/id';
  const headers = { accept: 'application/json', 'x-api-key': 'k' };
  const variants = {
    fetch: async () => (await fakeFetch(url, { headers })).json(),
    client: () => client.v1.customers.retrieve('id'),
  };
  const time = async (fn, n) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return ((performance.now() - t) / n) * 1000;
  };
  for (const fn of Object.values(variants)) await time(fn, 5000);
  const samples = { fetch: [], client: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? ['client', 'fetch'] : ['fetch', 'client'];
    for (const name of order) samples[name].push(await time(variants[name], CPU_CALLS));
  }
  const f = median(samples.fetch);
  const c = median(samples.client);
  return { fetchUs: f, clientUs: c, runtimeUs: median(samples.client.map((x, i) => x - samples.fetch[i])), samples };
}

// ---------------------------------------------------------------------------------------------

const t0 = performance.now();
/** Runs one section; a section that breaks (say, after the runtime's layout changed) does not stop the others. */
async function section(name, run, fallback) {
  if (!ONLY.has(name)) return fallback;
  try {
    return await run();
  } catch (error) {
    console.error(`runtime bench: section ${name} failed: ${error.message}`);
    process.exitCode = 1;
    return fallback;
  }
}
const over = await section('overhead', overhead, []);
const sizes = await section('size', size, undefined);
const cpuResult = await section('cpu', cpu, undefined);

if (args.json) {
  console.log(JSON.stringify({ overhead: over, size: sizes, cpu: cpuResult }, null, 2));
} else {
  if (over.length) {
    console.log(`\n(a) Per-request overhead over bare fetch, loopback, small JSON, side by side`);
    console.log(
      `    ${ROUNDS} rounds (variants alternate, order rotated) x ${REQUESTS} requests each, median; default options`,
    );
    console.log(`    SDK: ${over[0].sdkLabel}`);
    const load = os.loadavg()[0];
    const busy = load > os.cpus().length ? ': busy machine, expect noise' : '';
    console.log(`    (load average ${load.toFixed(1)} on ${os.cpus().length} CPUs${busy})\n`);
    console.log(
      table([
        [
          'concurrency',
          'fetch / req',
          'apiforge client / req',
          'overhead (paired)',
          'ratio',
          'SDK / req',
          'SDK overhead (paired)',
          'SDK ratio',
        ],
        ...over.map((r) => [
          r.concurrency,
          us(r.fetchMs),
          us(r.clientMs),
          us(r.extraMs),
          `${r.ratio.toFixed(3)} (${pct(r.ratio)})`,
          us(r.sdkMs),
          us(r.sdkExtraMs),
          `${r.sdkRatio.toFixed(3)} (${pct(r.sdkRatio)})`,
        ]),
      ]),
    );
    console.log('\n    per-round µs / request (fetch | apiforge client | SDK):');
    for (const r of over) {
      const row = (n) => r.samples[n].map((x) => (x * 1000).toFixed(1)).join(' ');
      console.log(`    c=${r.concurrency}: ${row('fetch')} | ${row('client')} | ${row('sdk')}`);
    }
  }
  if (sizes) {
    const { app, floor, runtime } = sizes;
    console.log(
      "\n(b) Runtime size: one-call app (new Stigg(); c.v1.customers.retrieve('x')), " +
        'esbuild minify + tree-shake, esm, neutral\n',
    );
    console.log(
      table([
        ['bundle', 'minified', 'gzip -9', `budget ${kb(SIZE_BUDGET_GZIP)} gz`],
        ['one-call app (as generated)', kb(app.minified), kb(app.gzip), app.gzip <= SIZE_BUDGET_GZIP ? 'ok' : 'OVER'],
        [
          'floor: runtime + Customers only',
          kb(floor.minified),
          kb(floor.gzip),
          floor.gzip <= SIZE_BUDGET_GZIP ? 'ok' : 'OVER',
        ],
        [
          'runtime only (raw client.get)',
          kb(runtime.minified),
          kb(runtime.gzip),
          runtime.gzip <= SIZE_BUDGET_GZIP ? 'ok' : 'OVER',
        ],
      ]),
    );
    const groups = new Map();
    for (const m of app.modules) groups.set(group(m.file), (groups.get(group(m.file)) ?? 0) + m.bytes);
    console.log(`\n    one-call app by area (minified bytes in output)\n`);
    console.log(
      table([
        ['area', 'bytes', 'share'],
        ...[...groups]
          .sort((x, y) => y[1] - x[1])
          .map(([g, b]) => [g, b, `${((b / app.minified) * 100).toFixed(1)} %`]),
      ]),
    );
    console.log(`\n    largest modules of the one-call app, and of the runtime-only bundle\n`);
    const top = app.modules.slice(0, 12);
    const rt = runtime.modules.filter((m) => !m.file.startsWith('..')).slice(0, 12);
    console.log(
      table([
        ['module (one-call app)', 'bytes', 'module (runtime only)', 'bytes'],
        ...top.map((m, i) => [m.file, m.bytes, rt[i]?.file ?? '', rt[i]?.bytes ?? '']),
      ]),
    );
    console.log(`\n    ${app.modules.length} modules in the one-call app, ${floor.modules.length} in the floor bundle`);
  }
  if (cpuResult) {
    const r = cpuResult;
    console.log(
      `\n(c) CPU per call, fake fetch (no network), sequential, ${ROUNDS} rounds x ${CPU_CALLS} calls, median\n`,
    );
    console.log(
      table([
        ['variant', 'µs / call', 'rounds'],
        ['fake fetch + res.json()', r.fetchUs.toFixed(2), r.samples.fetch.map((x) => x.toFixed(1)).join(' ')],
        ['client.v1.customers.retrieve', r.clientUs.toFixed(2), r.samples.client.map((x) => x.toFixed(1)).join(' ')],
        ['runtime CPU (paired difference)', r.runtimeUs.toFixed(2), ''],
      ]),
    );
  }
  console.log(`    done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
