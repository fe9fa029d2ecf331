/**
 * Every construct prints through its partial, so an override applies
 * wherever the construct appears: members of interfaces, of inline objects
 * at any depth, inside unions, arrays and intersections, in params
 * interfaces; type expressions in members, aliases, method signatures and
 * page types.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitClient } from '../../generator/emit/emit-client.js';
import { createTemplateEngine } from '../../generator/emit/template-engine.js';
import { VIEW_MODEL_VERSION } from '../../generator/emit/view-model.js';
import { buildModel } from '../../generator/model/build-model.js';
import { repoRoot, specFrom, syntaxErrors } from '../emit/helpers.js';
import { fixtureDir } from './helpers.js';

const inline = (props: Record<string, unknown>): Record<string, unknown> => ({ type: 'object', properties: props });

const DOC = {
  openapi: '3.1.0',
  info: { title: 'Depth', version: '1' },
  paths: {
    '/things/{id}': {
      post: {
        operationId: 'updateThing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          content: {
            'application/json': { schema: inline({ body_field: inline({ body_inner: { type: 'string' } }) }) },
          },
        },
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: inline({
        top: { type: 'string' },
        nested: inline({ inner: inline({ deepest: { type: 'string' } }) }),
        list: { type: 'array', items: inline({ in_array: { type: 'string' } }) },
        either: { oneOf: [inline({ in_union_a: { type: 'string' } }), inline({ in_union_b: { type: 'string' } })] },
        both: { allOf: [{ $ref: '#/components/schemas/Base' }, inline({ in_intersection: { type: 'string' } })] },
        maybe: { oneOf: [inline({ in_nullable: { type: 'string' } }), { type: 'null' }] },
      }),
      Base: inline({ base: { type: 'string' } }),
    },
  },
};

function emitWith(overrides: Record<string, string>): Map<string, string> {
  const overrideDir = fixtureDir({
    'apiforge-templates.json': JSON.stringify({ contract: VIEW_MODEL_VERSION }),
    ...overrides,
  });
  const engine = createTemplateEngine({
    builtinDir: path.join(repoRoot, 'templates'),
    overrideDir,
    contractVersion: VIEW_MODEL_VERSION,
  });
  const model = buildModel(specFrom(DOC), { name: 'Depth' });
  const files = emitClient(model, { name: 'Depth', input: 'spec.yaml', output: 'out' }, engine);
  for (const f of files.filter((x) => x.path.endsWith('.ts')))
    expect(syntaxErrors(f.content, f.path), f.path).toEqual([]);
  return new Map(files.map((f) => [f.path, f.content]));
}

/** Members at every depth, each named after where it sits. */
const MEMBERS = [
  'top',
  'nested',
  'inner',
  'deepest',
  'list',
  'in_array',
  'either',
  'in_union_a',
  'in_union_b',
  'both',
  'in_intersection',
  'maybe',
  'in_nullable',
];

describe('a partial override applies at every depth', () => {
  it('partials/member: interface members, nested objects, members inside arrays, unions and intersections, params', () => {
    const files = emitWith({ 'partials/member.hbs': '/* custom member */ {{> @builtin/partials/member}}' });
    const thing = files.get('src/models/Thing.ts')!;
    for (const key of MEMBERS) expect(thing, key).toMatch(new RegExp(`/\\* custom member \\*/ ${key}\\?:`));
    const resource = files.get('src/resources/things.ts')!;
    expect(resource).toMatch(/\/\* custom member \*\/ body_field\?:/);
    expect(resource).toMatch(/\/\* custom member \*\/ body_inner\?:/);
  });

  it('partials/type-expr: every type, nested or not, in models, params, signatures and page types', () => {
    const files = emitWith({
      'partials/type-expr.hbs':
        '{{#if (eq kind "name")}}{{#if (eq text "string")}}Text{{else}}{{text}}{{/if}}{{else}}{{> @builtin/partials/type-expr}}{{/if}}',
    });
    const thing = files.get('src/models/Thing.ts')!;
    for (const key of ['top', 'deepest', 'in_array', 'in_union_a', 'in_union_b', 'in_intersection', 'in_nullable'])
      expect(thing).toContain(`${key}?: Text;`);
    expect(thing).not.toMatch(/: string\b/);
    const resource = files.get('src/resources/things.ts')!;
    expect(resource).toContain('body_inner?: Text;');
    expect(resource).toMatch(/update\(id: Text, /);
  });

  it('partials/jsdoc reaches nested members too', () => {
    const doc = structuredClone(DOC) as typeof DOC;
    const schemas = doc.components.schemas as unknown as Record<
      string,
      { properties: Record<string, Record<string, unknown>> }
    >;
    schemas['Thing']!.properties['nested']!['properties'] = { inner: { type: 'string', description: 'deep text' } };
    const overrideDir = fixtureDir({
      'apiforge-templates.json': JSON.stringify({ contract: VIEW_MODEL_VERSION }),
      'partials/jsdoc.hbs': '{{#each lines}}// {{this}}\n{{/each}}',
    });
    const engine = createTemplateEngine({
      builtinDir: path.join(repoRoot, 'templates'),
      overrideDir,
      contractVersion: VIEW_MODEL_VERSION,
    });
    const files = emitClient(
      buildModel(specFrom(doc), { name: 'Depth' }),
      { name: 'Depth', input: 'spec.yaml', output: 'out' },
      engine,
    );
    expect(files.find((f) => f.path === 'src/models/Thing.ts')!.content).toContain(
      '    // deep text\n    inner?: string;',
    );
  });
});
