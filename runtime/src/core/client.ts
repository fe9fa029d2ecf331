import { platform, type Fetch, type RequestInit } from './platform.js';
import type { APIResponseProps } from './api-promise.js';
import { APIPromise } from './api-promise.js';
import { AuthenticationError } from './error.js';
import type { AbstractPage, PageRequest, PaginationSpec } from './page.js';
import { makePage, PagePromise } from './page.js';
import { pageClassOf } from './pagination.js';
import { selectsStream, STREAM_ACCEPT, streamParser } from './streaming.js';
import type {
  BuiltFetchRequest,
  ClientConfig,
  FinalRequestOptions,
  Logger,
  LogLevel,
  OperationSpec,
  RequestOptions,
} from './types.js';
import { toFile } from './uploads.js';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type ClientOptions } from './options.js';
import { isOneShotBody } from '../internal/body.js';
import type { ResolvedAuth } from '../internal/credentials.js';
import { Credentials } from '../internal/credentials.js';
import { readEnv } from '../internal/env.js';
import type { HeaderRecord } from '../internal/headers.js';
import { mergeHeaders, toHeaders } from '../internal/headers.js';
import { resolveLogLevel } from '../internal/log.js';
import { isBrowser, isPromiseLike, missingApiKey, missingBaseURL } from '../internal/options.js';
import { missingFetch, nonNegative, shortcut } from '../internal/options.js';
import type { AuthParts, BuildContext, BuiltRequest } from '../internal/request.js';
import { buildRequest, DEFAULT_RETRY_COUNT_HEADER, parseHeaderLines, platformHeaders } from '../internal/request.js';
import type { SendOptions, TransportContext } from '../internal/transport.js';
import { send } from '../internal/transport.js';
import { TransportCache } from '../internal/transport-cache.js';

export type { BuiltFetchRequest, FinalRequestOptions, HeadersLike, Logger, LogLevel, RequestOptions } from './types.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type ClientOptions } from './options.js';
export type { TokenProvider } from '../internal/credentials.js';

/**
 * Shared machinery of the generated client: options, auth, retries, logging, pagination.
 * `apiKey`, `baseURL`, `timeout`, `maxRetries`, `logLevel`, `logger` and `fetchOptions` may be
 * changed after construction; requests and `withOptions()` read their current values.
 */
export abstract class BaseClient {
  /** Default per-attempt timeout in ms. */
  static DEFAULT_TIMEOUT: number = DEFAULT_TIMEOUT_MS;
  /** Turns bytes, a string, a stream, a Response or a Blob into a named `File` for uploads. */
  static toFile: typeof toFile = toFile;

  apiKey: string | null;
  baseURL: string;
  timeout: number;
  maxRetries: number;
  logLevel: LogLevel;
  logger: Logger;
  fetchOptions: RequestInit | undefined;
  protected readonly _options: ClientOptions;
  protected readonly _config: ClientConfig;
  private readonly fetchImpl: Fetch;
  private readonly platformHeaders: Record<string, string>;
  private readonly envHeaders: HeaderRecord | undefined;
  private readonly retryCountHeader: string;
  private readonly transports: TransportCache;
  private readonly clientId: string | null | undefined;
  private readonly clientSecret: string | null | undefined;
  /** Credentials for the current `apiKey` (rebuilt when it changes), with their per-security cache. */
  private credentials: Credentials | undefined = undefined;
  private credentialsKey: string | null = null;

  constructor(options: ClientOptions, config: ClientConfig) {
    this._options = { ...options };
    this._config = config;
    const apiKey = options.apiKey === undefined ? readEnv(config.env.apiKey) : options.apiKey;
    const clientId = options.clientId === undefined ? readEnv(config.env.clientId) : options.clientId;
    const clientSecret = options.clientSecret === undefined ? readEnv(config.env.clientSecret) : options.clientSecret;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    if (config.apiKeyRequired && !apiKey && !options.auth && !(clientId && clientSecret)) throw missingApiKey(config);
    this.apiKey = apiKey ?? null;
    const baseURL = options.baseURL || readEnv(config.env.baseURL) || config.defaultBaseURL;
    if (!baseURL) throw missingBaseURL(config);
    this.baseURL = baseURL;
    this.timeout = nonNegative('timeout', options.timeout, DEFAULT_TIMEOUT_MS);
    this.maxRetries = nonNegative('maxRetries', options.maxRetries, DEFAULT_MAX_RETRIES);
    this.logger = options.logger ?? platform.console;
    this.logLevel = resolveLogLevel(options.logLevel, config.env.log, this.logger);
    this.fetchOptions = options.fetchOptions;
    const fetchImpl = options.fetch ?? platform.fetch;
    if (typeof fetchImpl !== 'function') throw missingFetch();
    this.fetchImpl = fetchImpl;
    this.transports = new TransportCache(fetchImpl, config.auth);
    this.platformHeaders = platformHeaders(isBrowser() ? undefined : `${config.clientName}/JS ${config.version}`);
    this.envHeaders = parseHeaderLines(readEnv(config.env.customHeaders));
    this.retryCountHeader = (config.retryCountHeader ?? DEFAULT_RETRY_COUNT_HEADER).toLowerCase();
  }

  /** A copy of this client with some options changed; unchanged options take this client's current values. */
  withOptions(options: Partial<ClientOptions>): this {
    const Ctor = this.constructor as new (options: ClientOptions) => this;
    return new Ctor({
      ...this._options,
      apiKey: this.apiKey,
      baseURL: this.baseURL,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      logLevel: this.logLevel,
      logger: this.logger,
      fetch: this.fetchImpl,
      fetchOptions: this.fetchOptions,
      ...options,
    });
  }

  /** Sends a request to any path: `client.request({ method: 'get', path: '/x', query })`, or a promise of options. */
  request<T = unknown>(options: FinalRequestOptions | PromiseLike<FinalRequestOptions>): APIPromise<T> {
    const send = (o: FinalRequestOptions) => this.makeRequest({ method: o.method, path: o.path }, null, o);
    return new APIPromise<T>(this, isPromiseLike(options) ? Promise.resolve(options).then(send) : send(options));
  }

  get<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.request<T>(shortcut('get', path, opts));
  }
  post<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.request<T>(shortcut('post', path, opts));
  }
  put<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.request<T>(shortcut('put', path, opts));
  }
  patch<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.request<T>(shortcut('patch', path, opts));
  }
  delete<T = unknown>(path: string, opts?: RequestOptions): APIPromise<T> {
    return this.request<T>(shortcut('delete', path, opts));
  }

  /**
   * The URL for `path` (template already filled, or an absolute URL) with `defaultQuery` and
   * `query` (an `undefined` value removes a default). `defaultBaseURL` is used while the
   * client's `baseURL` is still the spec's default. Credentials sent in the query are left out.
   */
  buildURL(path: string, query: Readonly<Record<string, unknown>> | null | undefined, defaultBaseURL?: string): string {
    const spec: OperationSpec = { method: 'get', path, security: [] };
    // Without a body, building is synchronous (only bodies that must be read first make it async).
    const built = buildRequest(
      spec,
      null,
      { query: query ?? undefined, defaultBaseURL },
      this.buildContext(defaultBaseURL, NO_AUTH),
    );
    return (built as BuiltRequest).url;
  }

  /** The `fetch` arguments `request(options)` would send on attempt `retryCount` (0 = the first). */
  async buildRequest(
    options: FinalRequestOptions,
    { retryCount = 0 }: { retryCount?: number } = {},
  ): Promise<BuiltFetchRequest> {
    const spec: OperationSpec = { method: options.method, path: options.path };
    const auth = await this.authFor(spec.security);
    const built = await buildRequest(spec, null, options, this.buildContext(options.defaultBaseURL, auth.parts));
    if (built.retryCountHeader) built.headers[built.retryCountHeader] = String(retryCount);
    const req: BuiltFetchRequest['req'] = {
      ...this.fetchOptions,
      ...options.fetchOptions,
      method: built.method.toUpperCase(),
      headers: toHeaders(built.headers),
    };
    if (built.body !== undefined) req.body = built.body;
    if (options.signal) req.signal = options.signal;
    return { req, url: built.url, timeout: nonNegative('timeout', options.timeout, this.timeout) };
  }

  /**
   * Calls one operation: splits `params` per `spec` into path, query, headers, cookies and body.
   * Generated resource methods use it; the leading underscore keeps it apart from API members.
   */
  _request<T>(spec: OperationSpec, params: object | null | undefined, options?: RequestOptions): APIPromise<T> {
    const values = params as Record<string, unknown> | null | undefined;
    if (spec.stream && selectsStream(spec.stream, values, options?.headers)) {
      // A streaming call resolves to a `Stream` once the headers arrive; retries apply until then.
      const headers = mergeHeaders([{ accept: STREAM_ACCEPT[spec.stream.format] }, options?.headers]);
      const parse = streamParser(spec.stream, options?.idleTimeout ?? this._options.idleTimeout);
      const sent = this.makeRequest(spec, values, { ...options, headers });
      return new APIPromise(this, sent, parse) as unknown as APIPromise<T>;
    }
    return new APIPromise<T>(this, this.makeRequest(spec, values, options ?? {}));
  }

  /**
   * Like `_request`, for a paginated list: the result is a page that can walk the following pages.
   * The page class is `pagination.page` when given (generated code passes it), else the class of
   * `pagination.style`.
   */
  _requestPage<Item, PageT extends AbstractPage<Item> = AbstractPage<Item>>(
    spec: OperationSpec,
    pagination: PaginationSpec,
    params: object | null | undefined,
    options?: RequestOptions,
  ): PagePromise<PageT, Item> {
    const request: PageRequest = { spec, pagination, params: { ...params }, options: { ...options } };
    return new PagePromise<PageT, Item>(
      this,
      this.makeRequest(spec, request.params, request.options),
      (client, props) =>
        makePage<Item>(client, props, request, pagination.page ?? pageClassOf(request)) as Promise<PageT>,
    );
  }

  /** Sending settings from the current `logger`, `logLevel` and `fetchOptions` (rebuilt when they change). */
  _transportContext(): TransportContext {
    return this.transports.get({ logger: this.logger, logLevel: this.logLevel, fetchOptions: this.fetchOptions });
  }

  /** The credentials of one request; rebuilt when `apiKey` was changed since the last request. */
  private authFor(security: readonly string[] | undefined): ResolvedAuth | Promise<ResolvedAuth> {
    if (!this.credentials || this.credentialsKey !== this.apiKey) {
      this.credentialsKey = this.apiKey;
      this.credentials = new Credentials(this._config.auth, {
        apiKey: this.apiKey,
        auth: this._options.auth,
        clientId: this.clientId,
        clientSecret: this.clientSecret,
        fetch: this.fetchImpl,
      });
    }
    return this.credentials.resolve(security);
  }

  private buildContext(defaultBaseURL: string | undefined, auth: AuthParts): BuildContext {
    return {
      baseURL: defaultBaseURL && this.baseURL === this._config.defaultBaseURL ? defaultBaseURL : this.baseURL,
      defaultHeaders: this._options.defaultHeaders,
      defaultQuery: this._options.defaultQuery,
      platformHeaders: this.platformHeaders,
      envHeaders: this.envHeaders,
      retryCountHeader: this.retryCountHeader,
      idempotency: this._config.idempotency,
      auth,
    };
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
    try {
      const auth = this.authFor(spec.security);
      const sendWith = (resolved: ResolvedAuth): Promise<APIResponseProps> =>
        this.sendWith(spec, params, options, resolved, renewed);
      return auth instanceof Promise ? auth.then(sendWith) : sendWith(auth);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private sendWith(
    spec: OperationSpec,
    params: Record<string, unknown> | null | undefined,
    options: RequestOptions,
    auth: ResolvedAuth,
    renewed: boolean,
  ): Promise<APIResponseProps> {
    let built: BuiltRequest | Promise<BuiltRequest>;
    let sendOptions: SendOptions;
    try {
      built = buildRequest(spec, params, options, this.buildContext(options.defaultBaseURL, auth.parts));
      sendOptions = {
        timeout: nonNegative('timeout', options.timeout, this.timeout),
        maxRetries: nonNegative('maxRetries', options.maxRetries, this.maxRetries),
        signal: options.signal,
        fetchOptions: options.fetchOptions,
      };
    } catch (err) {
      return Promise.reject(err);
    }
    const transport = this._transportContext();
    const request = built;
    const sent =
      request instanceof Promise
        ? request.then((req) => send(transport, req, sendOptions))
        : send(transport, request, sendOptions);
    const renew = auth.renew;
    if (!renew || renewed) return sent;
    return sent.catch(async (err: unknown) => {
      if (!(err instanceof AuthenticationError) || isOneShotBody((await request).body)) throw err;
      renew();
      return this.makeRequest(spec, params, options, true);
    });
  }
}

const NO_AUTH: AuthParts = { headers: {}, query: {}, cookies: {} };
