/**
 * Regression: `POST /api/v1/customers/{id}/integrations` has a path parameter
 * `id` (the customer) and a required body field `id` (the integration). The
 * path value travels under its own params key (`OperationSpec.pathKeys`), so
 * neither overwrites the other.
 */
import { describe, expect, it } from 'vitest';
import Stigg from '../../output/stigg/src/index.js';

describe('path param and body field with the same name', () => {
  it('integrations.link sends the path id in the URL and the body id in the body', async () => {
    let url = '';
    let body: unknown;
    const client = new Stigg({
      apiKey: 'test',
      baseURL: 'http://127.0.0.1:9',
      maxRetries: 0,
      fetch: async (input, init) => {
        url = String(input);
        body = JSON.parse(String(init?.body));
        return new Response('{"data":{}}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await client.v1.customers.integrations.link('customer-1', {
      id: 'integration-1',
      syncedEntityId: 'entity-1',
      vendorIdentifier: 'STRIPE',
    });
    expect(new URL(url).pathname).toBe('/api/v1/customers/customer-1/integrations');
    expect(body).toEqual({ id: 'integration-1', syncedEntityId: 'entity-1', vendorIdentifier: 'STRIPE' });
  });
});
