import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { fixture, rejection } from './helpers.js';

describe('parsing: strict JSON, YAML errors at the offending token', () => {
  it.each<[string, number, number, string]>([
    ['parse/trailing-comma.json', 3, 41, 'invalid JSON: trailing comma before "}" (JSON allows none)'],
    ['parse/comment.json', 2, 3, 'invalid JSON: invalid comment token at "// c"'],
    ['parse/unclosed-quote.yaml', 4, 12, 'invalid YAML: Missing closing "quote'],
    ['parse/bad-indent.yaml', 9, 10, 'invalid YAML: All mapping items must start at the same column'],
    ['parse/unclosed-flow.yaml', 5, 47, 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('%s: %i:%i', async (rel, line, column, message) => {
    const { file, display } = fixture(rel);
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'parse-error', exitCode: 1, location: { file: display, line, column } });
    expect(err.message).toBe(`${display}:${line}:${column}: ${message}`);
  });
});

describe('versions written as numbers are read, with a warning saying what was read', () => {
  it.each<[string, string, string, string]>([
    ['parse/openapi-number-31.yaml', 'openapi', '3.1', '3.1'],
    ['parse/openapi-number-30.yaml', 'openapi', '3.0', '3.0'],
    ['parse/swagger-number.yaml', 'swagger', '2.0', '2.0'],
  ])('%s', async (rel, field, written, family) => {
    const { file, display } = fixture(rel);
    const spec = await loadSpec(file);
    expect(spec.sourceVersion).toBe(family);
    expect(spec.warnings).toEqual([
      {
        code: 'numeric-version',
        severity: 'warning',
        message: `${field}: ${written} is a number in YAML; read as the version "${written}" (quote it: ${field}: "${written}")`,
        location: { file: display, pointer: `#/${field}`, line: 1, column: field.length + 3 },
      },
    ]);
  });
});
