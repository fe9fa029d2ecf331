/**
 * Schemas as type-expression trees ({@link TypeView}): one function per
 * schema construct. Templates print the trees (`partials/type-expr`,
 * `partials/member`), so an override of either applies at every depth.
 */
import type { NamedSchema, Property, Schema, SchemaDocs } from '../model/types.js';
import { docLines } from './docs.js';
import { propertyKey } from './literal.js';
import type { MemberView, ObjectTypeView, TypeView } from './view-model.js';

export { propertyKey } from './literal.js';

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

import { group, isUnknown, keyword, literalView, named, unionOf } from './type-views.js';

/** Renders a normalized schema as a type-expression tree. */
export function typeView(schema: Schema, scope: TypeScope, mode: TypeMode): TypeView {
  const core = coreView(schema, scope, mode);
  if (
    !schema.nullable ||
    (core.kind === 'name' && core.nameKind === 'keyword' && (core.text === 'unknown' || core.text === 'null'))
  )
    return core;
  return unionOf([core, keyword('null')]);
}

function coreView(schema: Schema, scope: TypeScope, mode: TypeMode): TypeView {
  switch (schema.kind) {
    case 'ref': {
      const name = scope.nameOf(schema.target, mode);
      if (name === 'unknown') return keyword(name);
      scope.use(name);
      return named(name);
    }
    case 'string':
      if (!schema.binary) return keyword('string');
      scope.useRuntime('Uploadable');
      return named('Uploadable');
    case 'number':
    case 'integer':
      return keyword('number');
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
      return keyword(schema.kind);
    case 'enum':
      return unionOf(schema.values.map(literalView));
    case 'array':
      return arrayView(schema, scope, mode);
    case 'object':
      return objectView(schema.properties, schema.additionalProperties, schema.patternProperties, scope, mode);
    case 'union':
      return unionView(schema, scope, mode);
    case 'intersection':
      return intersectionView(schema, scope, mode);
  }
}

/** `T[]`, or a tuple for `prefixItems` (with a rest element unless `items` is false). */
function arrayView(schema: Extract<Schema, { kind: 'array' }>, scope: TypeScope, mode: TypeMode): TypeView {
  const compound: Array<TypeView['kind']> = ['union', 'intersection'];
  if (schema.prefixItems) {
    const elements = schema.prefixItems.map((s) => typeView(s, scope, mode));
    const rest = schema.items.kind === 'never' ? null : group(typeView(schema.items, scope, mode), compound);
    return { kind: 'tuple', elements, rest, grouped: false, breakBefore: false };
  }
  return {
    kind: 'array',
    element: group(typeView(schema.items, scope, mode), compound),
    grouped: false,
    breakBefore: false,
  };
}

/** `A & B`; `{}`-like parts (`unknown`) are dropped. */
function intersectionView(
  schema: Extract<Schema, { kind: 'intersection' }>,
  scope: TypeScope,
  mode: TypeMode,
): TypeView {
  const parts = schema.parts.map((p) => typeView(p, scope, mode)).filter((p) => !isUnknown(p));
  if (parts.length === 0) return keyword('unknown');
  if (parts.length === 1) return parts[0]!;
  return { kind: 'intersection', parts: parts.map((p) => group(p, ['union'])), grouped: false, breakBefore: false };
}

/** `A | B`; with a discriminator, each mapped variant is pinned to its values so the union narrows. */
function unionView(schema: Extract<Schema, { kind: 'union' }>, scope: TypeScope, mode: TypeMode): TypeView {
  const d = schema.discriminator;
  const variants = schema.variants.map((v) => {
    const view = typeView(v, scope, mode);
    if (!d || v.kind !== 'ref') return view;
    const values = d.mapping.filter((m) => m.target === v.target).map((m) => literalView(m.value));
    if (values.length === 0) return view;
    const pin: MemberView = {
      doc: { lines: [] },
      key: propertyKey(d.propertyName),
      optional: false,
      type: unionOf(values),
    };
    const object: ObjectTypeView = {
      kind: 'object',
      members: [pin],
      indexSignature: null,
      multiline: false,
      grouped: false,
      breakBefore: false,
    };
    return { kind: 'intersection', parts: [view, object], grouped: false, breakBefore: false } satisfies TypeView;
  });
  return unionOf(variants);
}

/** Whether a member belongs on this side of the wire. */
export function visible(p: Property, mode: TypeMode): boolean {
  return !(mode === 'request' && p.schema.readOnly) && !(mode === 'response' && p.schema.writeOnly);
}

/** One member: JSDoc (from `docs`, else the schema's), key, optionality and type. */
export function memberView(
  p: Property,
  scope: TypeScope,
  mode: TypeMode,
  prefix = '',
  docs: SchemaDocs = p.schema,
): MemberView {
  return {
    doc: { lines: docLines(docs, prefix) },
    key: propertyKey(p.name),
    optional: !p.required,
    type: typeView(p.schema, scope, mode),
  };
}

/**
 * Value type of an object's index signature, or null when it has none: the
 * union of `additionalProperties` and `patternProperties` values, widened to
 * `unknown` when declared members exist (an index signature must admit them too).
 */
export function indexSignatureView(
  additional: Schema | true | undefined,
  pattern: Schema[] | undefined,
  memberCount: number,
  scope: TypeScope,
  mode: TypeMode,
): TypeView | null {
  const extra: TypeView[] = [];
  if (additional === true) extra.push(keyword('unknown'));
  else if (additional) extra.push(typeView(additional, scope, mode));
  for (const p of pattern ?? []) extra.push(typeView(p, scope, mode));
  if (extra.length === 0) return null;
  return memberCount > 0 ? keyword('unknown') : unionOf(extra);
}

/** An inline object type: its visible members and index signature (`{}` when it has neither). */
export function objectView(
  properties: Property[],
  additional: Schema | true | undefined,
  pattern: Schema[] | undefined,
  scope: TypeScope,
  mode: TypeMode,
): TypeView {
  const members = properties.filter((p) => visible(p, mode)).map((p) => memberView(p, scope, mode));
  const indexSignature = indexSignatureView(additional, pattern, members.length, scope, mode);
  if (members.length === 0 && !indexSignature) return keyword('{}');
  return { kind: 'object', members, indexSignature, multiline: true, grouped: false, breakBefore: false };
}

type SchemaLookup = (key: string) => NamedSchema | undefined;

/** Answers of whole walks (from a schema with nothing seen yet), per lookup: a later walk reaching one stops there. */
const directionalAnswers = new WeakMap<SchemaLookup, WeakMap<Schema, boolean>>();

/** True when a schema (through refs) has readOnly or writeOnly members, so request and response types differ. */
export function hasDirectionalMembers(schema: Schema, lookup: SchemaLookup, seen?: Set<string>): boolean {
  let answers = directionalAnswers.get(lookup);
  if (answers === undefined) directionalAnswers.set(lookup, (answers = new WeakMap()));
  if (seen !== undefined) return directionalWalk(schema, lookup, seen, answers);
  let answer = answers.get(schema);
  if (answer === undefined) answers.set(schema, (answer = directionalWalk(schema, lookup, new Set(), answers)));
  return answer;
}

function directionalWalk(
  schema: Schema,
  lookup: SchemaLookup,
  seen: Set<string>,
  answers: WeakMap<Schema, boolean>,
): boolean {
  const walk = (s: Schema): boolean => directionalWalk(s, lookup, seen, answers);
  switch (schema.kind) {
    case 'ref': {
      if (seen.has(schema.target)) return false;
      seen.add(schema.target);
      const target = lookup(schema.target);
      // A finished walk from the target saw everything it reaches: its answer stands for that whole part.
      return target ? (answers.get(target.schema) ?? walk(target.schema)) : false;
    }
    case 'object':
      return (
        schema.properties.some((p) => p.schema.readOnly || p.schema.writeOnly || walk(p.schema)) ||
        (typeof schema.additionalProperties === 'object' && walk(schema.additionalProperties))
      );
    case 'array':
      return walk(schema.items) || (schema.prefixItems ?? []).some(walk);
    case 'union':
      return schema.variants.some(walk);
    case 'intersection':
      return schema.parts.some(walk);
    default:
      return false;
  }
}
