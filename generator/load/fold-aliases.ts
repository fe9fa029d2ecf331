import { forEachObject } from './walk.js';

const PREFIX = '#/components/schemas/';

function schemasOf(doc: unknown): Record<string, unknown> | undefined {
  const components = (doc as { components?: { schemas?: unknown } } | null)?.components;
  const schemas = components?.schemas;
  return schemas !== null && typeof schemas === 'object' && !Array.isArray(schemas)
    ? (schemas as Record<string, unknown>)
    : undefined;
}

/**
 * The bundler turns `Pet: { $ref: ./pet.yaml }` into an alias `Pet -> #/components/schemas/pet`
 * plus a new component `pet` named after the file, so the type the author
 * named `Pet` would come out as `Pet2`. This folds each such alias back: the
 * author's name gets the schema and every `$ref` to the file-named component
 * is rewritten. Only components the bundler added are folded, in sorted order.
 */
export function foldBundlerAliases(bundled: Record<string, unknown>, originalKeys: ReadonlySet<string>): void {
  const schemas = schemasOf(bundled);
  if (!schemas) return;
  const renames = new Map<string, string>();
  for (const key of [...originalKeys].sort()) {
    const value = schemas[key] as { $ref?: unknown } | undefined;
    if (!value || typeof value !== 'object' || Object.keys(value).length !== 1 || typeof value.$ref !== 'string')
      continue;
    if (!value.$ref.startsWith(PREFIX)) continue;
    const target = decodeURIComponent(value.$ref.slice(PREFIX.length)).replace(/~1/g, '/').replace(/~0/g, '~');
    if (target.includes('/') || originalKeys.has(target) || renames.has(target) || !(target in schemas)) continue;
    renames.set(target, key);
  }
  if (renames.size === 0) return;
  for (const [from, to] of renames) {
    schemas[to] = schemas[from];
    delete schemas[from];
  }
  const encode = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
  const refMap = new Map([...renames].map(([from, to]) => [`${PREFIX}${encode(from)}`, `${PREFIX}${encode(to)}`]));
  forEachObject(bundled, (record) => {
    const ref = record['$ref'];
    if (typeof ref !== 'string') return;
    const slash = ref.indexOf('/', PREFIX.length);
    const replaced = refMap.get(slash === -1 ? ref : ref.slice(0, slash));
    if (replaced) record['$ref'] = replaced + (slash === -1 ? '' : ref.slice(slash));
  });
}

/** Component schema names the author wrote in the root document. */
export function rootSchemaKeys(doc: unknown): Set<string> {
  return new Set(Object.keys(schemasOf(doc) ?? {}));
}
