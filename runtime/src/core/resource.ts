import type { BaseClient } from './client.js';

/** Base class of the generated resource classes (`client.v1.customers`, ...). */
export abstract class APIResource {
  protected _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}
