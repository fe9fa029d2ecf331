/**
 * The model decides each operation's call shape and success response
 * (`op.request`, `op.response`); emitters only print them.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build-model.js';
import type { Operation } from '../../generator/model/types.js';
import { docWithPaths, specFrom } from './helpers.js';

const json = (schema: unknown): Record<string, unknown> => ({ content: { 'application/json': { schema } } });
const obj = (props: Record<string, unknown>, required: string[] = []): Record<string, unknown> => ({
  type: 'object',
  required,
  properties: props,
});
/** An object body with no fields (an object without properties and extra keys would be a free-form record). */
const EMPTY = { type: 'object', properties: {}, additionalProperties: false };
const pathParam = (name: string): Record<string, unknown> => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});
const ok = (schema?: unknown): Record<string, unknown> => ({
  '200': { description: 'done', ...(schema ? json(schema) : {}) },
});

/** The only operation of a one-path document. */
function operation(
  path: string,
  method: string,
  spec: Record<string, unknown>,
  components: Record<string, unknown> = {},
): Operation {
  const doc = docWithPaths(
    { [path]: { [method]: { operationId: 'op', responses: ok(), ...spec } } },
    '3.1.0',
    components,
  );
  const model = buildModel(specFrom(doc), {});
  expect(model.operations).toHaveLength(1);
  return model.operations[0]!;
}

/** `name@location` for each member, `!` marking required ones. */
const members = (op: Operation): string[] =>
  op.request.members.map((m) => `${m.property.name}@${m.location}${m.property.required ? '!' : ''}`);

describe('request plan', () => {
  it.each<[string, string, string, Record<string, unknown>, Partial<Record<string, unknown>>]>([
    [
      'the last path parameter is positional; the others go in params',
      '/orgs/{org}/repos/{repo}',
      'get',
      { parameters: [pathParam('org'), pathParam('repo')] },
      { positional: { name: 'repo', key: 'repo' }, members: ['org@path!'], body: null },
    ],
    [
      'params in wire order: path, query, header, cookie, then body fields',
      '/a/{x}/{id}',
      'post',
      {
        parameters: [
          { name: 'c', in: 'cookie', schema: { type: 'string' } },
          { name: 'h', in: 'header', schema: { type: 'string' } },
          { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
          pathParam('x'),
          pathParam('id'),
        ],
        requestBody: { required: true, ...json(obj({ name: { type: 'string' } }, ['name'])) },
      },
      {
        members: ['x@path!', 'q@query!', 'h@header', 'c@cookie', 'name@body!'],
        body: { encoding: 'json', contentType: 'application/json', mode: 'fields' },
        paramsRequired: true,
      },
    ],
    [
      'an optional body makes its required fields optional',
      '/a',
      'post',
      { requestBody: json(obj({ name: { type: 'string' } }, ['name'])) },
      { members: ['name@body'], paramsRequired: false },
    ],
    [
      'a required JSON body of optional fields leaves params optional ({} is sent)',
      '/customers/{id}',
      'patch',
      { parameters: [pathParam('id')], requestBody: { required: true, ...json(obj({ name: { type: 'string' } })) } },
      { members: ['name@body'], paramsRequired: false, bodyUnion: null },
    ],
    [
      'a required form body of optional fields makes params required (no fields, no body)',
      '/customers/{id}',
      'patch',
      {
        parameters: [pathParam('id')],
        requestBody: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: obj({ name: { type: 'string' } }) } },
        },
      },
      { members: ['name@body'], paramsRequired: true, bodyUnion: null },
    ],
    [
      'a oneOf of object bodies is sent field by field beside the parameters',
      '/plans/{planId}/entitlements/{id}',
      'patch',
      {
        parameters: [pathParam('planId'), pathParam('id')],
        requestBody: {
          required: true,
          ...json({
            oneOf: [obj({ type: { const: 'FEATURE' }, featureId: { type: 'string' } }, ['type']), obj({ type: { const: 'CREDIT' } }, ['type'])],
            discriminator: { propertyName: 'type' },
          }),
        },
      },
      {
        members: ['planId@path!'],
        body: { encoding: 'json', contentType: 'application/json', mode: 'fields' },
        paramsRequired: true,
      },
    ],
    [
      'a oneOf with a non-object variant stays a whole body',
      '/a',
      'post',
      { requestBody: { required: true, ...json({ oneOf: [obj({ a: { type: 'string' } }), { type: 'string' }] }) } },
      { members: ['body@body!'], bodyUnion: null },
    ],
    [
      'a body field named like the positional parameter: the path value travels under $path.<name>',
      '/customers/{id}',
      'post',
      { parameters: [pathParam('id')], requestBody: { required: true, ...json(obj({ id: { type: 'string' } })) } },
      { positional: { name: 'id', key: '$path.id' }, members: ['id@body'], alsoInBody: [] },
    ],
    [
      'a body field named like another path parameter: one member, sent in both places',
      '/agents/{agent_uuid}/keys/{key}',
      'put',
      {
        parameters: [pathParam('agent_uuid'), pathParam('key')],
        requestBody: { required: true, ...json(obj({ agent_uuid: { type: 'string' }, note: { type: 'string' } })) },
      },
      { members: ['agent_uuid@path!', 'note@body'], alsoInBody: ['agent_uuid'] },
    ],
    [
      'readOnly body fields are not sent',
      '/a',
      'post',
      {
        requestBody: {
          required: true,
          ...json(obj({ id: { type: 'string', readOnly: true }, name: { type: 'string' } })),
        },
      },
      { members: ['name@body'] },
    ],
    [
      'a non-object body is passed whole as `body`',
      '/a',
      'post',
      {
        requestBody: {
          required: true,
          description: 'The tags.',
          ...json({ type: 'array', items: { type: 'string' } }),
        },
      },
      { members: ['body@body!'], body: { encoding: 'json', contentType: 'application/json', mode: 'whole' } },
    ],
    [
      'an empty optional object body is not sent',
      '/a',
      'post',
      { requestBody: json(EMPTY) },
      { members: [], body: null },
    ],
    [
      'an empty body on GET is not sent even when required (Stripe)',
      '/a',
      'get',
      { requestBody: { required: true, ...json(EMPTY) } },
      { members: [], body: null },
    ],
    [
      'an empty required body on POST is still sent, with no fields',
      '/a',
      'post',
      { requestBody: { required: true, ...json(EMPTY) } },
      { members: [], body: { encoding: 'json', contentType: 'application/json', mode: 'fields' } },
    ],
  ])('%s', (_, path, method, spec, expected) => {
    const op = operation(path, method, spec);
    const actual: Record<string, unknown> = { ...op.request, members: members(op) };
    for (const [key, value] of Object.entries(expected)) expect(actual[key], key).toEqual(value);
  });

  it('a binary body is an upload, whatever schema the spec gives it', () => {
    const op = operation('/files', 'post', {
      requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'object' } } } },
    });
    expect(op.request.members[0]).toMatchObject({
      property: { name: 'body', required: true, schema: { kind: 'string', binary: true } },
      docs: { description: 'The request body.' },
    });
    expect(op.request.body).toEqual({ encoding: 'binary', contentType: 'application/octet-stream', mode: 'whole' });
  });
});

describe('response plan', () => {
  const components = { schemas: { Pet: obj({ name: { type: 'string' } }) } };
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['no content: void', { '204': { description: 'gone' } }, { kind: 'void' }],
    ['a $ref is reused by name', ok({ $ref: '#/components/schemas/Pet' }), { kind: 'schema', named: true }],
    [
      'a nullable $ref gets its own type',
      ok({ oneOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'null' }] }),
      { kind: 'schema', named: false },
    ],
    [
      'an inline schema gets its own type, described',
      ok(obj({ id: { type: 'string' } })),
      { kind: 'schema', named: false, description: 'done' },
    ],
    ['bytes are a Blob', { '200': { description: 'pdf', content: { 'application/pdf': {} } } }, { kind: 'blob' }],
    [
      'other non-JSON binary types stay unknown',
      { '200': { description: 'x', content: { 'application/x-custom': {} } } },
      { kind: 'unknown' },
    ],
    ['untyped text is a string', { '200': { description: 'csv', content: { 'text/csv': {} } } }, { kind: 'text' }],
    [
      'the first 2XX wins over default',
      { default: { description: 'err', ...json({ type: 'string' }) }, '201': { description: 'made' } },
      { kind: 'void' },
    ],
  ])('%s', (_, responses, expected) => {
    expect(operation('/pets', 'get', { responses }, components).response).toMatchObject(expected);
  });
});
