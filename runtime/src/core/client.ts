import { platform, type Fetch, type RequestInit } from './platform.js';
import type { APIResponseProps } from './api-promise.js';
import { APIPromise } from './api-promise.js';
import { AuthenticationError, ClientError } from './error.js';
import type { AbstractPage, PageRequest, PaginationSpec } from './page.js';
import { makePage, PagePromise } from './page.js';
import { pageClassOf } from './pagination.js';
import { selectsStream, STREAM_ACCEPT, streamParser } from './streaming.js';
import type {
  ClientConfig,
  HeadersLike,
  HttpMethod,
  Logger,
  LogLevel,
  OperationSpec,
  RequestOptions,
} from './types.js';
import { sensitiveNames } from '../internal/auth.js';
import { isOneShotBody } from '../internal/body.js';
import type { ResolvedAuth, TokenProvider } from '../internal/credentials.js';
import { Credentials } from '../internal/credentials.js';
import { readEnv } from '../internal/env.js';
import { mergeHeaders } from '../internal/headers.js';
import { ALWAYS_REDACTED, levelled, logs, resolveLogLevel } from '../internal/log.js';
import type { BuildContext, BuiltRequest } from '../internal/request.js';
import { buildRequest, platformHeaders } from '../internal/request.js';
import type { SendOptions, TransportContext } from '../internal/transport.js';
import { send } from '../internal/transport.js';

export type { HeadersLike, Logger, LogLevel, RequestOptions } from './types.js';
export type { TokenProvider } from '../internal/credentials.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

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

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ClientError(`The ${name} option must be a non-negative number, got ${String(value)}.`);
  }
  return value;
}

function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}

/** Shared machinery of the generated client: options, auth, retries, logging, pagination. */
export abstract class BaseClient {
  readonly apiKey: string | null;
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly logLevel: LogLevel;
  readonly logger: Logger;
  protected readonly _options: ClientOptions;
  protected readonly _config: ClientConfig;
  private readonly transport: TransportContext;
  private readonly platformHeaders: Record<string, string>;
  /** Auth parts per `OperationSpec.security` array (the key `undefined` = the client default). */
  private readonly credentials: Credentials;

  constructor(options: ClientOptions, config: ClientConfig) {
    this._options = { ...options };
    this._config = config;
    const apiKey = options.apiKey === undefined ? readEnv(config.env.apiKey) : options.apiKey;
    const clientId = options.clientId === undefined ? readEnv(config.env.clientId) : options.clientId;
    const clientSecret = options.clientSecret === undefined ? readEnv(config.env.clientSecret) : options.clientSecret;
    if (config.apiKeyRequired && !apiKey && !options.auth && !(clientId && clientSecret)) {
      const envHint = config.env.apiKey
        ? `The ${config.env.apiKey} environment variable is missing or empty; either provide it, or i`
        : 'I';
      throw new ClientError(
        `${envHint}nstantiate the ${config.clientName} client with an apiKey option, like new ${config.clientName}({ apiKey: 'My API Key' }).`,
      );
    }
    this.apiKey = apiKey ?? null;
    const baseURL = options.baseURL || readEnv(config.env.baseURL) || config.defaultBaseURL;
    if (!baseURL) {
      throw new ClientError(
        `No base URL: pass the baseURL option to new ${config.clientName}() or set the ${config.env.baseURL} environment variable.`,
      );
    }
    this.baseURL = baseURL;
    this.timeout = nonNegative('timeout', options.timeout, DEFAULT_TIMEOUT_MS);
    this.maxRetries = nonNegative('maxRetries', options.maxRetries, DEFAULT_MAX_RETRIES);
    this.logger = options.logger ?? platform.console;
    this.logLevel = resolveLogLevel(options.logLevel, config.env.log, this.logger);
    const fetchImpl = options.fetch ?? platform.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new ClientError(
        'No fetch implementation found: pass the fetch option, or run on a platform with a global fetch.',
      );
    }
    const sensitive = sensitiveNames(config.auth, ALWAYS_REDACTED);
    this.transport = {
      fetch: fetchImpl,
      fetchOptions: options.fetchOptions,
      logger: levelled(this.logger, this.logLevel),
      info: logs(this.logLevel, 'info'),
      debug: logs(this.logLevel, 'debug'),
      sensitiveHeaders: sensitive.headers,
      sensitiveQuery: sensitive.query,
    };
    this.platformHeaders = platformHeaders(isBrowser() ? undefined : `${config.clientName}/JS ${config.version}`);
    this.credentials = new Credentials(config.auth, {
      apiKey: this.apiKey,
      auth: options.auth,
      clientId,
      clientSecret,
      fetch: fetchImpl,
    });
  }

  /** A copy of this client with some options changed. */
  withOptions(options: Partial<ClientOptions>): this {
    const Ctor = this.constructor as new (options: ClientOptions) => this;
    return new Ctor({ ...this._options, ...options });
  }

  /** Call one operation: splits `params` per `spec` into path, query, headers, cookies and body. */
  request<T>(spec: OperationSpec, params: object | null | undefined, options?: RequestOptions): APIPromise<T> {
    const values = params as Record<string, unknown> | null | undefined;
    if (spec.stream && selectsStream(spec.stream, values, options?.headers)) {
      // A streaming call resolves to a `Stream` once the headers arrive; retries apply until then.
      const headers = mergeHeaders([{ accept: STREAM_ACCEPT[spec.stream.format] }, options?.headers]);
      const parse = streamParser(spec.stream, options?.idleTimeout ?? this._options.idleTimeout);
      return new APIPromise(this.makeRequest(spec, values, { ...options, headers }), parse) as unknown as APIPromise<T>;
    }
    return new APIPromise<T>(this.makeRequest(spec, values, options ?? {}));
  }

  /**
   * Like `request`, for a paginated list: the result is a page that can walk the following pages.
   * The page class is `pagination.page` when given (generated code passes it), else the class of
   * `pagination.style`.
   */
  requestPage<Item, PageT extends AbstractPage<Item> = AbstractPage<Item>>(
    spec: OperationSpec,
    pagination: PaginationSpec,
    params: object | null | undefined,
    options?: RequestOptions,
  ): PagePromise<PageT, Item> {
    const request: PageRequest = { spec, pagination, params: { ...params }, options: { ...options } };
    return new PagePromise<PageT, Item>(
      this.makeRequest(spec, request.params, request.options),
      (props) => makePage<Item>(this, props, request, pagination.page ?? pageClassOf(request)) as Promise<PageT>,
    );
  }

  get<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.raw<T>('get', path, opts);
  }
  post<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.raw<T>('post', path, opts);
  }
  put<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.raw<T>('put', path, opts);
  }
  patch<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.raw<T>('patch', path, opts);
  }
  delete<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.raw<T>('delete', path, opts);
  }

  private raw<T>(method: HttpMethod, path: string, opts: RequestOptions | undefined): APIPromise<T> {
    return this.request<T>({ method, path }, null, opts);
  }

  private authFor(security: readonly string[] | undefined): ResolvedAuth | Promise<ResolvedAuth> {
    return this.credentials.resolve(security);
  }

  /**
   * Resolves the credentials, builds and sends one request. An OAuth2 token the API rejects
   * (401) is renewed and the request sent once more (`renewed` marks that second attempt).
   */
  private makeRequest(
    spec: OperationSpec,
    params: Record<string, unknown> | null | undefined,
    options: RequestOptions,
    renewed = false,
  ): Promise<APIResponseProps> {
    const sendWith = (auth: ResolvedAuth): Promise<APIResponseProps> => {
      let built: BuiltRequest | Promise<BuiltRequest>;
      let sendOptions: SendOptions;
      try {
        const context: BuildContext = {
          baseURL: this.baseURL,
          defaultHeaders: this._options.defaultHeaders,
          defaultQuery: this._options.defaultQuery,
          platformHeaders: this.platformHeaders,
          idempotency: this._config.idempotency,
          auth: auth.parts,
        };
        built = buildRequest(spec, params, options, context);
        sendOptions = {
          timeout: options.timeout === undefined ? this.timeout : nonNegative('timeout', options.timeout, this.timeout),
          maxRetries:
            options.maxRetries === undefined
              ? this.maxRetries
              : nonNegative('maxRetries', options.maxRetries, this.maxRetries),
          signal: options.signal,
          fetchOptions: options.fetchOptions,
        };
      } catch (err) {
        return Promise.reject(err);
      }
      const request = built;
      const sent =
        request instanceof Promise
          ? request.then((req) => send(this.transport, req, sendOptions))
          : send(this.transport, request, sendOptions);
      const renew = auth.renew;
      if (!renew || renewed) return sent;
      return sent.catch(async (err: unknown) => {
        if (!(err instanceof AuthenticationError) || isOneShotBody((await request).body)) throw err;
        renew();
        return this.makeRequest(spec, params, options, true);
      });
    };
    try {
      const auth = this.authFor(spec.security);
      return auth instanceof Promise ? auth.then(sendWith) : sendWith(auth);
    } catch (err) {
      return Promise.reject(err);
    }
  }
}
