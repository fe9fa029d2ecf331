/**
 * The model's schemas: a version-independent form of JSON Schema (3.0 `nullable`, 3.1 type arrays, 2.0
 * definitions all end up here) that type emission reads. Part of the canonical model (`types.ts`).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Documentation carried by any schema or member. */
export interface SchemaDocs {
  title?: string;
  description?: string;
  default?: JsonValue;
  example?: JsonValue;
  format?: string;
  deprecated?: boolean;
}

interface SchemaBase extends SchemaDocs {
  /** `nullable: true` (3.0) and `type: [x, 'null']` (3.1) both end up here. */
  nullable: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
}

export interface RefSchema extends SchemaBase {
  kind: 'ref';
  /** Key into {@link ApiModel.schemas}. */
  target: string;
}
export interface StringSchema extends SchemaBase {
  kind: 'string';
  /** `format: binary` (or `contentMediaType` octet-stream): an uploadable file. */
  binary?: boolean;
}
export interface NumberSchema extends SchemaBase {
  kind: 'number' | 'integer';
}
export interface BooleanSchema extends SchemaBase {
  kind: 'boolean';
}
export interface NullSchema extends SchemaBase {
  kind: 'null';
}
/** `enum` and `const` (a one-value enum). */
export interface EnumSchema extends SchemaBase {
  kind: 'enum';
  values: JsonValue[];
}
export interface ArraySchema extends SchemaBase {
  kind: 'array';
  items: Schema;
  /** Tuple members (`prefixItems`, or 2.0/3.0 array-form `items`). */
  prefixItems?: Schema[];
}
export interface Property {
  /** Wire name, exactly as in the spec. */
  name: string;
  required: boolean;
  schema: Schema;
}
export interface ObjectSchema extends SchemaBase {
  kind: 'object';
  properties: Property[];
  /** `true`: any extra keys (unknown values); a schema: typed extra keys; absent: none declared. */
  additionalProperties?: Schema | true;
  /** `patternProperties` values; emitted as index signatures. */
  patternProperties?: Schema[];
}
export interface Discriminator {
  propertyName: string;
  /**
   * Discriminator value -> schema key: the `mapping`, else each variant's own `const` or
   * single-value `enum`, else its schema name. Values a variant's own schema rules out are left out.
   */
  mapping: Array<{ value: string; target: string }>;
}
/** `oneOf` / `anyOf`, and 3.1 multi-type `type: [a, b]`. */
export interface UnionSchema extends SchemaBase {
  kind: 'union';
  variants: Schema[];
  discriminator?: Discriminator;
}
/** `allOf`. */
export interface IntersectionSchema extends SchemaBase {
  kind: 'intersection';
  parts: Schema[];
}
/** `{}`, `true`, or no schema at all. */
export interface UnknownSchema extends SchemaBase {
  kind: 'unknown';
}
/** `not: {}` / `false`: no value is valid. */
export interface NeverSchema extends SchemaBase {
  kind: 'never';
}

export type Schema =
  | RefSchema
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | NullSchema
  | EnumSchema
  | ArraySchema
  | ObjectSchema
  | UnionSchema
  | IntersectionSchema
  | UnknownSchema
  | NeverSchema;

/** A named, top-level schema: a component, or a recursive inline schema that needed a name. */
export interface NamedSchema {
  /** Key used by {@link RefSchema.target}: the component name as written in the spec. */
  key: string;
  /** TypeScript identifier, unique across the whole client. */
  typeName: string;
  schema: Schema;
  /** JSON pointer of the definition. */
  pointer: string;
  /** Dotted resource path whose namespace re-exports this type (from the `models` config). */
  resource?: string;
  /** Extra names declared as `export type Alias = typeName` (from the `models` config). */
  aliases?: Array<{ name: string; resource?: string }>;
}
