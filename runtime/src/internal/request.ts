import { platform, type BodyInit } from '../core/platform.js';
import type { ClientConfig, HeadersLike, HttpMethod, OperationSpec, RequestOptions } from '../core/types.js';
import type { EncodedBody } from './body.js';
import { encodeBody } from './body.js';
import type { HeaderRecord } from './headers.js';
import { headerValue, isHeaders, mergeHeaders, scalarToString } from './headers.js';
import { buildPath, joinURL } from './path.js';
import { buildQuery } from './query.js';
import { uuid4 } from './uuid.js';

/** Credentials for one request, from the client's auth schemes. */
export interface AuthParts {
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
}

/** Client-level inputs to request building. */
export interface BuildContext {
  baseURL: string;
  defaultHeaders: HeadersLike;
  defaultQuery: Readonly<Record<string, string | undefined>> | undefined;
  platformHeaders: Record<string, string>;
  /** Headers from the custom-headers environment variable; `defaultHeaders` override them. */
  envHeaders: HeaderRecord | undefined;
  /** Lower-cased name of the header that carries the attempt number. */
  retryCountHeader: string;
  idempotency: ClientConfig['idempotency'];
  auth: AuthParts;
}

/** A request ready to be sent (and re-sent on retry). */
export interface BuiltRequest {
  method: HttpMethod;
  url: string;
  /** Lower-cased names; turned into a `Headers` object for each attempt. */
  headers: HeaderRecord;
  body: BodyInit | undefined;
  /** Set when the retry-count header is the client's own: each attempt rewrites it. */
  retryCountHeader?: string | undefined;
}

/** The retry-count header when the config names none. */
export const DEFAULT_RETRY_COUNT_HEADER = 'x-retry-count';

function cookieHeader(cookies: ReadonlyArray<readonly [string, unknown]>): string | undefined {
  const parts: string[] = [];
  for (const [name, value] of cookies) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map((v) => scalarToString(v)).join(',') : scalarToString(value);
    parts.push(`${name}=${encodeURIComponent(text)}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

function withoutKeysIn(url: string, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const q = url.indexOf('?');
  if (q < 0) return { ...values };
  const present = new Set<string>();
  new platform.URLSearchParams!(url.slice(q + 1)).forEach((_value, key) => present.add(key));
  return Object.fromEntries(Object.entries(values).filter(([key]) => !present.has(key)));
}

/** The keys of `params` that are not body fields. */
function consumedBy(spec: OperationSpec): Set<string> {
  const keys = new Set<string>(spec.headers ?? []);
  for (const name of spec.pathParams ?? [])
    if (!spec.alsoInBody?.includes(name)) keys.add(spec.pathKeys?.[name] ?? name);
  for (const key in spec.query) keys.add(key);
  for (const name of spec.cookies ?? []) keys.add(name);
  return keys;
}

function isEmpty(values: Readonly<Record<string, unknown>> | undefined): boolean {
  if (!values) return true;
  for (const _key in values) return false;
  return true;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Splits `params` per `spec` into path, query, headers, cookies and body, then
 * applies client defaults, auth and the per-call `options`. Synchronous unless the
 * body has to be read first (streams, files).
 */
export function buildRequest(
  spec: OperationSpec,
  params: Readonly<Record<string, unknown>> | null | undefined,
  options: RequestOptions,
  ctx: BuildContext,
): BuiltRequest | Promise<BuiltRequest> {
  const p = params ?? {};
  const method = options.method ?? spec.method;
  const path = buildPath(options.path ?? spec.path, spec.pathParams, p, spec.pathKeys);

  let specQuery: Record<string, unknown> | undefined;
  if (spec.query) {
    for (const key in spec.query) {
      if (p[key] !== undefined) (specQuery ??= {})[key] = p[key];
    }
  }
  let paramHeaders: Record<string, string> | undefined;
  if (spec.headers) {
    for (const name of spec.headers) {
      const value = headerValue(p[name]);
      if (value !== undefined) (paramHeaders ??= {})[name] = value;
    }
  }
  let cookie: string | undefined;
  if (spec.cookies || !isEmpty(ctx.auth.cookies)) {
    const cookies: Array<readonly [string, unknown]> = Object.entries(ctx.auth.cookies);
    for (const name of spec.cookies ?? []) cookies.push([name, p[name]]);
    cookie = cookieHeader(cookies);
  }

  // GET and HEAD never carry a body unless `options.body` asks for one; in `fields` mode a
  // form or multipart body with no fields left is not sent at all.
  const body = spec.body;
  let bodyValue: unknown;
  if (options.body !== undefined) {
    bodyValue = options.body;
  } else if (body && method !== 'get' && method !== 'head') {
    if (body.mode === 'whole') {
      bodyValue = p['body'];
    } else {
      const consumed = consumedBy(spec);
      let fields: Record<string, unknown> | undefined;
      for (const key in p) {
        const value = p[key];
        if (value !== undefined && !consumed.has(key)) (fields ??= {})[key] = value;
      }
      bodyValue = fields ?? (body.encoding === 'json' ? {} : undefined);
    }
  }

  const finish = (encoded: EncodedBody): BuiltRequest => {
    const absolute = ABSOLUTE_URL.test(path);
    const layer = (values: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> =>
      absolute ? withoutKeysIn(path, values ?? {}) : (values ?? {});
    const query =
      isEmpty(ctx.defaultQuery) && !specQuery && isEmpty(ctx.auth.query) && isEmpty(options.query)
        ? ''
        : buildQuery([
            { values: layer(ctx.defaultQuery) },
            { values: layer(specQuery), specs: spec.query },
            { values: layer(ctx.auth.query) },
            { values: layer(options.query) },
          ]);

    const idempotencyKey = options.idempotencyKey ?? (ctx.idempotency?.methods.includes(method) ? uuid4() : undefined);

    const retryCount = ctx.retryCountHeader;
    const headers = mergeHeaders([
      ctx.platformHeaders,
      { [retryCount]: '0' },
      idempotencyKey !== undefined ? { [ctx.idempotency?.header ?? 'Idempotency-Key']: idempotencyKey } : undefined,
      ctx.auth.headers,
      ctx.envHeaders,
      ctx.defaultHeaders,
      encoded.contentType !== undefined ? { 'content-type': encoded.contentType } : undefined,
      paramHeaders,
      cookie !== undefined ? { cookie } : undefined,
      options.headers,
    ]);
    if (platform.FormData && encoded.body instanceof platform.FormData) delete headers['content-type'];

    // A retry-count header the caller set (or removed) is left alone on retries.
    const ownsRetryCount = !names(options.headers, retryCount) && !names(ctx.defaultHeaders, retryCount);
    return {
      method,
      url: joinURL(ctx.baseURL, path, query),
      headers,
      body: encoded.body,
      retryCountHeader: ownsRetryCount && retryCount in headers ? retryCount : undefined,
    };
  };

  const encoded =
    bodyValue === undefined ? undefined : encodeBody(bodyValue, body?.encoding, body?.contentType, spec.bodyFields);
  if (encoded === undefined) return finish(NO_BODY);
  return encoded instanceof Promise ? encoded.then(finish) : finish(encoded);
}

const NO_BODY: EncodedBody = { body: undefined, contentType: undefined };

/** Whether `source` mentions the header `lowerName` (with any value, `null` included). */
function names(source: HeadersLike, lowerName: string): boolean {
  if (!source) return false;
  if (isHeaders(source)) return source.has(lowerName);
  if (Array.isArray(source)) return source.some(([name]) => String(name).toLowerCase() === lowerName);
  for (const name in source)
    if (name.toLowerCase() === lowerName && (source as Record<string, unknown>)[name] !== undefined) return true;
  return false;
}

/**
 * Parses `Name: value` lines (the custom-headers environment variable); blank lines and lines
 * without a colon are skipped.
 */
export function parseHeaderLines(text: string | undefined): HeaderRecord | undefined {
  if (!text) return undefined;
  let headers: HeaderRecord | undefined;
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name) (headers ??= {})[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The client's fixed first header layer: `accept` and (outside browsers) `user-agent`. */
export function platformHeaders(userAgent: string | undefined): Record<string, string> {
  return userAgent === undefined
    ? { accept: 'application/json' }
    : { accept: 'application/json', 'user-agent': userAgent };
}
