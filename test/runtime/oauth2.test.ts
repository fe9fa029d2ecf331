import { afterEach, describe, expect, it } from 'vitest';
import { BaseClient, type ClientOptions } from '../../runtime/src/core/client.js';
import * as Errors from '../../runtime/src/core/error.js';
import type { ClientConfig } from '../../runtime/src/core/types.js';
import { Ops } from './fixtures/acme-client.js';
import { json, startServer, type Recorded, type TestServer } from './helpers/server.js';

let api: TestServer | undefined;
let auth: TestServer | undefined;
afterEach(async () => {
  await Promise.all([api?.close(), auth?.close()]);
  api = auth = undefined;
  delete process.env['ACME_CLIENT_ID'];
  delete process.env['ACME_CLIENT_SECRET'];
});

function configFor(tokenUrl: string): ClientConfig {
  return {
    clientName: 'Acme',
    env: {
      apiKey: 'ACME_API_KEY',
      baseURL: 'ACME_BASE_URL',
      log: 'ACME_LOG',
      clientId: 'ACME_CLIENT_ID',
      clientSecret: 'ACME_CLIENT_SECRET',
    },
    defaultBaseURL: '',
    auth: [{ id: 'oauth', type: 'oauth2', tokenUrl, scopes: ['chat.write', 'files.read'] }],
    apiKeyRequired: true,
    version: '1.0.0',
  };
}

class OAuthClient extends BaseClient {
  ops = new Ops(this);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bearer = (req: Recorded) => req.headers['authorization'];

/** A token endpoint issuing t1, t2, ...; `respond` can change the answer per request. */
async function tokenServer(
  respond?: (req: Recorded) => { status: number; body: unknown } | undefined,
  expiresIn = 3600,
) {
  auth = await startServer(async (req, res) => {
    const custom = respond?.(req);
    if (custom) return json(res, custom.status, custom.body);
    await sleep(20); // long enough for concurrent callers to pile up
    json(res, 200, { access_token: `t${req.index + 1}`, token_type: 'Bearer', expires_in: expiresIn });
  });
  return auth;
}

async function apiServer(handler?: (req: Recorded) => number) {
  api = await startServer((req, res) => json(res, handler?.(req) ?? 200, { ok: true }));
  return api;
}

const client = (opts: ClientOptions = {}) =>
  new OAuthClient(
    { baseURL: api!.url, clientId: 'my id', clientSecret: 's3cret', maxRetries: 0, ...opts },
    configFor(`${auth!.url}/oauth/token`),
  );

describe('OAuth2 client credentials', () => {
  it('fetches a token with the scopes and HTTP Basic client auth, then reuses it', async () => {
    await tokenServer();
    await apiServer();
    const c = client();
    await c.ops.call({ method: 'get', path: '/a' });
    await c.ops.call({ method: 'get', path: '/b' });
    expect(auth!.requests).toHaveLength(1);
    const tokenRequest = auth!.requests[0]!;
    expect(tokenRequest.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest.text))).toEqual({
      grant_type: 'client_credentials',
      scope: 'chat.write files.read',
    });
    expect(Buffer.from(String(tokenRequest.headers['authorization']).replace('Basic ', ''), 'base64').toString()).toBe(
      'my%20id:s3cret',
    );
    expect(api!.requests.map(bearer)).toEqual(['Bearer t1', 'Bearer t1']);
  });

  it('concurrent requests share one token fetch', async () => {
    await tokenServer();
    await apiServer();
    const c = client();
    await Promise.all(Array.from({ length: 8 }, (_, i) => c.ops.call({ method: 'get', path: `/p${i}` })));
    expect(auth!.requests).toHaveLength(1);
    expect(new Set(api!.requests.map(bearer))).toEqual(new Set(['Bearer t1']));
  });

  it('renews the token shortly before it expires', async () => {
    await tokenServer(undefined, 1); // renewed after half its one-second lifetime
    await apiServer();
    const c = client();
    await c.ops.call({ method: 'get', path: '/a' });
    await sleep(600);
    await c.ops.call({ method: 'get', path: '/b' });
    expect(auth!.requests).toHaveLength(2);
    expect(api!.requests.map(bearer)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('a 401 renews the token and resends the request once', async () => {
    await tokenServer();
    await apiServer((req) => (bearer(req) === 'Bearer t1' ? 401 : 200));
    expect(
      await client().ops.call({ method: 'post', path: '/x', body: { a: 1 } } as never, null, { body: { a: 1 } }),
    ).toEqual({ ok: true });
    expect(api!.requests.map(bearer)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(api!.requests.map((r) => r.text)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('a second 401 is thrown as AuthenticationError (no loop)', async () => {
    await tokenServer();
    await apiServer(() => 401);
    await expect(client().ops.call({ method: 'get', path: '/x' })).rejects.toBeInstanceOf(Errors.AuthenticationError);
    expect(api!.requests).toHaveLength(2);
    expect(auth!.requests).toHaveLength(2);
  });

  it('a failing token endpoint surfaces as AuthenticationError and the API is not called', async () => {
    await tokenServer(() => ({ status: 400, body: { error: 'invalid_client', error_description: 'bad secret' } }));
    await apiServer();
    const err = await client()
      .ops.call({ method: 'get', path: '/x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.AuthenticationError);
    expect((err as Error).message).toMatch(/token endpoint status 400/);
    expect((err as Errors.APIError).error).toEqual({ error: 'invalid_client', error_description: 'bad secret' });
    expect(api!.requests).toHaveLength(0);
  });

  it('an unreachable token endpoint is an AuthenticationError too', async () => {
    await apiServer();
    await tokenServer();
    const url = auth!.url;
    await auth!.close();
    auth = undefined;
    const c = new OAuthClient(
      { baseURL: api!.url, clientId: 'i', clientSecret: 's', maxRetries: 0 },
      configFor(`${url}/t`),
    );
    await expect(c.ops.call({ method: 'get', path: '/x' })).rejects.toThrow(
      /Could not reach the OAuth2 token endpoint/,
    );
  });

  it('reads clientId and clientSecret from the environment', async () => {
    await tokenServer();
    await apiServer();
    process.env['ACME_CLIENT_ID'] = 'env-id';
    process.env['ACME_CLIENT_SECRET'] = 'env-secret';
    const c = new OAuthClient({ baseURL: api!.url }, configFor(`${auth!.url}/oauth/token`));
    await c.ops.call({ method: 'get', path: '/a' });
    expect(Buffer.from(String(auth!.requests[0]!.headers['authorization']).slice(6), 'base64').toString()).toBe(
      'env-id:env-secret',
    );
  });
});

describe('auth provider', () => {
  it('is called per request, for any scheme', async () => {
    await apiServer();
    let calls = 0;
    const c = new OAuthClient(
      { baseURL: api!.url, auth: async () => `dyn-${++calls}` },
      { ...configFor('http://unused'), auth: [{ id: 'key', type: 'apiKey', in: 'header', name: 'X-API-KEY' }] },
    );
    await c.ops.call({ method: 'get', path: '/a' });
    await c.ops.call({ method: 'get', path: '/b' });
    expect(api!.requests.map((r) => r.headers['x-api-key'])).toEqual(['dyn-1', 'dyn-2']);
  });

  it('its errors become AuthenticationError with the cause', async () => {
    await apiServer();
    const c = new OAuthClient(
      { baseURL: api!.url, auth: () => Promise.reject(new Error('vault sealed')) },
      configFor('http://unused'),
    );
    const err = await c.ops.call({ method: 'get', path: '/a' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.AuthenticationError);
    expect((err as Error).message).toMatch(/auth provider failed: vault sealed/);
    expect(((err as Error).cause as Error).message).toBe('vault sealed');
    expect(api!.requests).toHaveLength(0);
  });
});
