import { describe, expect, it } from 'vitest';
import { pureRefCycles, withoutRefCycles } from '../../generator/load/ref-cycles.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const doc = (schemas: Record<string, unknown>) => ({ components: { schemas } });

describe('pure $ref cycles (found before Redocly, whose resolver throws on them)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['two aliases of each other', { A: ref('B'), B: ref('A') }, ['#/components/schemas/A', '#/components/schemas/B']],
    ['an alias of itself', { S: ref('S') }, ['#/components/schemas/S']],
    ['an alias into a cycle is not on it', { C: ref('A'), A: ref('B'), B: ref('A') }, ['#/components/schemas/A', '#/components/schemas/B']],
    ['a dangling ref is no cycle', { A: ref('Missing') }, []],
    ['a chain that reaches a schema', { A: ref('B'), B: ref('C'), C: { type: 'string' } }, []],
    ['a recursive object', { T: { type: 'object', properties: { next: ref('T') } } }, []],
  ])('%s', (_name, schemas, expected) => {
    expect(pureRefCycles(doc(schemas))).toEqual(expected);
  });

  it('the copy for the validator has {} on the cycle; the document itself is untouched', () => {
    const original = doc({ A: ref('B'), B: ref('A'), C: { type: 'string' } });
    const copy = withoutRefCycles(original, pureRefCycles(original));
    expect(copy).toEqual(doc({ A: {}, B: {}, C: { type: 'string' } }));
    expect(original).toEqual(doc({ A: ref('B'), B: ref('A'), C: { type: 'string' } }));
  });
});
