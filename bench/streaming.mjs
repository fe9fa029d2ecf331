#!/usr/bin/env node
/**
 * Benchmark: streaming overhead per event (not a test; run `npm run build` first).
 *
 *   node bench/streaming.mjs [--events 200000] [--rounds 5] [--json]
 *
 * A loopback `node:http` server in a worker thread sends N chat-completion-like SSE events
 * (~170 bytes each, 100 events per write) and `data: [DONE]`. Each round, in alternating order,
 * it reads the stream three ways and times the whole read:
 *
 * - hand-written: `fetch`, a reader, a TextDecoder, split on blank lines, `JSON.parse` of the
 *   `data:` line; the minimum a correct-enough loop does;
 * - Stream: the runtime's `Stream.fromResponse` over the same `fetch` response, `for await`;
 * - client: a `BaseClient` subclass calling a streaming operation (request building, retries
 *   wrapper, logging checks, then the same Stream).
 *
 * It prints the median time per event of each and the difference to the hand-written loop.
 * Budget: the Stream adds < 2 µs per event.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { median, repoRoot, table } from './lib.mjs';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(values.events);
const ROUNDS = Number(values.rounds);

const dist = (file) => pathToFileURL(path.join(repoRoot, 'dist/runtime/src', file)).href;
const { Stream } = await import(dist('core/streaming.js'));
const { BaseClient } = await import(dist('core/client.js'));

const serverSource = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const events = workerData.events;
const chunk = (i) => 'data: ' + JSON.stringify({ id: 'chatcmpl-' + i, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'token ' + i }, finish_reason: null }] }) + '\\n\\n';
const server = createServer(async (req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (let i = 0; i < events; ) {
    let batch = '';
    for (const end = Math.min(events, i + 100); i < end; i++) batch += chunk(i);
    if (!res.write(batch)) await new Promise((r) => res.once('drain', r));
  }
  res.end('data: [DONE]\\n\\n');
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;
const worker = new Worker(serverSource, { eval: true, workerData: { events: EVENTS } });
const port = await new Promise((resolve) => worker.once('message', resolve));
const url = `http://127.0.0.1:${port}/stream`;

async function handWritten() {
  const res = await fetch(url);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let count = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.startsWith('data: ') ? event.slice(6) : '';
      if (data === '[DONE]') return count;
      JSON.parse(data);
      count++;
    }
  }
  return count;
}

async function viaStream() {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  let count = 0;
  for await (const _item of Stream.fromResponse(res, { spec: { format: 'sse' }, controller })) count++;
  return count;
}

class BenchClient extends BaseClient {}
const client = new BenchClient(
  { apiKey: 'k', baseURL: `http://127.0.0.1:${port}`, logLevel: 'off' },
  {
    clientName: 'Bench',
    env: { baseURL: 'BENCH_BASE_URL', log: 'BENCH_LOG' },
    defaultBaseURL: '',
    auth: [],
    apiKeyRequired: false,
    version: '0',
  },
);
async function viaClient() {
  let count = 0;
  const stream = await client.request({ method: 'get', path: '/stream', stream: { format: 'sse' } }, null);
  for await (const _item of stream) count++;
  return count;
}

const ways = { 'hand-written': handWritten, Stream: viaStream, client: viaClient };
const times = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
for (let round = 0; round < ROUNDS + 1; round++) {
  const order = round % 2 ? Object.keys(ways).reverse() : Object.keys(ways);
  for (const name of order) {
    const start = process.hrtime.bigint();
    const count = await ways[name]();
    const ns = Number(process.hrtime.bigint() - start);
    if (count !== EVENTS) throw new Error(`${name} read ${count} events, expected ${EVENTS}`);
    if (round > 0) times[name].push(ns / EVENTS); // round 0 warms up
  }
}
await worker.terminate();

const base = median(times['hand-written']);
const rows = Object.entries(times).map(([name, list]) => {
  const m = median(list);
  return [name, `${(m / 1000).toFixed(3)} µs`, name === 'hand-written' ? '' : `${((m - base) / 1000).toFixed(3)} µs`];
});
if (values.json)
  console.log(JSON.stringify(Object.fromEntries(rows.map(([n, per, diff]) => [n, { perEvent: per, overhead: diff }]))));
else
  console.log(
    `${EVENTS} SSE events, median of ${ROUNDS} rounds\n\n${table([['way', 'per event', 'over hand-written'], ...rows])}`,
  );
