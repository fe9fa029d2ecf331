/**
 * Identifier edge cases: component and property names -> type names and keys,
 * and the whole generated client still type-checks.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../generator/model/types.js';
import type { GeneratedFile } from '../../generator/write/types.js';
import { emitDoc, repoRoot, syntaxErrors, tsc } from './helpers.js';

/** Component key -> expected type name (client named `Test`). */
const TYPE_NAMES: Array<[string, string]> = [
  // reserved words
  ['class', 'ClassType'],
  ['default', 'DefaultType'],
  ['interface', 'InterfaceType'],
  ['string', 'StringType'],
  ['constructor', 'ConstructorType'],
  // leading digits, dashes, dots, spaces
  ['2fa', '_2fa'],
  ['3d-secure', '_3dSecure'],
  ['foo-bar', 'FooBar'],
  ['foo.bar_baz', 'FooBarBaz'],
  ['with space', 'WithSpace'],
  // unicode
  ['Café', 'Cafe'],
  ['日本', 'Schema'],
  // prototype names
  ['__proto__', 'Proto'],
  ['toString', 'ToString'],
  ['hasOwnProperty', 'HasOwnProperty'],
  // globals
  ['Date', 'DateType'],
  ['Record', 'RecordType'],
  ['Promise', 'PromiseType'],
  ['Error', 'ErrorType'],
  ['Array', 'ArrayType'],
  ['File', 'FileType'],
  // names differing only by case: the exact-case name keeps it
  ['Pet', 'Pet'],
  ['PET', 'Pet2'],
  ['pet', 'Pet3'],
  // runtime exports of the generated client
  ['Page', 'PageType'],
  ['APIPromise', 'ApiPromiseType'],
  ['Uploadable', 'UploadableType'],
  ['RequestOptions', 'RequestOptionsType'],
  ['APIError', 'ApiErrorType'],
  ['NotFoundError', 'NotFoundErrorType'],
  ['CursorPaginationSpec', 'CursorPaginationSpecType'],
  // the client class and its base error
  ['Test', 'Test2'],
  ['TestError', 'TestError2'],
];

/** Property name -> key as written in the generated interface (single-quoted unless the name holds a `'`). */
const KEYS: Array<[string, string]> = [
  ['class', 'class'],
  ['default', 'default'],
  ['2fa', "'2fa'"],
  ['foo-bar', "'foo-bar'"],
  ['Café', "'Café'"],
  ['__proto__', "'__proto__'"],
  ['constructor', 'constructor'],
  ['$ref', '$ref'],
  ['with space', "'with space'"],
  ["it's", `"it's"`],
  ['a"b', `'a"b'`],
  ['new\nline', "'new\\nline'"],
  ['*/', "'*/'"],
  ['', "''"],
];

/** Every component also refers to the next, so imports across odd names are exercised. */
function spec(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  const keys = TYPE_NAMES.map(([k]) => k);
  keys.forEach((key, i) => {
    const next = keys[(i + 1) % keys.length]!;
    // defineProperty, so `__proto__` is an own key as in a parsed spec.
    Object.defineProperty(schemas, key, { enumerable: true, writable: true, configurable: true, value: {
      type: 'object',
      required: ['self'],
      properties: {
        self: { type: 'string' },
        next: { $ref: `#/components/schemas/${next.replace(/~/g, '~0').replace(/\//g, '~1')}` },
        ...Object.fromEntries(KEYS.map(([p]) => [p, { type: 'string' }])),
      },
    } });
  });
  // Operations whose params and bodies carry the same odd names, and refer to odd components.
  const yaml = `
openapi: 3.1.0
info: { title: Test, version: '1' }
paths:
  /class/{default}/{2fa}:
    post:
      operationId: createClass
      parameters:
        - { name: default, in: path, required: true, schema: { type: string } }
        - { name: 2fa, in: path, required: true, schema: { type: string } }
        - { name: __proto__, in: query, schema: { type: string } }
        - { name: constructor, in: query, schema: { type: string } }
        - { name: X-Class, in: header, schema: { $ref: '#/components/schemas/class' } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Date' }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Promise' }
  /pages:
    get:
      operationId: listPages
      parameters:
        - { name: params, in: query, schema: { type: string } }
        - { name: options, in: query, schema: { type: string } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Page' } }
  /pages/{options}:
    get:
      operationId: getPage
      parameters:
        - { name: options, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/APIPromise' }
`;
  const doc = parseYaml(yaml) as Record<string, unknown>;
  doc['components'] = { schemas };
  return doc;
}

describe('identifier edge cases', () => {
  let files: GeneratedFile[];
  let model: ApiModel;
  beforeAll(() => {
    ({ files, model } = emitDoc(spec()));
  });

  it('the fixture keeps `__proto__` as an own key', () => {
    expect(Object.keys((spec()['components'] as { schemas: object }).schemas)).toContain('__proto__');
  });

  it.each(TYPE_NAMES)('component %j -> type %s', (key, expected) => {
    expect(model.schemas.find((s) => s.key === key)?.typeName).toBe(expected);
  });

  it('type names are unique, case-insensitively, and each has its own model file', () => {
    const names = model.schemas.map((s) => s.typeName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const s of model.schemas) expect(files.some((f) => f.path === `src/models/${s.typeName}.ts`), s.typeName).toBe(true);
  });

  it.each(KEYS)('property %j -> key %s', (_name, key) => {
    const file = files.find((f) => f.path === 'src/models/Pet.ts')!;
    // Members render as `key?: type;` or `key: type;`, one per line.
    const lines = file.content.split('\n').map((l) => l.trim());
    expect(lines).toContain(`${key}?: string;`);
  });

  it('every generated file parses', () => {
    for (const f of files.filter((x) => x.path.endsWith('.ts'))) expect(syntaxErrors(f.content, f.path), f.path).toEqual([]);
  });

  it('the whole generated client type-checks (tsc --strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess)', async () => {
    // One folder per run: other vitest processes may run this file at once.
    const dir = path.join(repoRoot, 'test/.tmp/identifiers', String(process.pid));
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.content);
    }
    // A consumer module: the odd names are importable from the package root.
    writeFileSync(
      path.join(dir, 'src/consumer.ts'),
      `import Test, { type ClassType, type DefaultType, type _2fa, type Cafe, type Proto, type DateType, type RecordType, type PromiseType, type ErrorType, type Pet, type Pet2, type Pet3, type PageType, type ApiPromiseType, type NotFoundErrorType, NotFoundError, APIPromise, type Page } from './index.js';
const client = new Test({ apiKey: 'k' });
export const p: APIPromise<PromiseType> = client.class.update('2fa value', { default: 'd', self: 's', constructor: 'c', '*/': 'x' });
export const q: APIPromise<ApiPromiseType> = client.pages.retrieve('o', { timeout: 1 });
export type D = DateType;
export type All = [ClassType, DefaultType, _2fa, Cafe, Proto, RecordType, ErrorType, Pet, Pet2, Pet3, PageType, ApiPromiseType, NotFoundErrorType, Page<unknown>];
export const e: typeof NotFoundError = NotFoundError;
`,
    );
    const result = await tsc(path.join(dir, 'tsconfig.json'));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
