import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { fixture } from './helpers.js';

/** [fixture, code, message, pointer]: each quirk loads, builds, and is reported once with its location. */
const QUIRKS: Array<[string, DiagnosticCode, string, string]> = [
  ['quirks/nullable-without-type.yaml', 'nullable-without-type', '`nullable: true` without a `type`: read as nullable', '#/components/schemas/Customer/properties/couponId'],
  ['quirks/nullable-without-type.yaml', 'nullable-without-type', '`nullable: true` without a `type`: read as any value or null', '#/components/schemas/Customer/properties/raw'],
  ['quirks/nullable-in-31.yaml', 'nullable-in-3.1', '`nullable` is not part of OpenAPI 3.1; read as `type: [..., "null"]`', '#/components/schemas/Thing/properties/name'],
  ['quirks/undeclared-path-param.yaml', 'undeclared-path-param', 'path parameter {toyId} is used in the path but not declared; typed as string', '#/paths/~1pets~1{petId}~1toys~1{toyId}/get'],
  ['quirks/duplicate-operation-id.yaml', 'duplicate-operation-id', 'operationId "list" is used more than once; this one is known as "list_2"', '#/paths/~1toys/get'],
  ['quirks/no-responses.yaml', 'no-responses', 'operation declares no responses; its result is typed as unknown', '#/paths/~1ping/post'],
  ['quirks/examples-only.yaml', 'no-responses', 'response 200 (application/json) has examples but no schema; its body is typed as unknown', '#/paths/~1status/get/responses/200/content/application~1json'],
  ['quirks/openapi-32.yaml', 'unsupported-version', 'OpenAPI 3.2.0 is read as 3.1 (plus itemSchema); other fields new in 3.2 are ignored', '#/openapi'],
  ['quirks/openapi-32.yaml', 'unknown-field', 'field "$self" is not part of OpenAPI 3.1; ignored', '#/$self'],
  ['quirks/openapi-32.yaml', 'unknown-field', 'field "query" is not part of OpenAPI 3.1; ignored', '#/paths/~1search/query'],
];

describe('loader quirks are tolerated with a located warning', () => {
  it.each(QUIRKS)('%s: %s', async (rel, code, message, pointer) => {
    const { file, display } = fixture(rel);
    const model = buildModel(await loadSpec(file));
    expect(model.warnings).toContainEqual({ code, severity: 'warning', message, location: { file: display, pointer } });
    expect(model.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });

  it('reads the quirks as intended', async () => {
    const nullable = buildModel(await loadSpec(fixture('quirks/nullable-without-type.yaml').file));
    const customer = nullable.schemas.find((s) => s.key === 'Customer')?.schema;
    expect(customer).toMatchObject({
      kind: 'object',
      properties: [
        { name: 'couponId', schema: { kind: 'union', nullable: true } },
        { name: 'raw', schema: { kind: 'unknown', nullable: true } },
      ],
    });

    const undeclared = buildModel(await loadSpec(fixture('quirks/undeclared-path-param.yaml').file));
    expect(undeclared.operations[0]?.parameters.map((p) => [p.name, p.in, p.required, p.schema.kind])).toEqual([
      ['petId', 'path', true, 'integer'],
      ['toyId', 'path', true, 'string'],
    ]);

    const dup = buildModel(await loadSpec(fixture('quirks/duplicate-operation-id.yaml').file));
    expect(dup.operations.map((o) => [o.id, o.path])).toEqual([
      ['list', '/pets'],
      ['list_2', '/toys'],
    ]);

    const v32 = await loadSpec(fixture('quirks/openapi-32.yaml').file);
    expect(v32.sourceVersion).toBe('3.2');
    const m32 = buildModel(v32);
    expect(m32.operations.map((o) => o.id)).toEqual(['search']);
    expect(m32.operations[0]?.responses[0]?.content[0]?.schema).toEqual({ kind: 'string', nullable: true });
  });
});
