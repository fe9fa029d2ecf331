import { isValidPropertyName } from '../model/naming.js';
import type { JsonValue, NamedSchema, Property, Schema } from '../model/types.js';
import { docLines, jsDoc } from './docs.js';

/** Which side of the wire a type describes: requests drop readOnly members, responses drop writeOnly ones. */
export type TypeMode = 'request' | 'response';

/** What type rendering needs to know about named schemas. */
export interface TypeScope {
  /** Type name for a schema key in the given mode (request mode may name an `Input` variant). */
  nameOf(key: string, mode: TypeMode): string;
  /** Records that the current file uses a named type. */
  use(typeName: string): void;
  /** Records that the current file needs a runtime type (e.g. `Uploadable`). */
  useRuntime(name: 'Uploadable'): void;
}

/** A property key as written in TypeScript: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return isValidPropertyName(name) && name !== '__proto__' ? name : JSON.stringify(name);
}

export function literal(value: JsonValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return 'unknown';
}

/** Renders a normalized schema as a TypeScript type expression. */
export function typeExpr(schema: Schema, scope: TypeScope, mode: TypeMode): string {
  const base = coreExpr(schema, scope, mode);
  return schema.nullable && base !== 'unknown' && base !== 'null' ? `${wrap(base)} | null` : base;
}

function wrap(expr: string): string {
  return /^[\w.$<>[\]"' ]+$/.test(expr) && !expr.includes(' ') ? expr : `(${expr})`;
}

function coreExpr(schema: Schema, scope: TypeScope, mode: TypeMode): string {
  switch (schema.kind) {
    case 'ref': {
      const name = scope.nameOf(schema.target, mode);
      scope.use(name);
      return name;
    }
    case 'string':
      if (schema.binary) {
        scope.useRuntime('Uploadable');
        return 'Uploadable';
      }
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    case 'never':
      return 'never';
    case 'enum':
      return schema.values.length === 0 ? 'never' : schema.values.map(literal).join(' | ');
    case 'array': {
      if (schema.prefixItems) {
        const members = schema.prefixItems.map((s) => typeExpr(s, scope, mode));
        if (schema.items.kind !== 'never') members.push(`...${wrap(typeExpr(schema.items, scope, mode))}[]`);
        return `[${members.join(', ')}]`;
      }
      return `${wrap(typeExpr(schema.items, scope, mode))}[]`;
    }
    case 'object':
      return objectExpr(schema.properties, schema.additionalProperties, schema.patternProperties, scope, mode);
    case 'union':
      return unionExpr(schema, scope, mode);
    case 'intersection': {
      const parts = schema.parts.map((p) => typeExpr(p, scope, mode)).filter((p) => p !== 'unknown');
      if (parts.length === 0) return 'unknown';
      return parts.map(wrap).join(' & ');
    }
  }
}

function unionExpr(schema: Extract<Schema, { kind: 'union' }>, scope: TypeScope, mode: TypeMode): string {
  const d = schema.discriminator;
  const variants = schema.variants.map((v) => {
    const expr = typeExpr(v, scope, mode);
    if (!d || v.kind !== 'ref') return expr;
    // Narrowable unions: pin the discriminator to the values that map to this variant.
    const values = d.mapping.filter((m) => m.target === v.target).map((m) => JSON.stringify(m.value));
    return values.length > 0 ? `(${expr} & { ${propertyKey(d.propertyName)}: ${values.join(' | ')} })` : expr;
  });
  const unique = [...new Set(variants)];
  if (unique.length === 0) return 'never';
  return unique.includes('unknown') ? 'unknown' : unique.join(' | ');
}

/** Whether a member belongs on this side of the wire. */
export function visible(p: Property, mode: TypeMode): boolean {
  return !(mode === 'request' && p.schema.readOnly) && !(mode === 'response' && p.schema.writeOnly);
}

/** One member line: JSDoc, key, optionality and type. */
export function memberText(p: Property, scope: TypeScope, mode: TypeMode, prefix = ''): string {
  const doc = jsDoc(docLines({ ...p.schema, prefix }));
  return `${doc}${propertyKey(p.name)}${p.required ? '' : '?'}: ${typeExpr(p.schema, scope, mode)};`;
}

/**
 * Value type of an object's index signature, or null when it has none: the
 * union of `additionalProperties` and `patternProperties` values, widened to
 * `unknown` when declared members exist (an index signature must admit them too).
 */
export function indexSignatureType(
  additional: Schema | true | undefined,
  pattern: Schema[] | undefined,
  memberCount: number,
  scope: TypeScope,
  mode: TypeMode,
): string | null {
  const extra: string[] = [];
  if (additional === true) extra.push('unknown');
  else if (additional) extra.push(typeExpr(additional, scope, mode));
  for (const p of pattern ?? []) extra.push(typeExpr(p, scope, mode));
  if (extra.length === 0) return null;
  return extra.includes('unknown') || memberCount > 0 ? 'unknown' : [...new Set(extra)].join(' | ');
}

export function objectExpr(
  properties: Property[],
  additional: Schema | true | undefined,
  pattern: Schema[] | undefined,
  scope: TypeScope,
  mode: TypeMode,
): string {
  const members = properties.filter((p) => visible(p, mode)).map((p) => memberText(p, scope, mode));
  const index = indexSignatureType(additional, pattern, members.length, scope, mode);
  if (index !== null) members.push(`[key: string]: ${index};`);
  if (members.length === 0) return '{}';
  return `{\n${members.join('\n')}\n}`;
}

/** True when a schema (through refs) has readOnly or writeOnly members, so request and response types differ. */
export function hasDirectionalMembers(schema: Schema, lookup: (key: string) => NamedSchema | undefined, seen = new Set<string>()): boolean {
  switch (schema.kind) {
    case 'ref': {
      if (seen.has(schema.target)) return false;
      seen.add(schema.target);
      const named = lookup(schema.target);
      return named ? hasDirectionalMembers(named.schema, lookup, seen) : false;
    }
    case 'object':
      return (
        schema.properties.some((p) => p.schema.readOnly || p.schema.writeOnly || hasDirectionalMembers(p.schema, lookup, seen)) ||
        (typeof schema.additionalProperties === 'object' && hasDirectionalMembers(schema.additionalProperties, lookup, seen))
      );
    case 'array':
      return hasDirectionalMembers(schema.items, lookup, seen) || (schema.prefixItems ?? []).some((s) => hasDirectionalMembers(s, lookup, seen));
    case 'union':
      return schema.variants.some((s) => hasDirectionalMembers(s, lookup, seen));
    case 'intersection':
      return schema.parts.some((s) => hasDirectionalMembers(s, lookup, seen));
    default:
      return false;
  }
}
