import { afterEach, describe, expect, it } from 'vitest';
import * as mod from './fixtures/acme-client.js';
import { Acme } from './fixtures/acme-client.js';
import * as retry from '../../runtime/src/internal/retry.js';
import { captureLogger, json, rejection, startServer, type TestServer } from './helpers/server.js';


let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Fast retries: the server asks for tiny delays through retry-after-ms. */
const fast = { 'retry-after-ms': '5' };
const client = (opts: Record<string, unknown> = {}) => new Acme({ apiKey: 'k', baseURL: server!.url, ...opts });

describe('retries', () => {
  it('retries a 429 after retry-after, then succeeds', async () => {
    server = await startServer((req, res) => {
      if (req.index === 0) return json(res, 429, { message: 'slow down' }, { 'retry-after': '0.02' });
      json(res, 200, { ok: true });
    });
    const started = Date.now();
    expect(await client().get('/x')).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(server.requests.map((r) => r.headers['x-retry-count'])).toEqual(['0', '1']);
  });

  it('retries 503 twice then succeeds', async () => {
    server = await startServer((req, res) => {
      if (req.index < 2) return json(res, 503, { message: 'unavailable' }, fast);
      json(res, 200, { ok: true });
    });
    expect(await client().get('/x')).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    server = await startServer((_req, res) => json(res, 502, { message: 'bad gateway' }, fast));
    const err = await rejection(client({ maxRetries: 1 }).get('/x'), mod.InternalServerError);
    expect(err.status).toBe(502);
    expect(server.requests).toHaveLength(2);
  });

  it('per-call maxRetries overrides the client', async () => {
    server = await startServer((_req, res) => json(res, 500, {}, fast));
    await expect(client().get('/x', { maxRetries: 0 })).rejects.toBeInstanceOf(mod.InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('x-should-retry: false on a 500 is not retried; true on a 400 is', async () => {
    server = await startServer((req, res) => {
      if (req.path === '/no') return json(res, 500, { message: 'no' }, { 'x-should-retry': 'false' });
      if (req.index === 1) return json(res, 400, { message: 'yes' }, { 'x-should-retry': 'true', ...fast });
      json(res, 200, { ok: true });
    });
    await expect(client().get('/no')).rejects.toBeInstanceOf(mod.InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(await client().get('/yes')).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry other 4xx', async () => {
    server = await startServer((_req, res) => json(res, 404, { message: 'nope' }));
    await expect(client().get('/x')).rejects.toBeInstanceOf(mod.NotFoundError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection reset before the response, then succeeds', async () => {
    server = await startServer((req, res, raw) => {
      if (req.index === 0) return void raw.socket.destroy();
      json(res, 200, { ok: true });
    });
    expect(await client({ maxRetries: 1 }).get('/x', { timeout: 2000 })).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  }, 5000);

  it('surfaces a reset mid-response (after headers) as APIConnectionError', async () => {
    server = await startServer((_req, res, raw) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => raw.socket.destroy(), 10);
    });
    const err = await rejection(client().get('/x'), mod.APIConnectionError);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('fails with APIConnectionError after retries when nothing listens', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const url = server.url;
    await server.close();
    server = undefined;
    const c = new Acme({ apiKey: 'k', baseURL: url, maxRetries: 1 });
    const err = await rejection(c.get('/x'), mod.APIConnectionError);
    expect(err).not.toBeInstanceOf(mod.APIConnectionTimeoutError);
    expect(err.message).toBe('Connection error.');
  }, 5000);

  it('times out, retries, then throws APIConnectionTimeoutError', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const started = Date.now();
    const err = await client({ timeout: 100, maxRetries: 1 }).get('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(mod.APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
    // two 100 ms attempts plus one backoff (375..500 ms)
    expect(Date.now() - started).toBeLessThan(2000);
  }, 5000);

  it('a user abort mid-request throws APIUserAbortError and is not retried', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = client({ timeout: 5000 }).get('/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(mod.APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('a user abort during the backoff sleep stops retrying', async () => {
    server = await startServer((_req, res) => json(res, 503, {}, { 'retry-after': '5' }));
    const controller = new AbortController();
    const pending = client().get('/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toBeInstanceOf(mod.APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal never sends', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    await expect(client().get('/x', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(mod.APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('idempotency', () => {
  it('a retried POST carries the same Idempotency-Key on every attempt', async () => {
    server = await startServer((req, res) => {
      if (req.index < 2) return json(res, 500, {}, fast);
      json(res, 201, { id: 'c1' });
    });
    const { lines, logger } = captureLogger();
    expect(await client({ logger, logLevel: 'info' }).v1.customers.create({ id: 'c1' })).toEqual({ id: 'c1' });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    expect(server.requests.map((r) => r.headers['x-retry-count'])).toEqual(['0', '1', '2']);
    // the same log id on every attempt
    const ids = new Set(lines.map((l) => /^\[(log_[0-9a-f]{6})\]/.exec(l.message)?.[1]));
    expect(ids.size).toBe(1);
    expect(lines.filter((l) => /retrying/.test(l.message))).toHaveLength(2);
  });

  it('two logical requests get different keys; GET gets none unless asked', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    await client().v1.customers.create({ id: 'a' });
    await client().v1.customers.create({ id: 'b' });
    await client().get('/x');
    await client().get('/x', { idempotencyKey: 'mine' });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBeUndefined();
    expect(keys[3]).toBe('mine');
  });
});

describe('retry delay', () => {
  const h = (init: Record<string, string>) => new Headers(init);

  it('backs off min(0.5 * 2^n, 8) s with up to 25 % downward jitter', () => {
    const expected = [500, 1000, 2000, 4000, 8000, 8000];
    expected.forEach((ms, n) => {
      expect(retry.retryDelayMs(n, undefined, () => 0)).toBe(ms);
      expect(retry.retryDelayMs(n, undefined, () => 0.999999)).toBeCloseTo(ms * 0.75, 0);
      const d = retry.retryDelayMs(n, undefined, Math.random);
      expect(d).toBeGreaterThanOrEqual(ms * 0.75);
      expect(d).toBeLessThanOrEqual(ms);
    });
  });

  it('honours retry-after-ms, then retry-after seconds or HTTP date, capped at 60 s', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retry.retryDelayMs(0, h({ 'retry-after-ms': '250', 'retry-after': '9' }), () => 0, now)).toBe(250);
    expect(retry.retryDelayMs(0, h({ 'retry-after': '3' }), () => 0, now)).toBe(3000);
    expect(retry.retryDelayMs(0, h({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }), () => 0, now)).toBe(7000);
    expect(retry.retryDelayMs(0, h({ 'retry-after': '3600' }), () => 0, now)).toBe(60_000);
    expect(retry.retryDelayMs(0, h({ 'retry-after': 'soon' }), () => 0, now)).toBe(500);
    expect(retry.retryDelayMs(0, h({ 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }), () => 0, now)).toBe(0);
  });

  it('decides which responses to retry', () => {
    const r = (status: number, headers: Record<string, string> = {}) => retry.shouldRetryResponse({ status, headers: new Headers(headers) });
    expect([408, 409, 429, 500, 502, 503, 504].every((s) => r(s))).toBe(true);
    expect([400, 401, 403, 404, 422].some((s) => r(s))).toBe(false);
    expect(r(500, { 'x-should-retry': 'false' })).toBe(false);
    expect(r(400, { 'x-should-retry': 'true' })).toBe(true);
  });
});
