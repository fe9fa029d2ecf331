import { describe, expect, it } from 'vitest';
import type { Schema } from '../../generator/model/types.js';
import { modelOfSchemas, schemaOf } from './helpers.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const Cat = { type: 'object', properties: { kind: { type: 'string' } } };
const Dog = { type: 'object', properties: { kind: { type: 'string' } } };

/** [case, openapi version, raw schema, expected model schema] */
const CASES: Array<[string, string, unknown, Schema]> = [
  // nullable: one concept across versions
  ['3.0 nullable', '3.0.3', { type: 'string', nullable: true }, { kind: 'string', nullable: true }],
  ['3.1 type array with null', '3.1.0', { type: ['string', 'null'] }, { kind: 'string', nullable: true }],
  ['3.1 anyOf with null', '3.1.0', { anyOf: [{ type: 'string' }, { type: 'null' }] }, { kind: 'string', nullable: true }],
  ['3.0 oneOf + nullable', '3.0.3', { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true }, { kind: 'union', nullable: true, variants: [{ kind: 'string', nullable: false }, { kind: 'integer', nullable: false }] }],
  ['3.1 multi-type', '3.1.0', { type: ['string', 'integer', 'null'] }, { kind: 'union', nullable: true, variants: [{ kind: 'string', nullable: false }, { kind: 'integer', nullable: false }] }],
  ['type null', '3.1.0', { type: 'null' }, { kind: 'null', nullable: false }],
  // const and enum
  ['const', '3.1.0', { const: 'x' }, { kind: 'enum', values: ['x'], nullable: false }],
  ['const null', '3.1.0', { const: null }, { kind: 'null', nullable: false }],
  ['enum with null', '3.1.0', { type: ['string', 'null'], enum: ['a', 'b', null] }, { kind: 'enum', values: ['a', 'b'], nullable: true }],
  ['enum with null, 3.0', '3.0.3', { type: 'string', enum: ['a', null], nullable: true }, { kind: 'enum', values: ['a'], nullable: true }],
  ['enum keeps order', '3.0.3', { type: 'string', enum: ['z', 'a', 'm'] }, { kind: 'enum', values: ['z', 'a', 'm'], nullable: false }],
  // compositions
  ['allOf', '3.0.3', { allOf: [ref('Cat'), { type: 'object', properties: { b: { type: 'integer' } } }] }, { kind: 'intersection', nullable: false, parts: [{ kind: 'ref', target: 'Cat', nullable: false }, { kind: 'object', nullable: false, properties: [{ name: 'b', required: false, schema: { kind: 'integer', nullable: false } }] }] }],
  ['allOf with one member', '3.0.3', { allOf: [ref('Cat')], description: 'd' }, { kind: 'ref', target: 'Cat', description: 'd', nullable: false }],
  ['anyOf', '3.0.3', { anyOf: [ref('Cat'), ref('Dog')] }, { kind: 'union', nullable: false, variants: [{ kind: 'ref', target: 'Cat', nullable: false }, { kind: 'ref', target: 'Dog', nullable: false }] }],
  [
    'discriminator with mapping',
    '3.0.3',
    { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
    { kind: 'union', nullable: false, variants: [{ kind: 'ref', target: 'Cat', nullable: false }, { kind: 'ref', target: 'Dog', nullable: false }], discriminator: { propertyName: 'kind', mapping: [{ value: 'cat', target: 'Cat' }, { value: 'dog', target: 'Dog' }] } },
  ],
  [
    'discriminator without mapping: schema names',
    '3.0.3',
    { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'kind' } },
    { kind: 'union', nullable: false, variants: [{ kind: 'ref', target: 'Cat', nullable: false }, { kind: 'ref', target: 'Dog', nullable: false }], discriminator: { propertyName: 'kind', mapping: [{ value: 'Cat', target: 'Cat' }, { value: 'Dog', target: 'Dog' }] } },
  ],
  // objects
  ['additionalProperties schema', '3.0.3', { type: 'object', additionalProperties: { type: 'integer' } }, { kind: 'object', nullable: false, properties: [], additionalProperties: { kind: 'integer', nullable: false } }],
  ['additionalProperties true', '3.0.3', { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true }, { kind: 'object', nullable: false, properties: [{ name: 'a', required: false, schema: { kind: 'string', nullable: false } }], additionalProperties: true }],
  ['additionalProperties false', '3.0.3', { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }, { kind: 'object', nullable: false, properties: [{ name: 'a', required: true, schema: { kind: 'string', nullable: false } }] }],
  ['bare object is a free-form map', '3.0.3', { type: 'object' }, { kind: 'object', nullable: false, properties: [], additionalProperties: true }],
  ['patternProperties', '3.1.0', { type: 'object', patternProperties: { '^x-': { type: 'string' } } }, { kind: 'object', nullable: false, properties: [], patternProperties: [{ kind: 'string', nullable: false }] }],
  ['properties keep spec order', '3.0.3', { type: 'object', properties: { z: { type: 'string' }, a: { type: 'string' } } }, { kind: 'object', nullable: false, properties: [{ name: 'z', required: false, schema: { kind: 'string', nullable: false } }, { name: 'a', required: false, schema: { kind: 'string', nullable: false } }] }],
  // arrays
  ['prefixItems', '3.1.0', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }, { kind: 'array', nullable: false, items: { kind: 'never', nullable: false }, prefixItems: [{ kind: 'string', nullable: false }, { kind: 'integer', nullable: false }] }],
  ['array of refs', '3.0.3', { type: 'array', items: ref('Cat') }, { kind: 'array', nullable: false, items: { kind: 'ref', target: 'Cat', nullable: false } }],
  // flags and docs
  ['readOnly / writeOnly', '3.0.3', { type: 'object', properties: { id: { type: 'string', readOnly: true }, pw: { type: 'string', writeOnly: true } } }, { kind: 'object', nullable: false, properties: [{ name: 'id', required: false, schema: { kind: 'string', nullable: false, readOnly: true } }, { name: 'pw', required: false, schema: { kind: 'string', nullable: false, writeOnly: true } }] }],
  ['3.1 examples -> example', '3.1.0', { type: 'integer', examples: [5, 6] }, { kind: 'integer', example: 5, nullable: false }],
  ['binary string', '3.0.3', { type: 'string', format: 'binary' }, { kind: 'string', format: 'binary', binary: true, nullable: false }],
  // $ref with siblings: kept, never dropped
  ['$ref + description', '3.1.0', { ...ref('Cat'), description: 'only docs' }, { kind: 'ref', target: 'Cat', description: 'only docs', nullable: false }],
  ['$ref + properties', '3.1.0', { ...ref('Cat'), properties: { extra: { type: 'string' } } }, { kind: 'intersection', nullable: false, parts: [{ kind: 'ref', target: 'Cat', nullable: false }, { kind: 'object', nullable: false, properties: [{ name: 'extra', required: false, schema: { kind: 'string', nullable: false } }] }] }],
  ['$ref + nullable (3.0 idiom)', '3.0.3', { ...ref('Cat'), nullable: true }, { kind: 'ref', target: 'Cat', nullable: true }],
  // no schema at all
  ['empty schema', '3.0.3', {}, { kind: 'unknown', nullable: false }],
  ['false schema', '3.1.0', false, { kind: 'never', nullable: false }],
];

describe('normalizeSchema', () => {
  it.each(CASES)('%s (%s)', (_name, version, raw, expected) => {
    const model = modelOfSchemas({ Cat, Dog, Subject: raw }, version);
    expect(schemaOf(model, 'Subject')).toEqual(expected);
  });

  it('3.0 nullable and 3.1 type-null give the same model schema', () => {
    const a = schemaOf(modelOfSchemas({ S: { type: 'object', properties: { n: { type: 'integer', nullable: true } } } }, '3.0.3'), 'S');
    const b = schemaOf(modelOfSchemas({ S: { type: 'object', properties: { n: { type: ['integer', 'null'] } } } }, '3.1.0'), 'S');
    expect(a).toEqual(b);
  });

  it('circular references stay references', () => {
    const model = modelOfSchemas({
      Node: { type: 'object', properties: { next: ref('Node'), kids: { type: 'array', items: ref('Node') }, other: ref('Other') } },
      Other: { type: 'object', properties: { back: ref('Node') } },
    });
    expect(schemaOf(model, 'Node')).toMatchObject({
      kind: 'object',
      properties: [
        { name: 'next', schema: { kind: 'ref', target: 'Node' } },
        { name: 'kids', schema: { kind: 'array', items: { kind: 'ref', target: 'Node' } } },
        { name: 'other', schema: { kind: 'ref', target: 'Other' } },
      ],
    });
    expect(schemaOf(model, 'Other')).toMatchObject({ properties: [{ name: 'back', schema: { kind: 'ref', target: 'Node' } }] });
    expect(() => JSON.stringify(model)).not.toThrow();
  });

  it('a $ref to a non-component schema gets a named definition of its own', () => {
    const model = modelOfSchemas({ Wrapper: { type: 'object', properties: { inner: { type: 'object', properties: { self: { $ref: '#/components/schemas/Wrapper/properties/inner' } } } } } });
    const inner = model.schemas.find((s) => s.pointer === '#/components/schemas/Wrapper/properties/inner');
    expect(inner).toBeDefined();
    expect(inner?.typeName).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(inner?.schema).toMatchObject({ kind: 'object', properties: [{ name: 'self', schema: { kind: 'ref', target: inner?.key } }] });
  });

  it('a dangling internal $ref is an error at the pointer of its use, typed as unknown', () => {
    const model = modelOfSchemas({ S: { type: 'object', properties: { missing: ref('Nope') } } });
    expect(schemaOf(model, 'S')).toMatchObject({ properties: [{ name: 'missing', schema: { kind: 'unknown' } }] });
    expect(model.warnings).toEqual([
      {
        code: 'dangling-ref',
        severity: 'error',
        message: '$ref "#/components/schemas/Nope" points to nothing; typed as unknown',
        location: { file: 'spec.yaml', pointer: '#/components/schemas/S/properties/missing' },
      },
    ]);
  });

  it('keys beside $ref in 3.0 are kept with a warning; in 3.1 silently', () => {
    const raw = { S: { ...ref('Cat'), required: ['kind'] }, Cat };
    expect(modelOfSchemas(raw, '3.0.3').warnings).toEqual([
      { code: 'ref-sibling-keys', severity: 'warning', message: 'keys beside $ref (required) are kept as an intersection', location: { file: 'spec.yaml', pointer: '#/components/schemas/S' } },
    ]);
    expect(modelOfSchemas(raw, '3.1.0').warnings).toEqual([]);
  });
});

describe('schema names', () => {
  it('are unique, valid and case-insensitive collision-free; exact-case keys win', () => {
    const model = modelOfSchemas({ pet: { type: 'string' }, Pet: { type: 'string' }, 'pet-': { type: 'string' }, Date: { type: 'string' }, '1st': { type: 'string' }, class: { type: 'string' } });
    const names = Object.fromEntries(model.schemas.map((s) => [s.key, s.typeName]));
    expect(names).toEqual({ Pet: 'Pet', pet: 'Pet2', 'pet-': 'Pet3', Date: 'DateType', '1st': '_1st', class: 'ClassType' });
  });

  it('never take the client class name', () => {
    const model = modelOfSchemas({ Stigg: { type: 'string' }, StiggError: { type: 'string' } }, '3.0.3', { name: 'Stigg' });
    expect(model.schemas.map((s) => s.typeName)).toEqual(['Stigg2', 'StiggError2']);
  });
});
