import { normalizeDiscriminator } from './discriminator.js';
import { docsOf, isRecord, pointerSegment, resolvePointer, type Json } from './json.js';
import { COMPONENT_PREFIX, decodeSegment, SchemaContext } from './schema-context.js';
import type { Schema, SchemaDocs } from './types.js';

export { SchemaContext };

/** Normalizes one raw JSON Schema (any OpenAPI version) into the model's {@link Schema}. */
export function normalizeSchema(raw: unknown, ctx: SchemaContext, pointer: string): Schema {
  if (raw === false) return { kind: 'never', nullable: false };
  if (!isRecord(raw)) return { kind: 'unknown', nullable: false };
  // Built in place (docs, then nullable, then the flags): the same keys in the same order as spreading them.
  const base: Base = { ...docsOf(raw, ctx.version), nullable: false };
  if (raw['readOnly'] === true) base.readOnly = true;
  if (raw['writeOnly'] === true) base.writeOnly = true;

  if (typeof raw['$ref'] === 'string') return normalizeRef(raw, raw['$ref'], ctx, pointer, base);

  let nullable = raw['nullable'] === true;
  if (raw['nullable'] === true && ctx.version !== '3.0' && ctx.version !== '2.0') {
    ctx.bag.warn('nullable-in-3.1', '`nullable` is not part of OpenAPI 3.1; read as `type: [..., "null"]`', {
      file: ctx.file,
      pointer,
    });
  }

  const core = normalizeCore(raw, ctx, pointer, base);
  // OpenAPI 3.0.3 says `nullable` without `type` has no effect, but specs mean "or null" (Stigg's
  // `couponId: { oneOf: [...], nullable: true }`, Stripe's `anyOf` + `nullable`): read it so, with a warning.
  if (raw['nullable'] === true && raw['type'] === undefined) {
    const reading = core.kind === 'unknown' && !hasComposition(raw) ? 'read as any value or null' : 'read as nullable';
    ctx.bag.warn('nullable-without-type', `\`nullable: true\` without a \`type\`: ${reading}`, {
      file: ctx.file,
      pointer,
    });
  }
  // normalizeCore returns a fresh object that already has its `nullable` key: set it rather than copy the node.
  core.nullable = nullable || core.nullable;
  return core;
}

function hasComposition(raw: Record<string, unknown>): boolean {
  return ['allOf', 'oneOf', 'anyOf', 'enum', 'const', 'properties', 'items'].some((k) => raw[k] !== undefined);
}

type Base = SchemaDocs & { nullable: boolean; readOnly?: boolean; writeOnly?: boolean };

function normalizeRef(
  raw: Record<string, unknown>,
  ref: string,
  ctx: SchemaContext,
  pointer: string,
  base: Base,
): Schema {
  let target: string | undefined;
  if (ref.startsWith(COMPONENT_PREFIX) && !ref.slice(COMPONENT_PREFIX.length).includes('/')) {
    const key = decodeSegment(ref.slice(COMPONENT_PREFIX.length));
    if (ctx.componentKeys.has(key)) target = key;
  } else if (ref.startsWith('#/') && resolvePointer(ctx.doc, ref) !== undefined) {
    target = ctx.extraKey(ref);
  }
  if (target === undefined) {
    if (ctx.refsChecked) return { ...base, kind: 'unknown' };
    ctx.bag.error('dangling-ref', `$ref ${JSON.stringify(ref)} points to nothing; typed as unknown`, {
      file: ctx.file,
      pointer,
    });
    return { ...base, kind: 'unknown' };
  }
  const refNode: Schema = { ...base, kind: 'ref', target, nullable: raw['nullable'] === true };
  // Keywords beside a $ref are valid in 3.1 and common in 3.0 specs: keep them as an intersection, never drop them.
  const siblings = Object.keys(raw).filter((k) => SCHEMA_KEYWORDS.has(k));
  if (siblings.length === 0) return refNode;
  if (ctx.version === '3.0' || ctx.version === '2.0') {
    ctx.bag.warn('ref-sibling-keys', `keys beside $ref (${siblings.join(', ')}) are kept as an intersection`, {
      file: ctx.file,
      pointer,
    });
  }
  const rest: Record<string, unknown> = {};
  for (const k of siblings) rest[k] = raw[k];
  const extra = normalizeCore(rest, ctx, pointer, { nullable: false });
  return {
    ...base,
    kind: 'intersection',
    parts: [{ kind: 'ref', target, nullable: false }, extra],
    nullable: raw['nullable'] === true,
  };
}

const SCHEMA_KEYWORDS = new Set([
  'type',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'enum',
  'const',
  'additionalProperties',
  'required',
]);

function normalizeCore(raw: Record<string, unknown>, ctx: SchemaContext, pointer: string, base: Base): Schema {
  const types = typeList(raw);
  const typeNullable = types.includes('null');
  const nonNull = types.filter((t) => t !== 'null');

  if (raw['const'] === null) return { ...base, kind: 'null', nullable: false };
  if (raw['const'] !== undefined)
    return { ...base, kind: 'enum', values: [raw['const'] as Json], nullable: typeNullable };
  if (Array.isArray(raw['enum'])) {
    const values = raw['enum'] as Json[];
    const hasNull = values.includes(null);
    return { ...base, kind: 'enum', values: values.filter((v) => v !== null), nullable: typeNullable || hasNull };
  }

  const composed = normalizeComposition(raw, ctx, pointer, base);
  if (composed) {
    // A composition next to its own properties (`type: object` + `oneOf`) is both at once.
    const own = hasOwnShape(raw) ? normalizeShape(raw, nonNull, ctx, pointer, { nullable: false }) : undefined;
    const result: Schema = own ? { ...base, kind: 'intersection', parts: [own, composed] } : composed;
    result.nullable = typeNullable || composed.nullable;
    return result;
  }
  if (nonNull.length > 1) {
    const variants = nonNull.map((t) => normalizeShape(raw, [t], ctx, pointer, { nullable: false }));
    return { ...base, kind: 'union', variants, nullable: typeNullable };
  }
  if (types.length === 1 && types[0] === 'null') return { ...base, kind: 'null', nullable: false };
  const shape = normalizeShape(raw, nonNull, ctx, pointer, base);
  shape.nullable = typeNullable;
  return shape;
}

function typeList(raw: Record<string, unknown>): string[] {
  const t = raw['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function hasOwnShape(raw: Record<string, unknown>): boolean {
  return (
    isRecord(raw['properties']) || (raw['additionalProperties'] !== undefined && raw['additionalProperties'] !== false)
  );
}

function normalizeComposition(
  raw: Record<string, unknown>,
  ctx: SchemaContext,
  pointer: string,
  base: Base,
): Schema | undefined {
  if (Array.isArray(raw['allOf'])) {
    const parts = raw['allOf'].map((s, i) => normalizeSchema(s, ctx, `${pointer}/allOf/${i}`));
    if (parts.length === 1 && parts[0]) return { ...parts[0], ...stripUndefined(base), nullable: parts[0].nullable };
    return { ...base, kind: 'intersection', parts };
  }
  const key = Array.isArray(raw['oneOf']) ? 'oneOf' : Array.isArray(raw['anyOf']) ? 'anyOf' : undefined;
  if (!key) return undefined;
  const list = raw[key] as unknown[];
  const variants: Schema[] = [];
  let nullable = false;
  list.forEach((s, i) => {
    const v = normalizeSchema(s, ctx, `${pointer}/${key}/${i}`);
    if (v.kind === 'null') nullable = true;
    else variants.push(v);
  });
  const discriminator = normalizeDiscriminator(raw['discriminator'], variants, ctx);
  if (variants.length === 1 && variants[0] && !discriminator)
    return { ...variants[0], nullable: nullable || variants[0].nullable };
  const union: Schema = { ...base, kind: 'union', variants, nullable };
  if (discriminator) union.discriminator = discriminator;
  return union;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function normalizeShape(
  raw: Record<string, unknown>,
  types: string[],
  ctx: SchemaContext,
  pointer: string,
  base: Base,
): Schema {
  const type = types[0] ?? inferType(raw);
  switch (type) {
    case 'string': {
      const binary = raw['format'] === 'binary' || raw['contentMediaType'] === 'application/octet-stream';
      return binary ? { ...base, kind: 'string', binary } : { ...base, kind: 'string' };
    }
    case 'integer':
    case 'number':
      return { ...base, kind: type };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'null':
      return { ...base, kind: 'null' };
    case 'array':
      return normalizeArray(raw, ctx, pointer, base);
    case 'object':
      return normalizeObject(raw, ctx, pointer, base);
    default:
      return { ...base, kind: 'unknown' };
  }
}

function inferType(raw: Record<string, unknown>): string | undefined {
  if (isRecord(raw['properties']) || raw['additionalProperties'] !== undefined || isRecord(raw['patternProperties']))
    return 'object';
  if (raw['items'] !== undefined || Array.isArray(raw['prefixItems'])) return 'array';
  return undefined;
}

function normalizeArray(raw: Record<string, unknown>, ctx: SchemaContext, pointer: string, base: Base): Schema {
  if (Array.isArray(raw['prefixItems']) || Array.isArray(raw['items'])) {
    const list = (Array.isArray(raw['prefixItems']) ? raw['prefixItems'] : raw['items']) as unknown[];
    const key = Array.isArray(raw['prefixItems']) ? 'prefixItems' : 'items';
    const prefixItems = list.map((s, i) => normalizeSchema(s, ctx, `${pointer}/${key}/${i}`));
    // Extra members beyond the tuple are allowed unless `items: false` (2020-12) / `additionalItems: false` says otherwise.
    const restRaw = key === 'prefixItems' ? raw['items'] : raw['additionalItems'];
    const restPointer = `${pointer}/${key === 'prefixItems' ? 'items' : 'additionalItems'}`;
    const rest: Schema =
      restRaw === undefined || restRaw === true
        ? { kind: 'unknown', nullable: false }
        : normalizeSchema(restRaw, ctx, restPointer);
    return { ...base, kind: 'array', items: rest, prefixItems };
  }
  return { ...base, kind: 'array', items: normalizeSchema(raw['items'] ?? {}, ctx, `${pointer}/items`) };
}

function normalizeObject(raw: Record<string, unknown>, ctx: SchemaContext, pointer: string, base: Base): Schema {
  const required = new Set(
    Array.isArray(raw['required']) ? (raw['required'] as unknown[]).filter((r) => typeof r === 'string') : [],
  );
  const properties = isRecord(raw['properties'])
    ? Object.entries(raw['properties']).map(([name, s]) => ({
        name,
        required: required.has(name),
        schema: normalizeSchema(s, ctx, `${pointer}/properties/${pointerSegment(name)}`),
      }))
    : [];
  const out: Schema = { ...base, kind: 'object', properties };
  const ap = raw['additionalProperties'];
  if (ap === true || (isRecord(ap) && Object.keys(ap).length === 0)) out.additionalProperties = true;
  else if (isRecord(ap)) out.additionalProperties = normalizeSchema(ap, ctx, `${pointer}/additionalProperties`);
  else if (ap === undefined && properties.length === 0 && !isRecord(raw['patternProperties']))
    out.additionalProperties = true;
  if (isRecord(raw['patternProperties'])) {
    out.patternProperties = Object.entries(raw['patternProperties']).map(([k, s]) =>
      normalizeSchema(s, ctx, `${pointer}/patternProperties/${pointerSegment(k)}`),
    );
  }
  return out;
}
