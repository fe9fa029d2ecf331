/**
 * Read-only views over normalized schemas for pagination detection: follows
 * `$ref`s through a resolver and merges `allOf` parts, so detection sees the
 * properties a response body really has.
 */
import type { ArraySchema, Operation, Schema } from '../types.js';
import { successResponse } from '../media.js';

/** Looks up a named schema by its key in `model.schemas`. */
export type SchemaResolver = (key: string) => Schema | undefined;

const MAX_REF_DEPTH = 32;

/** Follows `$ref`s until a non-ref schema (or a dangling / cyclic ref, which gives undefined). */
export function deref(schema: Schema | undefined, resolve: SchemaResolver): Schema | undefined {
  let cur = schema;
  for (let depth = 0; cur && cur.kind === 'ref'; depth++) {
    if (depth >= MAX_REF_DEPTH) return undefined;
    cur = resolve(cur.target);
  }
  return cur;
}

/** Drops `null` variants: `oneOf: [X, null]` and `type: [x, 'null']` mean X for detection. */
function nonNull(schema: Schema | undefined, resolve: SchemaResolver): Schema | undefined {
  const s = deref(schema, resolve);
  if (!s || s.kind !== 'union') return s;
  const rest = s.variants.filter((v) => deref(v, resolve)?.kind !== 'null');
  return rest.length === 1 ? nonNull(rest[0], resolve) : s;
}

/**
 * The properties of an object-like schema: an object, or an `allOf` whose
 * parts are objects (later parts win on a clash). Undefined for anything else.
 */
export function objectProperties(
  schema: Schema | undefined,
  resolve: SchemaResolver,
  seen = new Set<Schema>(),
): Map<string, Schema> | undefined {
  const s = nonNull(schema, resolve);
  if (!s || seen.has(s)) return undefined;
  if (s.kind === 'object') return new Map(s.properties.map((p) => [p.name, p.schema]));
  if (s.kind !== 'intersection') return undefined;
  seen.add(s);
  let out: Map<string, Schema> | undefined;
  for (const part of s.parts) {
    const props = objectProperties(part, resolve, seen);
    if (!props) continue;
    out ??= new Map();
    for (const [name, value] of props) out.set(name, value);
  }
  seen.delete(s);
  return out;
}

/**
 * Like {@link objectProperties}, but also looks through unions: the
 * properties of every object-like variant, merged. For finding where a field
 * *can* be (DigitalOcean's `links.pages` is `anyOf: [forward, backward, {}]`).
 */
export function reachableProperties(
  schema: Schema | undefined,
  resolve: SchemaResolver,
): Map<string, Schema> | undefined {
  const s = nonNull(schema, resolve);
  if (s?.kind !== 'union') return objectProperties(s, resolve);
  let out: Map<string, Schema> | undefined;
  for (const variant of s.variants) {
    const props = objectProperties(variant, resolve);
    if (!props) continue;
    out ??= new Map();
    for (const [name, value] of props) if (!out.has(name)) out.set(name, value);
  }
  return out;
}

/** The array schema when `schema` is an array (through refs, nullability and single-array `allOf`). */
export function asArray(schema: Schema | undefined, resolve: SchemaResolver): ArraySchema | undefined {
  const s = nonNull(schema, resolve);
  if (!s) return undefined;
  if (s.kind === 'array') return s;
  if (s.kind === 'union') {
    // `oneOf: [A[], B[]]`: an array of `A | B`.
    const arrays = s.variants.map((v) => asArray(v, resolve));
    if (arrays.length < 2 || arrays.some((a) => !a)) return undefined;
    return {
      kind: 'array',
      nullable: s.nullable,
      items: { kind: 'union', nullable: false, variants: arrays.map((a) => (a as ArraySchema).items) },
    };
  }
  if (s.kind === 'intersection') {
    const arrays = s.parts.map((p) => asArray(p, resolve)).filter((a): a is ArraySchema => a !== undefined);
    return arrays.length === 1 ? arrays[0] : undefined;
  }
  return undefined;
}

/** A string, a string enum, or a nullable/union of those: what a cursor or token can be. */
export function isStringLike(schema: Schema | undefined, resolve: SchemaResolver): boolean {
  const s = nonNull(schema, resolve);
  if (!s) return false;
  if (s.kind === 'string') return !s.binary;
  if (s.kind === 'enum') return s.values.every((v) => typeof v === 'string' || v === null);
  if (s.kind === 'union')
    return s.variants.every((v) => deref(v, resolve)?.kind === 'null' || isStringLike(v, resolve));
  return false;
}

/** A string that is declared as a URL (`format: uri`): a next *link*, not an opaque token. */
export function isUrl(schema: Schema | undefined, resolve: SchemaResolver): boolean {
  const s = nonNull(schema, resolve);
  return s?.kind === 'string' && (s.format === 'uri' || s.format === 'url' || s.format === 'uri-reference');
}

export function isBoolean(schema: Schema | undefined, resolve: SchemaResolver): boolean {
  return nonNull(schema, resolve)?.kind === 'boolean';
}

export function isNumeric(schema: Schema | undefined, resolve: SchemaResolver): boolean {
  const k = nonNull(schema, resolve)?.kind;
  return k === 'integer' || k === 'number';
}

/** Whether every shape the schema can take (an object, or each variant of a union) has the property. */
export function alwaysHasProperty(schema: Schema | undefined, name: string, resolve: SchemaResolver): boolean {
  const s = nonNull(schema, resolve);
  if (s?.kind === 'union')
    return (
      s.variants.length > 0 &&
      s.variants.every((v) => deref(v, resolve)?.kind === 'null' || alwaysHasProperty(v, name, resolve))
    );
  return objectProperties(s, resolve)?.has(name) ?? false;
}

/** The schema at a property path (`['pagination', 'next']`), or undefined when a step is missing. */
export function schemaAt(
  root: Schema | undefined,
  path: readonly string[],
  resolve: SchemaResolver,
): Schema | undefined {
  let cur = root;
  for (const key of path) {
    const props = reachableProperties(cur, resolve);
    cur = props?.get(key);
    if (!cur) return undefined;
  }
  return cur;
}

/** The JSON body schema of the success response, or undefined when it has none. */
export function successJsonBody(op: Operation): Schema | undefined {
  const ok = successResponse(op);
  return ok?.content.find((c) => c.encoding === 'json')?.schema;
}

/** Declared headers of the success response (names as written). */
export function successHeaders(op: Operation): string[] {
  return successResponse(op)?.headers.map((h) => h.name) ?? [];
}
