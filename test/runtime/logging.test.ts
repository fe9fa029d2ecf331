import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Acme } from './fixtures/acme-client.js';
import { captureLogger, json, startServer, type TestServer } from './helpers/server.js';


let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.index === 0) return json(res, 503, {}, { 'retry-after-ms': '1', 'set-cookie': 'sid=SERVER-SECRET' });
    json(res, 200, { ok: true }, { 'set-cookie': 'sid=SERVER-SECRET' });
  });
});
afterAll(() => server.close());

describe('logging', () => {
  it('redacts secrets at debug level and ties retries to one log id', async () => {
    const { lines, logger, text } = captureLogger();
    const c = new Acme({ apiKey: 'SECRET-KEY', baseURL: server.url, logger, logLevel: 'debug' });
    await c.get('/x', {
      headers: { Authorization: 'Bearer SECRET-TOKEN', Cookie: 'a=SECRET-COOKIE', 'Api-Key': 'SECRET-3', 'X-Visible': 'shown' },
    });
    await c.ops.call({ method: 'get', path: '/q', security: ['queryKey'] }, null, { query: { other: 'fine' } });
    const out = text();
    expect(out).not.toMatch(/SECRET/);
    expect(out).toContain('shown');
    expect(out).toContain('***');
    expect(out).toContain('api_key=***');
    expect(out).toContain('other=fine');
    const first = lines.filter((l) => l.message.includes('sending request'));
    expect(first[0]!.message).toMatch(/^\[log_[0-9a-f]{6}\] sending request \(attempt 1 of 3\)/);
    expect(first[1]!.message).toMatch(/attempt 2 of 3/);
    expect(first[0]!.message.slice(0, 12)).toBe(first[1]!.message.slice(0, 12));
    expect(first[2]!.message.slice(0, 12)).not.toBe(first[0]!.message.slice(0, 12));
    expect(lines.some((l) => l.level === 'info' && /succeeded with status 200/.test(l.message))).toBe(true);
  });

  it('respects the level and the env variable, warning about bad values', async () => {
    const quiet = captureLogger();
    await new Acme({ apiKey: 'k', baseURL: server.url, logger: quiet.logger }).get('/x');
    expect(quiet.lines).toEqual([]);
    process.env['ACME_LOG'] = 'loud';
    const bad = captureLogger();
    const c = new Acme({ apiKey: 'k', baseURL: server.url, logger: bad.logger });
    delete process.env['ACME_LOG'];
    expect(c.logLevel).toBe('warn');
    expect(bad.lines).toHaveLength(1);
    expect(bad.lines[0]!.message).toMatch(/ACME_LOG/);
    const off = captureLogger();
    await new Acme({ apiKey: 'k', baseURL: server.url, logger: off.logger, logLevel: 'off' }).get('/x');
    expect(off.lines).toEqual([]);
  });
});
