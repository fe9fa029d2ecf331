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
export async function bundleExternalRefs(ref: string, text: string, parsed: unknown): Promise<BundledSpec> {
  // Loaded on demand: single-file specs (most of them) never pay for Redocly's import (~0.1 s).
  const { bundle, createConfig, Source } = await import('@redocly/openapi-core');
  const config = await createConfig({});
  const result = await bundle({
    doc: { source: new Source(ref, text), parsed },
    config,
    dereference: false,
    removeUnusedComponents: false,
  });
  const unresolved = result.problems.filter((p) => p.ruleId === 'no-unresolved-refs' || /resolve/i.test(p.message));
  const first = unresolved[0];
  if (first) {
    const where = first.location[0];
    const location: SourceLocation = { file: where ? displaySource(where.source.absoluteRef) : displayPath(ref) };
    if (where && 'pointer' in where && where.pointer) location.pointer = where.pointer;
    const more = unresolved.length > 1 ? ` (and ${unresolved.length - 1} more unresolved $ref)` : '';
    throw new ApiforgeError('dangling-ref', `${first.message.replace(/\.$/, '')}${more}`, location);
  }
  const document = result.bundle.parsed as Record<string, unknown>;
  foldBundlerAliases(document, rootSchemaKeys(parsed));
  return {
    document,
    files: [...result.fileDependencies].map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f)).sort(),
  };
}

function displaySource(ref: string): string {
  return displayPath(ref.startsWith('file:') ? fileURLToPath(ref) : ref);
}
