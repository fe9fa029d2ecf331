import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { Schema } from '../../generator/model/types.js';
import { fixture, rejection } from './helpers.js';

describe('3.1 references by $id and $anchor', () => {
  it.each<[string, string]>([
    ['details', 'Details'],
    ['detailsId', 'Details_id@#/components/schemas/Details/properties/id'],
    ['tags', 'Details_tags@#/components/schemas/Details/properties/tags'],
    ['note', 'Order_noteText@#/components/schemas/Order/properties/noteText'],
  ])('Order.%s resolves to %s', async (property, target) => {
    const spec = await loadSpec(fixture('schema-ids/ids.yaml').file);
    const model = buildModel(spec);
    expect(model.warnings).toEqual([]);
    const order = model.schemas.find((s) => s.key === 'Order')?.schema as Extract<Schema, { kind: 'object' }>;
    expect(order.properties.find((p) => p.name === property)?.schema).toEqual({ kind: 'ref', target, nullable: false });
  });

  it('a $ref to an absolute $id at the document level resolves too', async () => {
    const model = buildModel(await loadSpec(fixture('schema-ids/ids.yaml').file));
    const op = model.operations.find((o) => o.id === 'getOrder');
    expect(op?.responses[0]?.content[0]?.schema).toEqual({ kind: 'ref', target: 'Order', nullable: false });
  });

  it('$dynamicRef degrades to a static $ref, with a located warning', async () => {
    const { file, display } = fixture('schema-ids/dynamic.yaml');
    const model = buildModel(await loadSpec(file));
    expect(model.warnings).toEqual([
      {
        code: 'dynamic-ref',
        severity: 'warning',
        message: '$dynamicRef "#node" is not supported: read as a static $ref to #/components/schemas/Tree',
        location: { file: display, line: 12, column: 41, pointer: '#/components/schemas/Tree/properties/children/items' },
      },
    ]);
    const tree = model.schemas.find((s) => s.key === 'Tree')?.schema as Extract<Schema, { kind: 'object' }>;
    expect(tree.properties.find((p) => p.name === 'children')?.schema).toMatchObject({ kind: 'array', items: { kind: 'ref', target: 'Tree' } });
  });

  it('a $ref with no value (`$ref: #/x` unquoted is a YAML comment) is an error at its line', async () => {
    const { file, display } = fixture('schema-ids/null-ref.yaml');
    const err = await rejection(loadSpec(file));
    const pointer = '#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref';
    expect(err).toMatchObject({ code: 'invalid-document', exitCode: 1, location: { file: display, line: 13, column: 17, pointer } });
    expect(err.message).toBe(
      `${display}:13:17 (${pointer}): $ref must be a string, got null (in YAML, \`$ref: #/x\` without quotes is a comment: write \`$ref: "#/x"\`)`,
    );
  });
});
