/**
 * Sample values for schemas of the raw OpenAPI document (after loading: only internal `$ref`s remain): what the
 * generated tests send, and what apiforge's own end-to-end suite sends to Prism. Deterministic: the same schema
 * always gives the same value (first enum value, first oneOf variant, fixed values per format).
 */

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** OpenAPI 3.x schema objects, loosely typed: they are read, never built. */
export type SchemaObject = Record<string, any>;
/** Any document with `#/...` pointers (an OpenAPI document). */
export type SpecDocument = object;

/** Follows a local `$ref` (`#/components/...`) until a non-ref object is reached. */
export function deref<T = SchemaObject>(doc: SpecDocument, node: any): T {
  let current = node;
  for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    if (hops > 50) throw new Error(`$ref loop at ${String(current.$ref)}`);
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<any>((obj, key) => obj?.[key], doc);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current as T;
}

export interface ExampleOptions {
  /** Generate request values: skip `readOnly` properties. */
  request?: boolean;
  /** A plain unconstrained string gets this value (e.g. distinct path parameter values). */
  stringHint?: string;
  /** Also fill optional object properties (used for query parameters that are objects). */
  allProperties?: boolean;
  /** Fill the optional properties of the outermost object only (a request body sent with every field). */
  topLevelOptional?: boolean;
  /** Use a schema's own scalar `example` (or first `examples` entry) when it has one, before anything generated. */
  schemaExamples?: boolean;
}

/** The schema's own scalar example: the spec author's value reads better than a generated one. */
function ownExample(schema: SchemaObject): Json | undefined {
  const listed: unknown = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  const value: unknown = 'example' in schema ? schema.example : listed;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2024-01-15T10:00:00.000Z',
  date: '2024-01-15',
  time: '10:00:00Z',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com/path',
  url: 'https://example.com/path',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

function fitLength(value: string, schema: SchemaObject): string {
  let out = value;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  while (out.length < min) out += 'x';
  if (typeof schema.maxLength === 'number' && out.length > schema.maxLength) out = out.slice(0, schema.maxLength);
  return out;
}

function exampleString(schema: SchemaObject, hint: string | undefined): string {
  const format = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined;
  if (format !== undefined) return format;
  const candidates = [hint ?? 'example', 'example', 'example1', 'a1', 'abc', 'A', '1'];
  if (typeof schema.pattern === 'string') {
    const re = new RegExp(schema.pattern, 'u');
    for (const c of candidates) {
      const fitted = fitLength(c, schema);
      if (re.test(fitted)) return fitted;
    }
    throw new Error(`example generator: no candidate matches pattern ${schema.pattern}`);
  }
  return fitLength(candidates[0]!, schema);
}

function exampleNumber(schema: SchemaObject, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let value = min ?? (max !== undefined ? Math.min(1, max) : 1);
  if (schema.exclusiveMinimum === true && min !== undefined) value = min + (integer ? 1 : 0.5);
  if (typeof schema.exclusiveMinimum === 'number') value = schema.exclusiveMinimum + (integer ? 1 : 0.5);
  if (integer) value = Math.ceil(value);
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  }
  if (max !== undefined && value > max) value = max;
  return value;
}

/** `allOf` members merged into one object schema (properties, required, other keywords). */
function mergeAllOf(doc: SpecDocument, schema: SchemaObject): SchemaObject {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  const merged: SchemaObject = { properties: {}, required: [] };
  for (const part of [...(allOf as SchemaObject[]).map((s) => mergeAllOf(doc, deref(doc, s))), own]) {
    const { properties, required, ...rest } = part;
    Object.assign(merged, rest);
    Object.assign(merged.properties, properties ?? {});
    merged.required.push(...((required as string[] | undefined) ?? []));
  }
  return merged;
}

/**
 * A value valid for `schema`: its own scalar example when asked, enums -> first value, known formats, lengths and
 * bounds respected, arrays with one item, objects with their required
 * properties (recursively), oneOf/anyOf -> first variant (with its
 * discriminator value), `$ref`s followed.
 */
export function exampleFor(
  doc: SpecDocument,
  input: SchemaObject | undefined,
  opts: ExampleOptions = {},
  depth = 0,
): Json {
  if (depth > 25) throw new Error('example generator: schema nesting too deep (recursive required properties?)');
  if (!input) return 'example';
  const schema = mergeAllOf(doc, deref(doc, input));
  if ('const' in schema) return schema.const as Json;
  const own = opts.schemaExamples ? ownExample(schema) : undefined;
  if (own !== undefined) return own;
  if (Array.isArray(schema.enum)) {
    const first = (schema.enum as Json[]).find((v) => v !== null);
    return first === undefined ? null : first;
  }
  const variants = (schema.oneOf ?? schema.anyOf) as SchemaObject[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) {
    const chosen = variants[0]!;
    const value = exampleFor(doc, chosen, opts, depth + 1);
    const disc = schema.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
    if (disc && value && typeof value === 'object' && !Array.isArray(value)) {
      const key = Object.entries(disc.mapping ?? {}).find(([, ref]) => ref === chosen.$ref)?.[0];
      if (key !== undefined) value[disc.propertyName] = key;
    }
    return value;
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return exampleString(schema, opts.stringHint);
    case 'integer':
      return exampleNumber(schema, true);
    case 'number':
      return exampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'array': {
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      const items: Json[] = [];
      for (let i = 0; i < count; i++) {
        const itemOpts = { ...opts, stringHint: undefined, topLevelOptional: false };
        const item = exampleFor(doc, schema.items as SchemaObject, itemOpts, depth + 1);
        items.push(schema.uniqueItems && typeof item === 'string' && i > 0 ? `${item}${i}` : item);
      }
      return items;
    }
    case 'null':
      return null;
    default: {
      if (type !== 'object' && !schema.properties && !schema.additionalProperties) return 'example';
      const out: { [key: string]: Json } = {};
      const props = (schema.properties ?? {}) as Record<string, SchemaObject>;
      const every = opts.allProperties || opts.topLevelOptional;
      const names = every ? Object.keys(props) : ((schema.required ?? []) as string[]);
      for (const name of new Set(names)) {
        const prop = props[name];
        if (opts.request && prop && deref(doc, prop).readOnly) continue;
        out[name] = exampleFor(doc, prop, { ...opts, stringHint: undefined, topLevelOptional: false }, depth + 1);
      }
      const min = Math.max(
        typeof schema.minProperties === 'number' ? schema.minProperties : 0,
        opts.allProperties ? 1 : 0,
      );
      if (
        Object.keys(out).length < min &&
        schema.additionalProperties &&
        typeof schema.additionalProperties === 'object'
      ) {
        out['key'] = exampleFor(doc, schema.additionalProperties, { ...opts, topLevelOptional: false }, depth + 1);
      }
      return out;
    }
  }
}
