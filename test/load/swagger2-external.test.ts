import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { fixture } from '../load/helpers.js';

describe('Swagger 2.0 with external refs into the inside of another ref\u2019s target', () => {
  it.each<[string, unknown]>([
    ['listPets', { kind: 'array', nullable: false, items: { kind: 'ref', target: 'Pet', nullable: false } }],
    ['getOwner', { kind: 'ref', target: 'owner', nullable: false }],
    ['listTags', { kind: 'ref', target: 'items', nullable: false }],
  ])('%s converts and resolves', async (id, schema) => {
    const spec = await loadSpec(fixture('swagger2-external/swagger.yaml').file);
    expect(spec.sourceVersion).toBe('2.0');
    expect(spec.sourceFiles).toHaveLength(2);
    const model = buildModel(spec);
    expect(model.warnings).toEqual([]);
    expect(model.operations.find((o) => o.id === id)?.responses[0]?.content[0]?.schema).toEqual(schema);
  });
});
