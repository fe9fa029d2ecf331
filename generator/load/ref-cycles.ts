import { resolvePointer } from './pointer.js';
import { forEachObject } from './walk.js';

const isBareRef = (node: unknown): node is { $ref: string } => {
  const ref = node !== null && typeof node === 'object' ? (node as { $ref?: unknown }).$ref : undefined;
  return typeof ref === 'string' && ref.startsWith('#');
};

/**
 * Pointers of the nodes on cycles of internal `$ref`s that never reach a schema
 * (`A: {$ref: B}`, `B: {$ref: A}`). The model types them `unknown` and names the
 * cycle; Redocly's resolver throws on them, so the validator is given a copy without them.
 */
export function pureRefCycles(doc: unknown): string[] {
  const onCycle = new Set<string>();
  const settled = new Set<string>();
  forEachObject(doc, (record) => {
    if (!isBareRef(record)) return;
    const chain: string[] = [];
    let ref: string | undefined = record.$ref;
    while (ref !== undefined && !settled.has(ref) && !chain.includes(ref)) {
      chain.push(ref);
      const target = resolvePointer(doc, ref);
      ref = isBareRef(target) ? target.$ref : undefined;
    }
    if (ref !== undefined && chain.includes(ref)) for (const r of chain.slice(chain.indexOf(ref))) onCycle.add(r);
    for (const r of chain) settled.add(r);
  });
  return [...onCycle].sort();
}

/** A copy of `doc` with each node on a pure `$ref` cycle replaced by `{}` (the original is untouched). */
export function withoutRefCycles(doc: unknown, cycles: string[]): unknown {
  if (cycles.length === 0) return doc;
  const copy = structuredClone(doc);
  for (const pointer of cycles) {
    const cut = pointer.lastIndexOf('/');
    const parent = resolvePointer(copy, pointer.slice(0, cut) || '#');
    const key = pointer
      .slice(cut + 1)
      .replace(/~1/g, '/')
      .replace(/~0/g, '~');
    if (parent !== null && typeof parent === 'object') (parent as Record<string, unknown>)[key] = {};
  }
  return copy;
}
