import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { fixture, rejection } from './helpers.js';

const ONE_OF_TYPES = '"object", "array", "string", "number", "integer", "boolean"';

describe('structural validation: what stops generation is an error with pointer and line:column', () => {
  it.each<[string, string, number, number, string]>([
    ['structure/paths-list.yaml', '#/paths', 4, 3, 'paths must be a mapping (OpenAPI Paths), got a list'],
    ['structure/servers-map.yaml', '#/servers', 3, 10, 'servers must be a list (OpenAPI ServerList), got a mapping'],
    ['structure/servers-string.yaml', '#/servers/0', 3, 11, 'servers[0] must be a mapping (OpenAPI Server), got a string'],
    ['structure/server-no-url.yaml', '#/servers/0', 4, 5, 'servers[0] has no "url" (required)'],
    ['structure/type-invalid.yaml', '#/components/schemas/Pet/type', 6, 18, `type: "invalid" is not one of ${ONE_OF_TYPES}`],
    ['structure/parameter-in.yaml', '#/paths/~1pets/get/parameters/0/in', 7, 30, 'in: "body" is not one of "query", "header", "path", "cookie"'],
    ['structure/swagger-type-invalid.yaml', '#/paths/~1pets/get/responses/200/schema/type', 6, 62, `type: "strin" is not one of ${ONE_OF_TYPES}, "null"`],
  ])('%s', async (rel, pointer, line, column, message) => {
    const { file, display } = fixture(rel);
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'invalid-document', exitCode: 1, location: { file: display, pointer, line, column } });
    expect(err.message).toBe(`${display}:${line}:${column} (${pointer}): ${message}`);
    expect(err.diagnostics).toHaveLength(1);
  });
});

describe('structural validation: what can be generated around is a located warning', () => {
  it('an unknown field is named, with the field it was probably meant to be', async () => {
    const { file, display } = fixture('structure/unknown-field.yaml');
    const spec = await loadSpec(file);
    expect(spec.warnings).toEqual([
      {
        code: 'unknown-field',
        severity: 'warning',
        message: 'unknown field "summery" (did you mean "summary"?); ignored',
        location: { file: display, line: 7, column: 7, pointer: '#/paths/~1pets/get/summery' },
      },
    ]);
  });

  it('a 3.1 media type with itemSchema (read for streams) gets no unknown-field warning', async () => {
    const spec = await loadSpec('test/fixtures/streaming/openapi.yaml');
    expect(spec.warnings.filter((w) => w.code === 'unknown-field')).toEqual([]);
  });

  it.each<[string, number, number, string]>([
    ['#/info/description', 2, 46, 'description: Expected type `string` but got `integer`'],
    ['#/paths/~1a/get/responses/200', 6, 20, 'responses.200 has no "description" (required)'],
  ])('%s: %s', async (pointer, line, column, message) => {
    const { file, display } = fixture('structure/warnings.yaml');
    const spec = await loadSpec(file);
    expect(spec.warnings).toContainEqual({ code: 'invalid-document', severity: 'warning', message, location: { file: display, line, column, pointer } });
  });
});
