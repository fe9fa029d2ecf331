import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { fixture, rejection } from './helpers.js';

const YAML_SPEC = 'openapi: 3.0.3\ninfo: { title: served yaml, version: "1" }\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses: { "200": { description: ok } }\n';
const JSON_SPEC = JSON.stringify({ openapi: '3.1.0', info: { title: 'served json', version: '1' }, paths: { '/pets/{id}': { get: { operationId: 'getPet', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } });

describe('URL input (loopback server)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      // Extensions and content types lie on purpose: the content decides.
      if (req.url === '/spec.json') res.writeHead(200, { 'content-type': 'application/json' }).end(YAML_SPEC);
      else if (req.url === '/spec') res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON_SPEC);
      else if (req.url === '/spec.yaml') res.writeHead(200, { 'content-type': 'text/yaml' }).end(JSON_SPEC);
      else res.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reads YAML by content (served as .json)', async () => {
    const spec = await loadSpec(`${base}/spec.json`);
    expect(spec).toMatchObject({ display: `${base}/spec.json`, sourceVersion: '3.0', sourceFiles: [`${base}/spec.json`] });
    expect(buildModel(spec).operations.map((o) => o.id)).toEqual(['listPets']);
  });

  it.each(['/spec', '/spec.yaml'])('reads JSON by content (%s)', async (p) => {
    const spec = await loadSpec(`${base}${p}`);
    expect(spec.declaredVersion).toBe('3.1.0');
    expect(buildModel(spec).operations.map((o) => o.id)).toEqual(['getPet']);
  });

  it('HTTP errors are one line', async () => {
    const err = await rejection(loadSpec(`${base}/missing.yaml`));
    expect(err).toMatchObject({ code: 'url-unreachable', exitCode: 1, message: `cannot fetch ${base}/missing.yaml: HTTP 404 Not Found` });
  });
});

describe('multi-file specs', () => {
  it('joins external $refs across folders; circular refs stay refs', async () => {
    const { file } = fixture('external/openapi.yaml');
    const spec = await loadSpec(file);
    expect(spec.sourceFiles.map((f) => f.slice(f.indexOf('external/')))).toEqual([
      'external/openapi.yaml',
      'external/paths/pets.yaml',
      'external/schemas/owner.yaml',
      'external/schemas/pet.yaml',
    ]);
    expect(JSON.stringify(spec.document)).not.toMatch(/"\$ref":"\.{1,2}\//);
    const model = buildModel(spec);
    expect(model.warnings).toEqual([]);
    const byKey = Object.fromEntries(model.schemas.map((s) => [s.key, s.schema]));
    const petKey = model.schemas.find((s) => s.schema.kind === 'object' && s.schema.properties.some((p) => p.name === 'owner'))?.key ?? '';
    const ownerKey = model.schemas.find((s) => s.schema.kind === 'object' && s.schema.properties.some((p) => p.name === 'pets'))?.key ?? '';
    expect(byKey[petKey]).toMatchObject({ properties: [{ name: 'name', required: true }, { name: 'owner', schema: { kind: 'ref', target: ownerKey } }] });
    expect(byKey[ownerKey]).toMatchObject({ properties: [{ name: 'name' }, { name: 'pets', schema: { kind: 'array', items: { kind: 'ref', target: petKey } } }] });
    expect(model.operations[0]?.responses[0]?.content[0]?.schema).toMatchObject({ kind: 'array', items: { kind: 'ref', target: petKey } });
  });
});

describe('Swagger 2.0', () => {
  it('is converted to OpenAPI 3 (basePath -> server, x-nullable -> nullable)', async () => {
    const spec = await loadSpec(fixture('swagger2.json').file);
    expect(spec).toMatchObject({ sourceVersion: '2.0', declaredVersion: '2.0' });
    expect(String(spec.document['openapi'])).toMatch(/^3\.0\./);
    const model = buildModel(spec);
    expect(model.servers).toEqual([{ url: '/v1', variables: [] }]);
    expect(model.operations[0]).toMatchObject({ id: 'getPet', path: '/pets/{id}', parameters: [{ name: 'id', in: 'path', required: true, schema: { kind: 'string' } }] });
    expect(model.schemas[0]?.schema).toMatchObject({ kind: 'object', properties: [{ name: 'name', schema: { kind: 'string', nullable: true } }] });
  });
});
