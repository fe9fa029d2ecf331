import type { QueryParamSpec } from '../core/types.js';
import { scalarToString } from './headers.js';

type Pair = readonly [key: string, value: string];

/** Encodes a query key; `[` and `]` are kept readable (`createdAt[gt]`). */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

function encodeValue(value: string): string {
  return encodeURIComponent(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** deepObject-style pairs: `key[a][b]=v`; arrays repeat the key. */
export function deepPairs(key: string, value: unknown, out: Pair[] = []): Pair[] {
  if (value === undefined) return out;
  if (Array.isArray(value)) {
    for (const item of value) deepPairs(key, item, out);
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) deepPairs(`${key}[${k}]`, v, out);
  } else {
    out.push([key, scalarToString(value)]);
  }
  return out;
}

const delimiters = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' } as const;

/**
 * Serializes one parameter per its OpenAPI style. `undefined` is skipped; `null`
 * is sent as an empty value (`key=`). Returns encoded `key=value` strings.
 */
export function serializeParam(key: string, value: unknown, spec: QueryParamSpec = {}): string[] {
  if (value === undefined) return [];
  const style = spec.style ?? (isPlainObject(value) ? 'deepObject' : 'form');
  const explode = spec.explode ?? (style === 'form' || style === 'deepObject');
  const k = encodeKey(key);
  if (style === 'deepObject') {
    return deepPairs(key, value).map(([pk, pv]) => `${encodeKey(pk)}=${encodeValue(pv)}`);
  }
  if (value === null) return [`${k}=`];
  const delimiter = delimiters[style];
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined).map((item) => encodeValue(scalarToString(item)));
    if (items.length === 0) return [];
    if (explode) return items.map((item) => `${k}=${item}`);
    return [`${k}=${items.join(delimiter === ' ' ? '%20' : delimiter)}`];
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (explode) return entries.map(([pk, pv]) => `${encodeKey(pk)}=${encodeValue(scalarToString(pv))}`);
    const flat = entries.flatMap(([pk, pv]) => [encodeValue(pk), encodeValue(scalarToString(pv))]);
    return [`${k}=${flat.join(delimiter === ' ' ? '%20' : delimiter)}`];
  }
  return [`${k}=${encodeValue(scalarToString(value))}`];
}

/**
 * Builds a query string (without `?`). `layers` are applied in order; a later
 * layer replaces a key set by an earlier one, and removes it with an explicit `undefined`.
 */
export function buildQuery(
  layers: ReadonlyArray<{
    values: Readonly<Record<string, unknown>>;
    specs?: Readonly<Record<string, QueryParamSpec>> | undefined;
  }>,
): string {
  const merged = new Map<string, string[]>();
  for (const { values, specs } of layers) {
    for (const [key, value] of Object.entries(values)) {
      // An explicit `undefined` removes what a lower layer (defaultQuery) set.
      if (value === undefined) merged.delete(key);
      else merged.set(key, serializeParam(key, value, specs?.[key]));
    }
  }
  return [...merged.values()].flat().join('&');
}
