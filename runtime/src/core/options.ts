import type { Fetch, RequestInit } from './platform.js';
import type { HeadersLike, Logger, LogLevel } from './types.js';
import type { TokenProvider } from '../internal/credentials.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/** Options of the generated client's constructor; every one may be left out. */
export interface ClientOptions {
  /** Defaults to the API key environment variable. `null` sends no credentials. */
  apiKey?: string | null | undefined;
  /** Defaults to the base URL environment variable, then the spec's server. */
  baseURL?: string | null | undefined;
  /** Per-attempt timeout in ms (default 60 000). */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number | undefined;
  /** A fetch implementation; defaults to the global `fetch`. */
  fetch?: Fetch | undefined;
  /** Extra `RequestInit` fields passed to every fetch call. */
  fetchOptions?: RequestInit | undefined;
  defaultHeaders?: HeadersLike;
  defaultQuery?: Record<string, string | undefined> | undefined;
  /** Defaults to the log environment variable, then `warn`. */
  logLevel?: LogLevel | undefined;
  /** Defaults to `console`. */
  logger?: Logger | undefined;
  /** Streams fail when no byte arrives for this many ms; off (undefined) by default. */
  idleTimeout?: number | undefined;
  /** OAuth2 client credentials (default: the client ID / secret environment variables). */
  clientId?: string | null | undefined;
  clientSecret?: string | null | undefined;
  /** Returns the token (or API key) for each request; errors become AuthenticationError. */
  auth?: TokenProvider | undefined;
}
