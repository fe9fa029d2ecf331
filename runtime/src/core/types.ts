import type { AbortSignal, Headers, RequestInit } from './platform.js';
import type { HttpMethod } from './contract.js';

export type {
  AuthSchemeSpec,
  ClientConfig,
  HttpMethod,
  OperationSpec,
  QueryParamSpec,
  QueryStyle,
} from './contract.js';
export type { BodyFieldSpec, StreamFormat, StreamSpec } from './media-contract.js';

/**
 * Anything that can describe headers. A `null` value removes a header that a
 * lower layer (client defaults, auth, ...) would send; names are case-insensitive.
 */
export type HeadersLike =
  | Headers
  | ReadonlyArray<readonly [string, string | null | undefined]>
  | Readonly<Record<string, string | readonly string[] | null | undefined>>
  | null
  | undefined;

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

/** Per-call options, accepted as the last argument of every method. */
export interface RequestOptions {
  /** Extra headers; a `null` value removes a default header (case-insensitive). */
  headers?: HeadersLike;
  /** Extra query parameters, merged over the operation's own. */
  query?: Readonly<Record<string, unknown>> | undefined;
  /** Replaces the request body built from params. */
  body?: unknown;
  /** Per-attempt timeout in ms. */
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  signal?: AbortSignal | null | undefined;
  /** Sent in the idempotency header and reused on every retry. */
  idempotencyKey?: string | undefined;
  fetchOptions?: RequestInit | undefined;
  /** Overrides the operation's path (template or absolute URL). */
  path?: string | undefined;
  /** Overrides the operation's method. */
  method?: HttpMethod | undefined;
  /**
   * Base URL for this call when the client's `baseURL` is still the spec's default
   * (an explicit `baseURL` option or environment variable wins).
   */
  defaultBaseURL?: string | undefined;
  /** Streams only: fail when no byte arrives for this many ms (default: the client's, off). */
  idleTimeout?: number | undefined;
}

/** The argument of `client.request()`: a method, a path (template or absolute URL) and per-call options. */
export interface FinalRequestOptions extends RequestOptions {
  method: HttpMethod;
  path: string;
}

/** What `client.buildRequest()` returns: the `fetch` arguments of one attempt and its timeout. */
export interface BuiltFetchRequest {
  req: RequestInit & { headers: Headers; method: string };
  url: string;
  timeout: number;
}
