import { describe, expect, it } from 'vitest';
import { Acme } from './fixtures/acme-client.js';
import { json, startServer } from './helpers/server.js';


const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('load', () => {
  it('1,000 concurrent requests complete with no unhandled rejections and no leaked timers', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const server = await startServer((req, res) => {
      // every 10th request fails once with a retryable status
      if (req.query.get('flaky') === '1' && req.headers['x-retry-count'] !== '1') {
        return json(res, 503, {}, { 'retry-after-ms': '1' });
      }
      json(res, 200, { n: Number(req.query.get('n')) });
    });
    const before = timers();
    try {
      const c = new Acme({ apiKey: 'k', baseURL: server.url, timeout: 10_000 });
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, n) => c.get<{ n: number }>('/n', { query: { n, flaky: n % 10 === 0 ? 1 : 0 } })),
      );
      expect(results.map((r) => r.n)).toEqual(Array.from({ length: 1000 }, (_, n) => n));
      expect(server.requests).toHaveLength(1100);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await server.close();
      process.off('unhandledRejection', onUnhandled);
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).toEqual([]);
    expect(timers()).toBeLessThanOrEqual(before);
  }, 20_000);
});
