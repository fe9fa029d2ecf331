export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

/** How one query parameter is serialized (OpenAPI `style` / `explode`). */
export interface QueryParamSpec {
  /**
   * Defaults to `form`. When the style is left out, object values are sent
   * deepObject-style (`createdAt[gt]=...`), which is what most APIs expect.
   */
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  /** Defaults to `true` for `form` and `deepObject`, `false` otherwise. */
  explode?: boolean;
}

/** Static description of one operation, emitted by the generator as a const. */
export interface OperationSpec {
  method: HttpMethod;
  /** Path template, e.g. `/api/v1/customers/{id}`. */
  path: string;
  /** Template names that fill `{name}` in the path; each is read from `params[name]` unless `pathKeys` renames it. */
  pathParams?: readonly string[];
  /**
   * Template name -> `params` key, for a path parameter whose name is also a body or query field
   * (`POST /customers/{id}/integrations` with a body `id`): the path value travels under its own key.
   */
  pathKeys?: Readonly<Record<string, string>>;
  /** Path parameters that are also body fields (DigitalOcean repeats `agent_uuid`): their value goes in both. */
  alsoInBody?: readonly string[];
  /** Keys of `params` sent as query parameters (key == wire name). */
  query?: Readonly<Record<string, QueryParamSpec>>;
  /** Keys of `params` sent as headers (key == wire header name). */
  headers?: readonly string[];
  /** Keys of `params` sent as cookies. */
  cookies?: readonly string[];
  body?: {
    encoding: 'json' | 'form' | 'multipart' | 'binary' | 'text';
    /** e.g. `application/json` */
    contentType: string;
    /** `fields`: every remaining key of params is a body field; `whole`: `params.body` is the body. */
    mode: 'fields' | 'whole';
  };
  /** Names of security schemes (`ClientConfig.auth[].id`) that apply; `[]` = no auth; undefined = client default. */
  security?: readonly string[];
}

export interface AuthSchemeSpec {
  id: string;
  type: 'apiKey' | 'bearer' | 'basic';
  in?: 'header' | 'query' | 'cookie';
  name?: string;
}

/** Static per-client settings, emitted into the generated client.ts. */
export interface ClientConfig {
  clientName: string;
  /** Names of environment variables, e.g. STIGG_API_KEY, STIGG_BASE_URL, STIGG_LOG. */
  env: { apiKey?: string; baseURL: string; log: string };
  /** From the spec's servers; may be '' when the spec has none. */
  defaultBaseURL: string;
  auth: readonly AuthSchemeSpec[];
  /** The constructor throws a clear error when no apiKey is given (option or env). */
  apiKeyRequired: boolean;
  idempotency?: { header: string; methods: readonly HttpMethod[] } | undefined;
  /** Generated package version, sent in the User-Agent header. */
  version: string;
}

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
}
