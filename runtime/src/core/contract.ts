/**
 * What the generator and the runtime agree on. The generator imports this module from the
 * runtime's sources, and every generated client gets a copy, so the two cannot drift.
 * Values here must stay free of platform APIs: the generator loads them in Node.
 */
import type { PageClass } from './page.js';
import type { OAuth2SchemeFields, OperationMediaFields } from './media-contract.js';

/** The runtime's name for the base class of every error; each client renames it to `<Name>Error`. */
export const ERROR_BASE_CLASS = 'ClientError';

/** The `style` values OpenAPI defines for query parameters. */
export const QUERY_STYLES = ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'] as const;
export type QueryStyle = (typeof QUERY_STYLES)[number];

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

/** How one query parameter is serialized (OpenAPI `style` / `explode`). */
export interface QueryParamSpec {
  /**
   * Defaults to `form`. When the style is left out, object values are sent
   * deepObject-style (`createdAt[gt]=...`), which is what most APIs expect.
   */
  style?: QueryStyle;
  /** Defaults to `true` for `form` and `deepObject`, `false` otherwise. */
  explode?: boolean;
}

/** Static description of one operation, emitted by the generator as a const. */
export interface OperationSpec extends OperationMediaFields {
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

export interface AuthSchemeSpec extends OAuth2SchemeFields {
  id: string;
  type: 'apiKey' | 'bearer' | 'basic' | 'oauth2';
  in?: 'header' | 'query' | 'cookie';
  name?: string;
}

/** Static per-client settings, emitted into the generated client.ts. */
export interface ClientConfig {
  clientName: string;
  /**
   * Names of environment variables, e.g. STIGG_API_KEY, STIGG_BASE_URL, STIGG_LOG and
   * STIGG_CUSTOM_HEADERS (newline-separated `Name: value` lines sent on every request).
   */
  env: {
    apiKey?: string;
    baseURL: string;
    log: string;
    customHeaders?: string;
    clientId?: string;
    clientSecret?: string;
  };
  /** From the spec's servers; may be '' when the spec has none. */
  defaultBaseURL: string;
  auth: readonly AuthSchemeSpec[];
  /** The constructor throws a clear error when no apiKey is given (option or env). */
  apiKeyRequired: boolean;
  idempotency?: { header: string; methods: readonly HttpMethod[] } | undefined;
  /** Generated package version, sent in the User-Agent header. */
  version: string;
  /** Header that carries the attempt number (0 on the first attempt); default `x-retry-count`. */
  retryCountHeader?: string;
}

/** A path of property names into a response body; `[]` is the body itself. */
export type FieldPath = readonly string[];

interface PaginationSpecBase {
  /**
   * The page class of this style (e.g. `CursorPage`). Generated code passes it, so that a
   * bundle only contains the page classes its list operations use; when it is left out the
   * class is looked up by `style`.
   */
  page?: PageClass;
}

/** Stigg style: `{ data, pagination: { next, prev } }`, params `after` / `before` / `limit`. */
export interface CursorPaginationSpec extends PaginationSpecBase {
  style: 'cursor';
  items: FieldPath;
  next: FieldPath;
  prev?: FieldPath;
  afterParam: string;
  beforeParam?: string;
  limitParam?: string;
  /** When set, paging stops once this boolean is false. */
  hasMore?: FieldPath;
}
/** Stripe style: `has_more`, `starting_after` / `ending_before` = last / first item id. */
export interface CursorIdPaginationSpec extends PaginationSpecBase {
  style: 'cursor-id';
  items: FieldPath;
  /** Defaults to `['has_more']`. */
  hasMore?: FieldPath;
  /** Defaults to `id`. */
  idField?: string;
  afterParam: string;
  beforeParam?: string;
  limitParam?: string;
}
/** An opaque token in the body (e.g. `response_metadata.next_cursor` -> `cursor`). */
export interface NextTokenPaginationSpec extends PaginationSpecBase {
  style: 'next-token';
  items: FieldPath;
  next: FieldPath;
  param: string;
  limitParam?: string;
  /** When set, paging stops once this boolean is false. */
  hasMore?: FieldPath;
}
/** `offset` / `limit` params, optional total count in the body. */
export interface OffsetPaginationSpec extends PaginationSpecBase {
  style: 'offset';
  items: FieldPath;
  offsetParam: string;
  limitParam?: string;
  total?: FieldPath;
  /** When set, paging stops once this boolean is false. */
  hasMore?: FieldPath;
}
/** `page` / `per_page` params; optional total pages or "next" marker in the body. */
export interface PageNumberPaginationSpec extends PaginationSpecBase {
  style: 'page-number';
  items: FieldPath;
  pageParam: string;
  perPageParam?: string;
  /** Number of the first page; defaults to 1. */
  firstPage?: number;
  totalPages?: FieldPath;
  /** When set, paging stops once this path is null or absent (e.g. `['links', 'pages', 'next']`). */
  next?: FieldPath;
  /** Total item count; paging stops once `page * perPage` reaches it. */
  total?: FieldPath;
  /** When set, paging stops once this boolean is false. */
  hasMore?: FieldPath;
}
/** `Link: <url>; rel="next"` response header (GitHub). Items default to the body when it is an array. */
export interface LinkHeaderPaginationSpec extends PaginationSpecBase {
  style: 'link-header';
  items?: FieldPath;
}

/** Describes how one list operation pages; emitted by the generator next to the OperationSpec. */
export type PaginationSpec =
  | CursorPaginationSpec
  | CursorIdPaginationSpec
  | NextTokenPaginationSpec
  | OffsetPaginationSpec
  | PageNumberPaginationSpec
  | LinkHeaderPaginationSpec;

/**
 * Names an operation or child resource on the client root must not take: every member of
 * `BaseClient` (public, protected and private, fields and methods; a test checks the class).
 */
// Filled rather than one name per line, which would double the length of this file.
// prettier-ignore
export const CLIENT_MEMBERS: readonly string[] = [
  '_config', '_options', '_request', '_requestPage', '_transportContext', 'apiKey', 'authFor', 'baseURL',
  'buildContext', 'buildRequest', 'buildURL', 'clientId', 'clientSecret', 'constructor', 'credentials',
  'credentialsKey', 'delete', 'envHeaders', 'fetchImpl', 'fetchOptions', 'get', 'logLevel', 'logger', 'makeRequest',
  'maxRetries', 'patch', 'platformHeaders', 'post', 'put', 'request', 'retryCountHeader', 'sendWith', 'timeout',
  'toString', 'transports', 'withOptions',
];

/** Names a method or child resource of a resource class must not take: every member of `APIResource`. */
export const RESOURCE_MEMBERS: readonly string[] = ['_client', 'constructor', 'toString'];

/** The page class of each pagination style (`PaginationSpec['style']`). */
export const PAGE_CLASSES = {
  cursor: 'CursorPage',
  'cursor-id': 'CursorIdPage',
  'next-token': 'NextTokenPage',
  offset: 'OffsetPage',
  'page-number': 'PageNumberPage',
  'link-header': 'LinkHeaderPage',
} as const satisfies Record<PaginationSpec['style'], string>;
export type PaginationStyle = keyof typeof PAGE_CLASSES;

/**
 * Runtime names (besides the error classes) that generated files import or a client's
 * `src/index.ts` re-exports: a generated type must not take one. A test checks them against a
 * generated client's imports and index exports.
 */
export const RUNTIME_TYPE_NAMES: readonly string[] = [
  'APIPromise',
  'APIResource',
  'AbstractPage',
  'BaseClient',
  'ClientConfig',
  'ClientOptions',
  'CursorIdPage',
  'CursorIdPaginationSpec',
  'CursorPage',
  'CursorPaginationObject',
  'CursorPaginationSpec',
  'FieldPath',
  'FilePropertyBag',
  'HeadersLike',
  'LinkHeaderPage',
  'LinkHeaderPaginationSpec',
  'LogLevel',
  'Logger',
  'NextTokenPage',
  'NextTokenPaginationSpec',
  'OffsetPage',
  'OffsetPaginationSpec',
  'OperationSpec',
  'Page',
  'PageClass',
  'PageNumberPage',
  'PageNumberPaginationSpec',
  'PagePromise',
  'PageRequest',
  'PaginationSpec',
  'RequestOptions',
  'ToFileInput',
  'Uploadable',
];

/** Error classes by HTTP status; other 5xx statuses are `InternalServerError`, anything else `APIError`. */
export const STATUS_ERROR_CLASS = {
  400: 'BadRequestError',
  401: 'AuthenticationError',
  403: 'PermissionDeniedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'UnprocessableEntityError',
  429: 'RateLimitError',
} as const;

/** Every error class the runtime exports besides the base class, in the order clients list them. */
export const ERROR_CLASSES = [
  'APIError',
  ...Object.values(STATUS_ERROR_CLASS),
  'InternalServerError',
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIUserAbortError',
] as const;
export type ErrorClassName = (typeof ERROR_CLASSES)[number];

/** Error classes that never carry a response body. */
export const BODILESS_ERROR_CLASSES: readonly ErrorClassName[] = [
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIUserAbortError',
];

/** The classes an HTTP error status can map to. */
export type StatusErrorClassName =
  (typeof STATUS_ERROR_CLASS)[keyof typeof STATUS_ERROR_CLASS] | 'InternalServerError' | 'APIError';

/** The error class for an HTTP error status. */
export function errorClassForStatus(status: number): StatusErrorClassName {
  const named = (STATUS_ERROR_CLASS as Readonly<Record<number, StatusErrorClassName | undefined>>)[status];
  return named ?? (status >= 500 ? 'InternalServerError' : 'APIError');
}

/** Content types whose bodies are bytes: responses come back as a `Blob`. */
export const BINARY_CONTENT_TYPE = /^(application\/(octet-stream|pdf|zip|gzip|x-tar)|image\/|audio\/|video\/|font\/)/i;

export function isBinaryContentType(contentType: string | null | undefined): boolean {
  return BINARY_CONTENT_TYPE.test(contentType ?? '');
}
