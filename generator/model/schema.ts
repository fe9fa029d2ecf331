import type { DiagnosticBag } from '../diagnostics.js';
import type { SpecVersion } from '../load/version.js';
import { docsOf, isRecord, resolvePointer, type Json } from './json.js';
import type { Discriminator, Schema, SchemaDocs } from './types.js';

const COMPONENT_PREFIX = '#/components/schemas/';
const GENERIC_SEGMENTS = new Set([
  'schema',
  'items',
  'properties',
  'content',
  'additionalProperties',
  'allOf',
  'oneOf',
  'anyOf',
]);

/** State shared while normalizing every schema of one document. */
export class SchemaContext {
  /** Schemas reached by `$ref`s that point outside `components.schemas`, keyed by pointer. */
  readonly extraTargets = new Map<string, string>();
  private readonly pendingExtra: Array<{ key: string; pointer: string }> = [];
  /** The loader already reported every dangling `$ref` (once per target), so uses stay quiet here. */
  refsChecked = false;

  constructor(
    readonly doc: Record<string, unknown>,
    readonly version: SpecVersion,
    readonly bag: DiagnosticBag,
    readonly file: string,
    readonly componentKeys: ReadonlySet<string>,
  ) {}

  /** Drains schemas that were referenced by pointer and still need a definition. */
  takePending(): Array<{ key: string; pointer: string }> {
    return this.pendingExtra.splice(0);
  }

  /** Key for a non-component `$ref` target: named after its position, stable across runs. */
  extraKey(pointer: string): string {
    const known = this.extraTargets.get(pointer);
    if (known) return known;
    const segments = pointer.replace(/^#\//, '').split('/').map(decodeSegment);
    const meaningful = segments.filter((s) => !GENERIC_SEGMENTS.has(s) && !s.includes('/') && !/^\d+$/.test(s));
    const key = `${meaningful.slice(-2).join('_') || 'Schema'}@${pointer}`;
    this.extraTargets.set(pointer, key);
    this.pendingExtra.push({ key, pointer });
    return key;
  }
}

function decodeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Normalizes one raw JSON Schema (any OpenAPI version) into the model's {@link Schema}. */
export function normalizeSchema(raw: unknown, ctx: SchemaContext, pointer: string): Schema {
  if (raw === false) return { kind: 'never', nullable: false };
  if (!isRecord(raw)) return { kind: 'unknown', nullable: false };
  const docs = docsOf(raw, ctx.version);
  const base = { ...docs, nullable: false, ...flags(raw) };

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
  nullable = nullable || core.nullable;
  return { ...core, nullable };
}

function flags(raw: Record<string, unknown>): { readOnly?: boolean; writeOnly?: boolean } {
  const out: { readOnly?: boolean; writeOnly?: boolean } = {};
  if (raw['readOnly'] === true) out.readOnly = true;
  if (raw['writeOnly'] === true) out.writeOnly = true;
  return out;
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
    return { ...result, nullable: typeNullable || composed.nullable };
  }
  if (nonNull.length > 1) {
    const variants = nonNull.map((t) => normalizeShape(raw, [t], ctx, pointer, { nullable: false }));
    return { ...base, kind: 'union', variants, nullable: typeNullable };
  }
  if (types.length === 1 && types[0] === 'null') return { ...base, kind: 'null', nullable: false };
  return { ...normalizeShape(raw, nonNull, ctx, pointer, base), nullable: typeNullable };
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

/**
 * The values each `$ref` variant's discriminator is pinned to: the `mapping` when there is one,
 * else the variant's own `const` / single-value `enum` for the property, else its schema name.
 * A value the variant itself rules out is never pinned (`'user' & 'ChatUserMessage'` is `never`).
 */
function normalizeDiscriminator(raw: unknown, variants: Schema[], ctx: SchemaContext): Discriminator | undefined {
  if (!isRecord(raw) || typeof raw['propertyName'] !== 'string') return undefined;
  const propertyName = raw['propertyName'];
  const candidates: Discriminator['mapping'] = [];
  if (isRecord(raw['mapping'])) {
    for (const [value, ref] of Object.entries(raw['mapping'])) {
      if (typeof ref !== 'string') continue;
      const target = ref.startsWith(COMPONENT_PREFIX) ? decodeSegment(ref.slice(COMPONENT_PREFIX.length)) : ref;
      candidates.push({ value, target });
    }
  } else {
    for (const v of variants) {
      if (v.kind !== 'ref') continue;
      const own = ownValues(ctx, v.target, propertyName);
      candidates.push({ value: own?.length === 1 ? own[0]! : v.target, target: v.target });
    }
  }
  const mapping = candidates.filter((m) => {
    const own = ownValues(ctx, m.target, propertyName);
    return own === undefined || own.includes(m.value);
  });
  return { propertyName, mapping };
}

/** The string values a component schema allows for `property` (`const` or `enum`), when it restricts them. */
function ownValues(ctx: SchemaContext, key: string, property: string, depth = 0): string[] | undefined {
  const schemas = isRecord(ctx.doc['components']) ? ctx.doc['components']['schemas'] : undefined;
  const raw = isRecord(schemas) ? schemas[key] : undefined;
  return valuesIn(ctx, raw, property, depth);
}

function valuesIn(ctx: SchemaContext, raw: unknown, property: string, depth: number): string[] | undefined {
  if (!isRecord(raw) || depth > 8) return undefined;
  const deref = (node: unknown): unknown =>
    isRecord(node) && typeof node['$ref'] === 'string' ? resolvePointer(ctx.doc, node['$ref']) : node;
  if (typeof raw['$ref'] === 'string') return valuesIn(ctx, deref(raw), property, depth + 1);
  const prop = deref(isRecord(raw['properties']) ? raw['properties'][property] : undefined);
  if (isRecord(prop)) {
    if (typeof prop['const'] === 'string') return [prop['const']];
    if (Array.isArray(prop['enum'])) return prop['enum'].filter((v): v is string => typeof v === 'string');
  }
  for (const part of Array.isArray(raw['allOf']) ? raw['allOf'] : []) {
    const found = valuesIn(ctx, part, property, depth + 1);
    if (found) return found;
  }
  return undefined;
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
        schema: normalizeSchema(s, ctx, `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`),
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
      normalizeSchema(s, ctx, `${pointer}/patternProperties/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  return out;
}
