import { toTypeName } from './naming.js';
import type { RawOperation } from './operations.js';
import type { EnumSchema, NamedSchema, Schema } from './types.js';
import { pushTo } from '../util/multimap.js';

/** Enums at least this long are worth a name of their own when they repeat. */
const MIN_VALUES = 8;

interface Occurrence {
  node: EnumSchema;
  /** Property or parameter name where the enum sits, if any. */
  name: string | undefined;
}

/** Visits every schema node with the name of the property/parameter that holds it. */
function walk(schema: Schema, name: string | undefined, visit: (node: Schema, name: string | undefined) => void): void {
  visit(schema, name);
  switch (schema.kind) {
    case 'object':
      for (const p of schema.properties) walk(p.schema, p.name, visit);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, name, visit);
      for (const p of schema.patternProperties ?? []) walk(p, name, visit);
      break;
    case 'array':
      walk(schema.items, name, visit);
      for (const p of schema.prefixItems ?? []) walk(p, name, visit);
      break;
    case 'union':
      for (const v of schema.variants) walk(v, name, visit);
      break;
    case 'intersection':
      for (const p of schema.parts) walk(p, name, visit);
      break;
    default:
      break;
  }
}

function mostCommon(names: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * A long inline enum repeated across the spec (Stigg's 150-currency list
 * appears 19 times) becomes one named schema, referenced from every place it
 * stood; docs stay on each place. Its name comes from its `title`, else the
 * property name it sits under most often, so it is stable under reordering.
 */
export function hoistRepeatedEnums(schemas: NamedSchema[], operations: RawOperation[]): NamedSchema[] {
  const groups = new Map<string, Occurrence[]>();
  const visit = (node: Schema, name: string | undefined): void => {
    if (node.kind !== 'enum' || node.values.length < MIN_VALUES) return;
    const key = JSON.stringify(node.values);
    pushTo(groups, key, { node, name });
  };
  for (const s of schemas) walk(s.schema, undefined, visit);
  for (const op of operations) {
    for (const p of op.parameters) walk(p.schema, p.name, visit);
    for (const m of op.requestBody?.content ?? []) walk(m.schema, undefined, visit);
    for (const r of op.responses) for (const m of r.content) walk(m.schema, undefined, visit);
  }
  const taken = new Set(schemas.map((s) => toTypeName(s.key.split('@')[0] ?? '').toLowerCase()));
  const added: NamedSchema[] = [];
  for (const [values, occurrences] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (occurrences.length < 2) continue;
    const titles = occurrences.map((o) => o.node.title).filter((t): t is string => Boolean(t));
    let base = toTypeName(
      mostCommon(titles) ?? mostCommon(occurrences.map((o) => o.name).filter((n): n is string => Boolean(n))) ?? 'Enum',
    );
    if (taken.has(base.toLowerCase())) base = `${base}Enum`;
    taken.add(base.toLowerCase());
    const key = `${base}@enum:${values.length}:${hashOf(values)}`;
    const first = occurrences[0]?.node;
    added.push({
      key,
      typeName: '',
      pointer: '',
      schema: {
        kind: 'enum',
        values: first?.values ?? [],
        nullable: false,
        ...(titles[0] ? { title: titles[0] } : {}),
      },
    });
    for (const { node } of occurrences) {
      const ref = node as unknown as Record<string, unknown>;
      delete ref['values'];
      ref['kind'] = 'ref';
      ref['target'] = key;
    }
  }
  return added;
}

/** A short stable hash (FNV-1a) so keys of different enums with the same name never meet. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}
