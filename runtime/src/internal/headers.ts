import { platform, type Headers } from '../core/platform.js';
import type { HeadersLike } from '../core/types.js';

/** Lower-cased header name -> value; repeated values are joined with `, ` as `Headers` does. */
export type HeaderRecord = Record<string, string>;

/**
 * Merges one header source into `into` (lower-cased names), replacing what earlier sources set.
 * Inside one Headers object or tuple list, repeated names are appended (an object's keys replace
 * each other); a `null` value removes the header set so far.
 * `owner` maps a name to the source that last set it (`layer` is this source's number).
 */
function mergeSource(into: HeaderRecord, owner: Record<string, number>, layer: number, source: HeadersLike): void {
  const put = (name: string, value: string | null): void => {
    const lower = name.toLowerCase();
    if (value === null) {
      delete into[lower];
    } else if (owner[lower] === layer && lower in into) {
      into[lower] = `${into[lower]}, ${value}`;
    } else {
      into[lower] = value;
    }
    owner[lower] = layer;
  };
  if (isHeaders(source)) {
    source.forEach((value, name) => put(name, value));
  } else if (Array.isArray(source)) {
    for (const [name, value] of source as ReadonlyArray<readonly [string, string | null | undefined]>) {
      if (value !== undefined) put(name, value);
    }
  } else {
    const record = source as Readonly<Record<string, string | readonly string[] | null | undefined>>;
    for (const name in record) {
      const value = record[name];
      if (value === undefined) continue;
      // An object key replaces what an earlier key of the same object set ('X-A' then 'x-a'),
      // as in the official SDKs; only an array value (or a tuple list, or Headers) appends.
      const lower = name.toLowerCase();
      if (owner[lower] === layer) delete into[lower];
      if (Array.isArray(value)) for (const item of value as readonly string[]) put(name, item);
      else put(name, value as string | null);
    }
  }
}

/** A `Headers` object (of this platform, or any with `forEach`, such as a polyfill's). */
export function isHeaders(value: unknown): value is Headers {
  return typeof platform.Headers === 'function' && value instanceof platform.Headers;
}

/**
 * Merges header sources into a record of lower-cased names, later sources winning
 * (case-insensitive). Inside one source, repeated names are appended; a `null` value
 * removes the header set so far.
 */
export function mergeHeaders(sources: readonly HeadersLike[]): HeaderRecord {
  const result: HeaderRecord = Object.create(null) as HeaderRecord;
  const owner: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    if (source) mergeSource(result, owner, i, source);
  }
  return result;
}

/** Like `mergeHeaders`, as a `Headers` object. */
export function buildHeaders(sources: readonly HeadersLike[]): Headers {
  return toHeaders(mergeHeaders(sources));
}

/** A `Headers` object with the entries of `record`. */
export function toHeaders(record: Readonly<HeaderRecord>): Headers {
  const headers = new platform.Headers();
  for (const name in record) headers.set(name, record[name] ?? '');
  return headers;
}

/** Stringifies a header parameter value (OpenAPI `simple` style: arrays comma-joined). */
export function headerValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => scalarToString(item)).join(',');
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .flatMap(([k, v]) => [k, scalarToString(v)])
      .join(',');
  }
  return scalarToString(value);
}

export function scalarToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
