import type { DiagnosticBag } from '../diagnostics.js';
import type { NamedSchema } from './types.js';

/**
 * `A: {$ref: B}`, `B: {$ref: A}` describes no value at all, and as TypeScript aliases
 * (`type A = B; type B = A`) it does not compile. Each schema on such a cycle of bare
 * `$ref`s becomes `unknown`, with one warning naming the cycle. A recursive object type
 * (`Node: {properties: {next: {$ref: Node}}}`) is not a bare `$ref` and stays recursive.
 */
export function breakAliasCycles(schemas: NamedSchema[], bag: DiagnosticBag, file: string): void {
  const byKey = new Map(schemas.map((s) => [s.key, s]));
  const aliasOf = (key: string): string | undefined => {
    const schema = byKey.get(key)?.schema;
    return schema?.kind === 'ref' ? schema.target : undefined;
  };
  const done = new Set<string>();
  for (const start of [...byKey.keys()].sort()) {
    const chain: string[] = [];
    let key: string | undefined = start;
    while (key !== undefined && !done.has(key) && !chain.includes(key)) {
      chain.push(key);
      key = aliasOf(key);
    }
    for (const k of chain) done.add(k);
    if (key === undefined || !chain.includes(key)) continue;
    const cycle = chain.slice(chain.indexOf(key));
    for (const k of cycle) {
      const named = byKey.get(k)!;
      const { nullable, description, title } = named.schema;
      named.schema = { kind: 'unknown', nullable };
      if (description !== undefined) named.schema.description = description;
      if (title !== undefined) named.schema.title = title;
    }
    const first = byKey.get(cycle[0]!)!;
    const names = [...cycle, cycle[0]].join(' -> ');
    bag.warn('ref-cycle', `$ref cycle ${names} never reaches a schema; typed as unknown`, {
      file,
      pointer: first.pointer,
    });
  }
}
