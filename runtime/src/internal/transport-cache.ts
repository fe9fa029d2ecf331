import type { Fetch, RequestInit } from '../core/platform.js';
import type { AuthSchemeSpec, Logger, LogLevel } from '../core/types.js';
import { sensitiveNames } from './auth.js';
import { ALWAYS_REDACTED, levelled, logs } from './log.js';
import type { TransportContext } from './transport.js';

/** The settings a transport context is built from: a client's current, writable options. */
export interface TransportInputs {
  logger: Logger;
  logLevel: LogLevel;
  fetchOptions: RequestInit | undefined;
}

/**
 * A client's sending settings, rebuilt only when `logger`, `logLevel` or `fetchOptions` changed since the
 * last request (they are writable on the client), so the per-request path allocates nothing.
 */
export class TransportCache {
  private readonly fetchImpl: Fetch;
  private readonly sensitive: { headers: Set<string>; query: Set<string> };
  private context: TransportContext | undefined = undefined;
  private inputs: TransportInputs | undefined = undefined;

  constructor(fetchImpl: Fetch, auth: readonly AuthSchemeSpec[]) {
    this.fetchImpl = fetchImpl;
    this.sensitive = sensitiveNames(auth, ALWAYS_REDACTED);
  }

  get(current: TransportInputs): TransportContext {
    const last = this.inputs;
    const same =
      last?.logger === current.logger &&
      last.logLevel === current.logLevel &&
      last.fetchOptions === current.fetchOptions;
    if (this.context && same) return this.context;
    this.inputs = { ...current };
    this.context = {
      fetch: this.fetchImpl,
      fetchOptions: current.fetchOptions,
      logger: levelled(current.logger, current.logLevel),
      info: logs(current.logLevel, 'info'),
      debug: logs(current.logLevel, 'debug'),
      sensitiveHeaders: this.sensitive.headers,
      sensitiveQuery: this.sensitive.query,
    };
    return this.context;
  }
}
