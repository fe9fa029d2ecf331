import { fileURLToPath } from 'node:url';
import { ApiforgeError, type SourceLocation } from '../diagnostics.js';
import { foldBundlerAliases, rootSchemaKeys } from './fold-aliases.js';
import { displayPath } from './read-source.js';
import { forEachObject } from './walk.js';

/** True when any `$ref` in the document points outside it (another file or URL). */
export function hasExternalRefs(node: unknown): boolean {
  let found = false;
  forEachObject(node, (record) => {
    const ref = record['$ref'];
    found = typeof ref === 'string' && !ref.startsWith('#');
    return found;
  });
  return found;
}

export interface BundledSpec {
  document: Record<string, unknown>;
  /** Every file the document was assembled from (for watch mode). */
  files: string[];
}

/**
 * Joins a multi-file spec into one document with Redocly's bundler: external
 * schemas are hoisted into `components` under names taken from their files,
 * and circular references stay references.
 */
export async function bundleExternalRefs(
  ref: string,
  text: string,
  parsed: unknown,
  allowUnresolved = false,
): Promise<BundledSpec> {
  // Loaded on demand: single-file specs (most of them) never pay for Redocly's import (~0.1 s).
  const { bundle, createConfig, Source } = await import('@redocly/openapi-core');
  const config = await createConfig({});
  const result = await bundle({
    // The bundler names hoisted schemas in the order it meets them (`x`, then `x-2` or `file_x`):
    // feed it the root's maps in sorted order so those names do not depend on the spec's key order.
    doc: { source: new Source(ref, text), parsed: sortedRootMaps(parsed) },
    config,
    dereference: false,
    removeUnusedComponents: false,
  });
  const unresolved = result.problems.filter((p) => p.ruleId === 'no-unresolved-refs' || /resolve/i.test(p.message));
  const first = unresolved[0];
  // The validator already reported every dangling ref; with the opt-in they stay and are typed `unknown`.
  if (first && !allowUnresolved) {
    const where = first.location[0];
    const location: SourceLocation = { file: where ? displaySource(where.source.absoluteRef) : displayPath(ref) };
    if (where && 'pointer' in where && where.pointer) location.pointer = where.pointer;
    const more = unresolved.length > 1 ? ` (and ${unresolved.length - 1} more unresolved $ref)` : '';
    throw new ApiforgeError('dangling-ref', `${first.message.replace(/\.$/, '')}${more}`, location);
  }
  const document = result.bundle.parsed as Record<string, unknown>;
  const authored = rootSchemaKeys(parsed);
  foldBundlerAliases(document, authored);
  return {
    document,
    files: [...result.fileDependencies].map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f)).sort(),
  };
}

const sortKeys = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, (value as Record<string, unknown>)[k]]),
      )
    : value;

/** A shallow copy of the root with `paths`, each path item, and every `components` map in sorted key order. */
function sortedRootMaps(parsed: unknown): unknown {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return parsed;
  const root = { ...(parsed as Record<string, unknown>) };
  if (root['paths'] && typeof root['paths'] === 'object') {
    const paths = sortKeys(root['paths']) as Record<string, unknown>;
    for (const key of Object.keys(paths)) paths[key] = sortKeys(paths[key]);
    root['paths'] = paths;
  }
  for (const key of ['components', 'definitions', 'parameters', 'responses']) {
    const section = root[key];
    if (section === null || typeof section !== 'object' || Array.isArray(section)) continue;
    root[key] =
      key === 'components'
        ? Object.fromEntries(
            Object.entries(sortKeys(section) as Record<string, unknown>).map(([k, v]) => [k, sortKeys(v)]),
          )
        : sortKeys(section);
  }
  return root;
}

function displaySource(ref: string): string {
  return displayPath(ref.startsWith('file:') ? fileURLToPath(ref) : ref);
}
