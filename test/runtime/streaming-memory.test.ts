import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, expect, it } from 'vitest';
import type { Stream } from '../../runtime/src/core/streaming.js';
import type { OperationSpec } from '../../runtime/src/core/types.js';
import { Acme } from './fixtures/acme-client.js';
import { startServer, type TestServer } from './helpers/server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TOTAL = 100_000;
const spec: OperationSpec = { method: 'get', path: '/events', stream: { format: 'sse' } };

function heapMB(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

it('memory stays flat while reading 100,000 events', async () => {
  server = await startServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const event = (i: number) => `id: ${i}\ndata: {"index":${i},"delta":"${'x'.repeat(64)}"}\n\n`;
    for (let i = 0; i < TOTAL;) {
      let batch = '';
      for (const end = Math.min(TOTAL, i + 200); i < end; i++) batch += event(i);
      if (!res.write(batch)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end('data: [DONE]\n\n');
  });
  const client = new Acme({ apiKey: 'k', baseURL: server.url });
  const stream = await client.ops.call<Stream<{ index: number }>>(spec);
  let count = 0;
  let early = 0;
  let peak = 0;
  for await (const item of stream) {
    expect(item.index).toBe(count);
    count++;
    if (count === 10_000) early = heapMB();
    if (count % 30_000 === 0) peak = Math.max(peak, heapMB());
  }
  expect(count).toBe(TOTAL);
  // 100k events are ~10 MB on the wire; retaining them would grow the heap by far more than this.
  expect(peak - early).toBeLessThan(8);
});
