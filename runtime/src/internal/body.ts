import {
  platform,
  type Blob,
  type BodyInit,
  type FormData,
  type ReadableStreamLike,
  type Response,
} from '../core/platform.js';
import type { BodyFieldSpec } from '../core/media-contract.js';
import type { OperationSpec } from '../core/types.js';
import { scalarToString } from './headers.js';
import { deepPairs, serializeParam } from './query.js';
import { newReadableStream } from './web-streams.js';

export interface EncodedBody {
  body: BodyInit | undefined;
  /** Content-Type to send; undefined lets fetch decide (FormData boundary) or means no body. */
  contentType: string | undefined;
}

type BodyEncoding = NonNullable<OperationSpec['body']>['encoding'];
type FieldSpecs = Readonly<Record<string, BodyFieldSpec>> | undefined;

/** A `ReadableStream` request body: sent as it is read, so it cannot be sent a second time. */
export function isOneShotBody(body: unknown): body is ReadableStreamLike {
  return isStream(body);
}

const NO_BODY: EncodedBody = { body: undefined, contentType: undefined };

/** Values fetch can send as they are. */
function isRawBody(value: unknown): value is BodyInit {
  return (
    typeof value === 'string' ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    isBlob(value) ||
    (platform.FormData !== undefined && value instanceof platform.FormData) ||
    (platform.URLSearchParams !== undefined && value instanceof platform.URLSearchParams)
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** An iterator of chunks (`[bytes][Symbol.iterator]()`, a generator): not an array or collection, which are JSON. */
function isChunkIterator(value: unknown): value is Iterator<Uint8Array | string> & Iterable<Uint8Array | string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Symbol.iterator in value &&
    typeof (value as { next?: unknown }).next === 'function'
  );
}

/**
 * A value that can be read only once (a stream, a generator, an iterator) as a `ReadableStream` sent as it is read,
 * as the Stainless clients send such raw bodies; undefined for anything else.
 */
function asOneShotStream(value: unknown): ReadableStreamLike | undefined {
  if (isStream(value)) return value;
  if (!platform.ReadableStream || !(isAsyncIterable(value) || isChunkIterator(value))) return undefined;
  const iterator = isAsyncIterable(value) ? value[Symbol.asyncIterator]() : value[Symbol.iterator]();
  const encoder = new platform.TextEncoder();
  return newReadableStream({
    async pull(controller) {
      const { done, value: chunk } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
    async cancel() {
      await iterator.return?.();
    },
  }) as unknown as ReadableStreamLike;
}

/** True for values that are sent as files in multipart bodies (and buffered as raw bodies). */
export function isUploadable(
  value: unknown,
): value is Blob | ArrayBuffer | ArrayBufferView | ReadableStreamLike | Response | AsyncIterable<Uint8Array> {
  return (
    isBlob(value) ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    isStream(value) ||
    isResponse(value) ||
    isAsyncIterable(value) ||
    isChunkIterator(value)
  );
}

function isBlob(value: unknown): value is Blob {
  return platform.Blob !== undefined && value instanceof platform.Blob;
}

function isStream(value: unknown): value is ReadableStreamLike {
  return platform.ReadableStream !== undefined && value instanceof platform.ReadableStream;
}

function isResponse(value: unknown): value is Response {
  return platform.Response !== undefined && value instanceof platform.Response;
}

/** A Blob of `parts`; throws a clear error on a platform without Blob. */
function newBlob(parts: ReadonlyArray<string | ArrayBuffer | ArrayBufferView | Blob>, type: string | undefined): Blob {
  if (!platform.Blob) throw new TypeError('Uploading bytes needs a global Blob (Node 18+, browsers, Deno, Bun).');
  return new platform.Blob(parts, type ? { type } : {});
}

/** The file name carried by a File (`name`) or a Response (`url`), if any. */
export function fileName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as { name?: unknown }).name;
  if (typeof name === 'string' && name) return name.split(/[\\/]/).pop();
  const url = (value as { url?: unknown }).url;
  if (typeof url === 'string' && url)
    return new platform.URL(url, 'http://localhost').pathname.split('/').pop() || undefined;
  return undefined;
}

/**
 * Reads bytes, a string, a stream, a Response, an (async) iterable of chunks or a Blob into a
 * Blob, so that a retry can resend it. `type` sets the Blob's type.
 */
export async function toBlob(value: unknown, type?: string): Promise<Blob> {
  if (isBlob(value)) return type && !value.type ? newBlob([value], type) : value;
  if (typeof value === 'string' || value instanceof ArrayBuffer) return newBlob([value], type);
  if (ArrayBuffer.isView(value))
    return newBlob([new Uint8Array(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))], type);
  if (isResponse(value)) {
    const blob = await value.blob();
    return type ? newBlob([blob], type) : blob;
  }
  if (isStream(value) && platform.Response) return newBlob([await new platform.Response(value).blob()], type);
  if (isAsyncIterable(value) || Symbol.iterator in Object(value)) {
    const parts: Array<string | Uint8Array> = [];
    for await (const chunk of value as AsyncIterable<Uint8Array | string>)
      parts.push(typeof chunk === 'string' ? chunk : new Uint8Array(chunk));
    return newBlob(parts, type);
  }
  throw new TypeError(
    `Cannot upload a value of type ${typeof value}; expected a Blob, File, bytes, stream or Response.`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !isUploadable(value)
  );
}

/** Appends one multipart field: files as files, objects as JSON (or `field[key]` parts for deepObject). */
async function appendPart(form: FormData, key: string, item: unknown, spec: BodyFieldSpec | undefined): Promise<void> {
  if (item === undefined || item === null) return;
  if (isUploadable(item)) {
    const blob = await toBlob(item);
    const typed = spec?.contentType && !blob.type ? newBlob([blob], spec.contentType) : blob;
    form.append(key, typed, fileName(item) ?? 'file');
  } else if (isPlainObject(item) && spec?.style === 'deepObject') {
    for (const [name, value] of deepPairs(key, item)) form.append(name, value);
  } else {
    form.append(key, typeof item === 'object' && !(item instanceof Date) ? JSON.stringify(item) : scalarToString(item));
  }
}

/**
 * `multipart/form-data`: uploadables become files (read into memory first, so that a retry
 * sends the same bytes), arrays repeat the field, objects are JSON unless the `encoding` object
 * asks for deepObject parts, and `null` / `undefined` fields are left out.
 */
export async function encodeMultipart(value: unknown, fields?: FieldSpecs): Promise<FormData> {
  if (platform.FormData === undefined)
    throw new TypeError('Multipart bodies need a global FormData (Node 18+, browsers, Deno, Bun).');
  if (value instanceof platform.FormData) return value;
  const form = new platform.FormData();
  for (const [key, field] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(field) ? field : [field]) await appendPart(form, key, item, fields?.[key]);
  }
  return form;
}

/**
 * `application/x-www-form-urlencoded`: each field per its `encoding` style and explode, as
 * query parameters are (objects deepObject-style and arrays repeated by default).
 */
export function encodeForm(value: unknown, fields?: FieldSpecs): string {
  if (value === null || value === undefined) return '';
  const parts: string[] = [];
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    parts.push(...serializeParam(key, field === null ? '' : field, fields?.[key]));
  }
  return parts.join('&');
}

/**
 * Encodes a request body; synchronous unless something has to be read first. Files, responses
 * and iterables are read into memory so that a retry resends the same bytes; a `ReadableStream`
 * given as a whole byte body is sent as it is read instead (large uploads), so that request is
 * never retried. `encoding` undefined (raw calls, or a `body`
 * request option without a body spec) sends strings/bytes/FormData as they are, what can be read
 * only once (streams, generators, iterators) as a stream, never retried, and everything else as JSON.
 */
export function encodeBody(
  value: unknown,
  encoding: BodyEncoding | undefined,
  contentType: string | undefined,
  fields?: FieldSpecs,
): EncodedBody | Promise<EncodedBody> {
  if (value === undefined) return NO_BODY;
  switch (encoding) {
    case 'json':
      return { body: JSON.stringify(value), contentType: contentType ?? 'application/json' };
    case 'form':
      return { body: encodeForm(value, fields), contentType: contentType ?? 'application/x-www-form-urlencoded' };
    case 'multipart':
      // fetch sets `multipart/form-data; boundary=...` itself.
      return encodeMultipart(value, fields).then((body) => ({ body, contentType: undefined }));
    case 'text':
      return { body: scalarToString(value), contentType: contentType ?? 'text/plain' };
    case 'binary': {
      const type = contentType ?? 'application/octet-stream';
      if (isRawBody(value)) return { body: value, contentType: type };
      // Sent as it is read; fetch's body type does not name streams without the DOM lib.
      if (isOneShotBody(value)) return { body: value as unknown as BodyInit, contentType: type };
      return toBlob(value).then((body) => ({ body, contentType: type }));
    }
    default: {
      if (isRawBody(value)) return { body: value, contentType: undefined };
      const stream = asOneShotStream(value);
      if (stream) return { body: stream as unknown as BodyInit, contentType: undefined };
      if (isUploadable(value)) return toBlob(value).then((body) => ({ body, contentType: undefined }));
      return { body: JSON.stringify(value), contentType: 'application/json' };
    }
  }
}
