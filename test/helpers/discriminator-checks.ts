/**
 * A TypeScript module asserting that no variant of any discriminated union in a
 * generated client is `never`: for each pinned (variant, value), the type
 * `Variant & { prop: value }` must have a value. Type-checked with the client.
 */
import type { ApiModel, Schema } from '../../generator/model/types.js';

type Union = Extract<Schema, { kind: 'union' }>;

/** Every union with a discriminator anywhere in the model (components, parameters, bodies, responses). */
export function discriminatedUnions(model: ApiModel): Union[] {
  const found: Union[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [model.schemas, model.operations];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (record['kind'] === 'union' && record['discriminator']) found.push(record as unknown as Union);
    for (const value of Object.values(record)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  return found;
}

/** The check module's text (placed in the client's `src/`), and how many variants it checks. */
export function discriminatorChecks(model: ApiModel): { text: string; count: number } {
  const typeName = new Map(model.schemas.map((s) => [s.key, s.typeName]));
  const imports = new Set<string>();
  const lines = new Set<string>();
  for (const union of discriminatedUnions(model)) {
    const d = union.discriminator!;
    for (const { value, target } of d.mapping) {
      const name = typeName.get(target);
      if (!name) continue;
      imports.add(name);
      lines.add(`${name} & { ${JSON.stringify(d.propertyName)}: ${JSON.stringify(value)} }`);
    }
  }
  const body = [...lines].map((t, i) => `export const variant${i}: HasValues<${t}> = true;`);
  const text = [
    '// Fails to compile when a discriminated variant is `never`.',
    ...[...imports].sort().map((n) => `import type { ${n} } from './models/${n}.js';`),
    'type HasValues<T> = [T] extends [never] ? false : true;',
    ...body,
    '',
  ].join('\n');
  return { text, count: body.length };
}
