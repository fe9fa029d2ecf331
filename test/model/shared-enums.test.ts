import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build-model.js';
import { docWithPaths, modelOfSchemas, op, schemaOf, specFrom } from './helpers.js';

const EIGHT = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const SEVEN = EIGHT.slice(0, 7);

describe('repeated long inline enums become one named schema', () => {
  it.each([
    { case: 'two places, 8 values: hoisted, named after the property', values: EIGHT, places: 2, hoisted: 'Tier' },
    { case: 'one place: stays inline', values: EIGHT, places: 1, hoisted: undefined },
    { case: '7 values: stays inline', values: SEVEN, places: 2, hoisted: undefined },
  ])('$case', ({ values, places, hoisted }) => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < places; i++) schemas[`Plan${i}`] = { type: 'object', properties: { tier: { type: 'string', enum: values, description: `doc ${i}` } } };
    const model = modelOfSchemas(schemas);
    const named = model.schemas.filter((s) => s.key.includes('@enum:'));
    expect(named.map((s) => s.typeName)).toEqual(hoisted ? [hoisted] : []);
    const tier = (schemaOf(model, 'Plan0') as { properties: Array<{ schema: { kind: string; description?: string } }> }).properties[0]?.schema;
    expect(tier?.kind).toBe(hoisted ? 'ref' : 'enum');
    expect(tier?.description).toBe('doc 0'); // docs stay where the enum stood
  });

  it('prefers the title, reaches parameters too, and never takes a component name', () => {
    const doc = docWithPaths(
      { '/plans': { get: op('listPlans', { parameters: [{ name: 'currency', in: 'query', schema: { type: 'string', enum: EIGHT } }] }) } },
      '3.0.3',
      {
        schemas: {
          Money: { type: 'object', properties: { currency: { type: 'string', title: 'Money', enum: EIGHT } } },
          Price: { type: 'object', properties: { unit: { type: 'string', enum: EIGHT } } },
        },
      },
    );
    const model = buildModel(specFrom(doc));
    const named = model.schemas.filter((s) => s.key.includes('@enum:'));
    expect(named.map((s) => s.typeName)).toEqual(['MoneyEnum']);
    expect(model.operations[0]?.parameters[0]?.schema.kind).toBe('ref');
  });
});
