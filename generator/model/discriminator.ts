import { isRecord, resolvePointer } from './json.js';
import { COMPONENT_PREFIX, decodeSegment, type SchemaContext } from './schema-context.js';
import type { Discriminator, Schema } from './types.js';

/**
 * The values each `$ref` variant's discriminator is pinned to: the `mapping` when there is one,
 * else the variant's own `const` / single-value `enum` for the property, else its schema name.
 * A value the variant itself rules out is never pinned (`'user' & 'ChatUserMessage'` is `never`).
 */
export function normalizeDiscriminator(
  raw: unknown,
  variants: Schema[],
  ctx: SchemaContext,
): Discriminator | undefined {
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
