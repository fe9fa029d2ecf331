import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { displayPath } from '../../generator/load/read-source.js';
import { buildModel } from '../../generator/model/build-model.js';
import { fixture, rejection } from './helpers.js';

describe('bad input: one clear message, a location, exit code 1', () => {
  it('malformed YAML: file:line:column and the parser reason', async () => {
    const { file, display } = fixture('bad/malformed.yaml');
    const err = await rejection(loadSpec(file));
    expect(err.code).toBe('parse-error');
    expect(err.exitCode).toBe(1);
    // At the `[` that is never closed, not where the parser gave up.
    expect(err.location).toEqual({ file: display, line: 7, column: 10 });
    expect(err.message).toBe(`${display}:7:10: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`);
  });

  it('malformed JSON: file:line:column (even where Node gives no position)', async () => {
    const { file, display } = fixture('bad/malformed.json');
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'parse-error', exitCode: 1, location: { file: display, line: 4, column: 29 } });
    expect(err.message).toBe(`${display}:4:29: invalid JSON: value expected at "}"`);
  });

  it.each<[string, string, number, number, string]>([
    ['trailing garbage', '{"openapi": "3.0.3"}}', 1, 21, 'end of file expected at "}"'],
    ['missing comma', '{\n  "openapi": "3.0.3"\n  "info": {}\n}', 3, 3, 'comma expected at "\\"info\\""'],
    ['unterminated string', '{\n  "openapi": "3.0.3', 2, 14, 'unexpected end of string at "\\"3.0.3"'],
  ])('malformed JSON, %s', async (_name, text, line, column, reason) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apiforge-json-'));
    const file = path.join(dir, 'spec.json');
    writeFileSync(file, text);
    const err = await rejection(loadSpec(file));
    expect(err.location).toEqual({ file: displayPath(file), line, column });
    expect(err.message).toContain(`invalid JSON: ${reason}`);
  });

  it('JSON-looking text in a YAML file may keep a trailing comma (YAML flow syntax allows it)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apiforge-jsonc-'));
    const file = path.join(dir, 'spec.yaml');
    writeFileSync(file, '{\n  "openapi": "3.0.3",\n  "info": { "title": "t", "version": "1", },\n  "paths": {},\n}\n');
    expect((await loadSpec(file)).declaredVersion).toBe('3.0.3');
  });

  it('dangling internal $ref: an error at the file, line:column and pointer of its use', async () => {
    const { file, display } = fixture('bad/dangling-internal.yaml');
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'dangling-ref', exitCode: 1 });
    expect(err.location).toEqual({ file: display, line: 12, column: 23, pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema' });
    expect(err.message).toBe(`${display}:12:23 (${err.location?.pointer}): $ref "#/components/schemas/Pet" points to nothing`);
  });

  it('dangling external $ref: the ref, the missing file and the pointer of its use', async () => {
    const { file, display } = fixture('bad/dangling-external/root.yaml');
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'dangling-ref', exitCode: 1 });
    expect(err.location).toEqual({ file: display, line: 12, column: 23, pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema' });
    expect(err.message).toContain(`$ref "./missing.yaml#/Pet" points to a file that does not exist: ${display.replace('root.yaml', 'missing.yaml')}`);
  });

  it.each<[string, string, string, string]>([
    ['not OpenAPI', 'bad/not-openapi.yaml', 'not-openapi', 'is not an OpenAPI or Swagger document (no "openapi" or "swagger" field)'],
    ['empty', 'bad/empty.yaml', 'empty-file', 'is empty: expected an OpenAPI or Swagger document'],
    ['binary', 'bad/binary.yaml', 'binary-file', 'is a binary file, not an OpenAPI or Swagger document'],
  ])('%s file: one line naming it', async (_name, rel, code, tail) => {
    const { file, display } = fixture(rel);
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code, exitCode: 1 });
    expect(err.message).toBe(`${display} ${tail}`);
    expect(err.message).not.toContain('\n');
  });

  it('a YAML scalar or list at the top level is not OpenAPI', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apiforge-scalar-'));
    const file = path.join(dir, 'spec.yaml');
    writeFileSync(file, '- just\n- a list\n');
    const err = await rejection(loadSpec(file));
    expect(err.code).toBe('not-openapi');
    expect(err.message).toBe(`${displayPath(file)} is not an OpenAPI or Swagger document (expected a mapping at the top level)`);
  });

  it('missing file', async () => {
    const { file, display } = fixture('bad/does-not-exist.yaml');
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'file-not-found', exitCode: 1, message: `spec file not found: ${display}` });
  });

  it('a directory is not a spec file', async () => {
    const { file, display } = fixture('bad');
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'file-not-found', message: `${display} is a directory, not a spec file` });
  });

  it('unreachable URL', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}/openapi.yaml`;
    const err = await rejection(loadSpec(url));
    expect(err).toMatchObject({ code: 'url-unreachable', exitCode: 1 });
    expect(err.message).toBe(`cannot reach ${url}: ECONNREFUSED`);
  });

  it('unsupported versions name the field', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apiforge-ver-'));
    const file = path.join(dir, 'spec.yaml');
    writeFileSync(file, 'openapi: 4.0.0\ninfo: { title: t, version: "1" }\npaths: {}\n');
    const err = await rejection(loadSpec(file));
    expect(err).toMatchObject({ code: 'unsupported-version', exitCode: 1, location: { file: displayPath(file), pointer: '#/openapi' } });
    expect(err.message).toContain('unsupported OpenAPI version "4.0.0"');
  });
});
