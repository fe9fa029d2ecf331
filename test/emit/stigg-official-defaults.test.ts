/**
 * Where the official Stigg SDK's behaviour comes from the Stigg config rather than from the spec: the generated
 * client defaults to the official SDK's host, and its request() takes a promise of options like the official one.
 */
import { afterEach, expect, it } from 'vitest';
import Stigg from '../../output/stigg/src/index.js';

const saved = process.env['STIGG_BASE_URL'];
afterEach(() => {
  if (saved === undefined) delete process.env['STIGG_BASE_URL'];
  else process.env['STIGG_BASE_URL'] = saved;
});

it('defaults to https://edge.api.stigg.io, as the official SDK does (an empty STIGG_BASE_URL counts as unset)', () => {
  delete process.env['STIGG_BASE_URL'];
  expect(new Stigg({ apiKey: 'k' }).baseURL).toBe('https://edge.api.stigg.io');
  process.env['STIGG_BASE_URL'] = ' ';
  expect(new Stigg({ apiKey: 'k' }).baseURL).toBe('https://edge.api.stigg.io');
  process.env['STIGG_BASE_URL'] = 'http://localhost:5000/env';
  expect(new Stigg({ apiKey: 'k' }).baseURL).toBe('http://localhost:5000/env');
});

it('request() sends a promise of options once it resolves', async () => {
  const seen: string[] = [];
  const client = new Stigg({
    apiKey: 'k',
    baseURL: 'http://localhost:5000',
    fetch: async (url, init) => {
      seen.push(`${init?.method} ${url}`);
      return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    },
  });
  const result = await client.request<{ ok: boolean }>(Promise.resolve({ method: 'get' as const, path: '/api/v1/x' }));
  expect(result).toEqual({ ok: true });
  expect(seen).toEqual(['GET http://localhost:5000/api/v1/x']);
});
