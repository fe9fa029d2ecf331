import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec, type LoadedSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { corpusFile } from '../helpers/corpus.js';
import { shuffleSpec } from '../helpers/shuffle.js';
import { fixturesDir } from '../load/helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');



const SPECS: Array<[string, string]> = [
  ['Stigg (3.0)', path.join(repoRoot, 'specs/stigg/openapi.yaml')],
  ['webhook example (3.1)', corpusFile('oai-v3.1-webhook-example', 'webhook-example.yaml')],
  ['3.1 fixture with quirks', path.join(fixturesDir, 'quirks/openapi-32.yaml')],
  ['multi-file fixture', path.join(fixturesDir, 'external/openapi.yaml')],
];

describe('canonical model: key order of unordered maps does not matter', () => {
  it.each(SPECS)('%s', async (_name, file) => {
    const spec = await loadSpec(file);
    const baseline = JSON.stringify(buildModel(spec));
    for (const seed of [1, 2, 3]) {
      const shuffled: LoadedSpec = { ...spec, document: shuffleSpec(spec.document, seed) };
      expect(JSON.stringify(shuffled.document)).not.toBe(JSON.stringify(spec.document));
      expect(JSON.stringify(buildModel(shuffled))).toBe(baseline);
    }
  });

  it('a 3.1 document with collisions, extra refs and quirks stays canonical', () => {
    const doc: Record<string, unknown> = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/b/{id}': { patch: { operationId: 'bPatch', responses: { '200': { description: 'ok' } } }, put: { operationId: 'bPut', responses: { '200': { description: 'ok' } } } },
        '/b': { put: { operationId: 'bPutAll', responses: {} }, get: { operationId: 'dup', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/b' } } } } } } },
        '/a/{id}/archive': { post: { operationId: 'dup', responses: { '201': { description: 'ok' } } }, delete: { operationId: 'aUnarchive', responses: { '204': { description: 'ok' } } } },
        '/a/{x}/{y}': { get: { operationId: 'undeclared', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/B/properties/inner' } } } } } } },
      },
      components: {
        schemas: {
          B: { type: 'object', properties: { inner: { type: 'object', properties: { z: { type: ['string', 'null'] }, a: { type: 'string', nullable: true } } } } },
          b: { type: 'object', properties: { next: { $ref: '#/components/schemas/B' } } },
          A: { oneOf: [{ $ref: '#/components/schemas/B' }, { $ref: '#/components/schemas/b' }], discriminator: { propertyName: 'k', mapping: { y: '#/components/schemas/b', x: '#/components/schemas/B' } } },
          Missing: { $ref: '#/components/schemas/Nope' },
        },
        securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, bearer: { type: 'http', scheme: 'bearer' } },
      },
    };
    const spec: LoadedSpec = { document: doc, sourceVersion: '3.1', declaredVersion: '3.1.0', display: 'inline.yaml', sourceFiles: [], warnings: [] };
    const baseline = JSON.stringify(buildModel(spec));
    for (let seed = 1; seed <= 10; seed++) {
      expect(JSON.stringify(buildModel({ ...spec, document: shuffleSpec(doc, seed) })), `seed ${seed}`).toBe(baseline);
    }
  });
});
