/**
 * Schema constructs -> TypeScript text, through the real normalizer
 * (`buildModel` -> `normalizeSchema`) and the real emitters (`typeExpr`,
 * `declarationView` + templates, printed as the default format writes them).
 */
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { TypeMode } from '../../generator/emit/type-expr.js';
import { docOf, emitDoc, exprOf, formatted, modelFileBody, syntaxErrors } from './helpers.js';

/** Components the expression table refers to. */
const OTHERS: Record<string, unknown> = {
  A: { type: 'object', properties: { x: { type: 'string' } } },
  Str: { type: 'string' },
  Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, meows: { type: 'boolean' } } },
  Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, barks: { type: 'boolean' } } },
  Account: {
    type: 'object',
    required: ['id', 'password'],
    properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, name: { type: 'string' } },
  },
  Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } },
  Ping: { type: 'object', properties: { pong: { $ref: '#/components/schemas/Pong' } } },
  Pong: { type: 'object', properties: { ping: { $ref: '#/components/schemas/Ping' } } },
};

interface Row {
  name: string;
  schema: unknown;
  expected: string;
  mode?: TypeMode;
  openapi?: string;
}

const EXPRESSIONS: Row[] = [
  // primitives, unknown and never
  { name: 'string', schema: { type: 'string' }, expected: 'string' },
  { name: 'integer', schema: { type: 'integer', format: 'int64' }, expected: 'number' },
  { name: 'number', schema: { type: 'number' }, expected: 'number' },
  { name: 'boolean', schema: { type: 'boolean' }, expected: 'boolean' },
  { name: 'null', schema: { type: 'null' }, expected: 'null' },
  { name: '{} is unknown', schema: {}, expected: 'unknown' },
  { name: 'description only is unknown', schema: { description: 'anything' }, expected: 'unknown' },
  { name: 'false is never', schema: false, expected: 'never' },
  { name: 'type: object without properties is a record', schema: { type: 'object' }, expected: '{ [key: string]: unknown; }' },
  // required / optional
  {
    name: 'required and optional members',
    schema: { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } },
    expected: '{ a: string; b?: number; }',
  },
  { name: 'required list naming an absent property is ignored', schema: { type: 'object', required: ['zzz'], properties: { a: { type: 'string' } } }, expected: '{ a?: string; }' },
  // nullable
  { name: 'nullable (3.0)', schema: { type: 'string', nullable: true }, openapi: '3.0.3', expected: 'string | null' },
  { name: 'nullable object (3.0)', schema: { type: 'object', nullable: true, properties: { a: { type: 'string' } } }, openapi: '3.0.3', expected: '{ a?: string; } | null' },
  { name: 'nullable $ref via allOf (3.0)', schema: { allOf: [{ $ref: '#/components/schemas/Str' }], nullable: true }, openapi: '3.0.3', expected: 'Str | null' },
  { name: 'nullable oneOf without type (3.0)', schema: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'integer' }], nullable: true }, openapi: '3.0.3', expected: 'A | number | null' },
  { name: "type: [x, 'null'] (3.1)", schema: { type: ['string', 'null'] }, expected: 'string | null' },
  { name: "type: [x, y, 'null'] (3.1)", schema: { type: ['string', 'integer', 'null'] }, expected: 'string | number | null' },
  { name: "oneOf [$ref, {type: 'null'}] (3.1)", schema: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] }, expected: 'A | null' },
  { name: "anyOf [$ref, {type: 'null'}] (3.1)", schema: { anyOf: [{ $ref: '#/components/schemas/Str' }, { type: 'null' }] }, expected: 'Str | null' },
  { name: 'nullable array items (3.1)', schema: { type: 'array', items: { type: ['integer', 'null'] } }, expected: '(number | null)[]' },
  { name: 'nullable unknown stays unknown', schema: { type: ['null'], nullable: true, description: 'x' }, openapi: '3.0.3', expected: 'null' },
  // enums and const
  { name: 'string enum', schema: { type: 'string', enum: ['active', 'paused'] }, expected: "'active' | 'paused'" },
  { name: 'integer enum', schema: { type: 'integer', enum: [1, 2, 3] }, expected: '1 | 2 | 3' },
  { name: 'boolean enum', schema: { type: 'boolean', enum: [true] }, expected: 'true' },
  { name: 'enum with null (3.1)', schema: { type: ['string', 'null'], enum: ['a', null] }, expected: "'a' | null" },
  { name: 'nullable enum (3.0)', schema: { type: 'string', enum: ['a', 'b'], nullable: true }, openapi: '3.0.3', expected: "'a' | 'b' | null" },
  {
    name: 'enum values with quotes and newlines',
    schema: { type: 'string', enum: ["it's", 'say "hi"', 'a\nb', '*/', '${x}', '`t`'] },
    // Single quotes unless the text holds more single than double quotes; escapes as in JSON.
    expected: `"it's" | 'say "hi"' | 'a\\nb' | '*/' | '\${x}' | '\`t\`'`,
  },
  { name: 'empty enum is never', schema: { type: 'string', enum: [] }, expected: 'never' },
  { name: 'const string', schema: { const: 'fixed' }, expected: "'fixed'" },
  { name: 'const number', schema: { type: 'integer', const: 3 }, expected: '3' },
  { name: 'const null', schema: { const: null }, expected: 'null' },
  // unions and intersections
  { name: 'oneOf', schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, expected: 'string | number' },
  { name: 'anyOf', schema: { anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/Str' }] }, expected: 'A | Str' },
  { name: 'oneOf with one variant collapses', schema: { oneOf: [{ $ref: '#/components/schemas/A' }] }, expected: 'A' },
  { name: 'oneOf with an unknown variant is unknown', schema: { oneOf: [{ type: 'string' }, {}] }, expected: 'unknown' },
  { name: 'duplicate variants are merged', schema: { anyOf: [{ type: 'integer' }, { type: 'number' }] }, expected: 'number' },
  { name: 'multi-type without null', schema: { type: ['string', 'boolean'] }, expected: 'string | boolean' },
  {
    name: 'allOf is an intersection',
    schema: { allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', required: ['y'], properties: { y: { type: 'string' } } }] },
    expected: 'A & { y: string; }',
  },
  { name: 'allOf of one $ref is the ref', schema: { allOf: [{ $ref: '#/components/schemas/A' }] }, expected: 'A' },
  { name: 'allOf with {} parts drops them', schema: { allOf: [{ $ref: '#/components/schemas/A' }, {}] }, expected: 'A' },
  {
    name: 'own properties beside oneOf are intersected',
    schema: { type: 'object', properties: { id: { type: 'string' } }, oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] },
    expected: '{ id?: string; } & (Cat | Dog)',
  },
  {
    name: 'discriminator with mapping (narrowable, aliases merged)',
    schema: {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog', puppy: '#/components/schemas/Dog' } },
    },
    expected: "(Cat & { kind: 'cat'; }) | (Dog & { kind: 'dog' | 'puppy'; })",
  },
  {
    name: 'discriminator without mapping uses component names',
    schema: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } },
    expected: "(Cat & { kind: 'Cat'; }) | (Dog & { kind: 'Dog'; })",
  },
  {
    name: 'discriminator property that needs quoting',
    schema: { anyOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'pet-type', mapping: { c: '#/components/schemas/Cat' } } },
    expected: "Cat & { 'pet-type': 'c'; }",
  },
  // index signatures
  { name: 'additionalProperties schema', schema: { type: 'object', additionalProperties: { type: 'integer' } }, expected: '{ [key: string]: number; }' },
  { name: 'additionalProperties: true', schema: { type: 'object', additionalProperties: true }, expected: '{ [key: string]: unknown; }' },
  { name: 'additionalProperties: {}', schema: { type: 'object', additionalProperties: {} }, expected: '{ [key: string]: unknown; }' },
  { name: 'additionalProperties: false', schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, expected: '{ a?: string; }' },
  {
    name: 'additionalProperties beside properties admits every member',
    schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer' } },
    expected: '{ a?: string; [key: string]: unknown; }',
  },
  { name: 'additionalProperties $ref', schema: { type: 'object', additionalProperties: { $ref: '#/components/schemas/A' } }, expected: '{ [key: string]: A; }' },
  { name: 'patternProperties', schema: { type: 'object', patternProperties: { '^x-': { type: 'string' } } }, expected: '{ [key: string]: string; }' },
  {
    name: 'patternProperties and additionalProperties',
    schema: { type: 'object', patternProperties: { '^x-': { type: 'string' } }, additionalProperties: { type: 'integer' } },
    expected: '{ [key: string]: number | string; }',
  },
  // arrays and tuples
  { name: 'array', schema: { type: 'array', items: { type: 'string' } }, expected: 'string[]' },
  { name: 'array without items', schema: { type: 'array' }, expected: 'unknown[]' },
  { name: 'array of union', schema: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'integer' }] } }, expected: '(string | number)[]' },
  { name: 'array of arrays', schema: { type: 'array', items: { type: 'array', items: { $ref: '#/components/schemas/A' } } }, expected: 'A[][]' },
  { name: 'nullable array (3.1)', schema: { type: ['array', 'null'], items: { type: 'string' } }, expected: 'string[] | null' },
  { name: 'closed tuple (prefixItems, items: false)', schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }, expected: '[string, number]' },
  { name: 'tuple with rest (prefixItems + items)', schema: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'boolean' } }, expected: '[string, ...boolean[]]' },
  { name: 'tuple of refs', schema: { type: 'array', prefixItems: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/Str' }], items: false }, expected: '[A, Str]' },
  // recursion and cycles stay named refs
  { name: 'self recursion', schema: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/T' } } } }, expected: '{ children?: T[]; }' },
  { name: 'recursive component', schema: { $ref: '#/components/schemas/Node' }, expected: 'Node' },
  { name: 'cycle through two components', schema: { type: 'array', items: { $ref: '#/components/schemas/Ping' } }, expected: 'Ping[]' },
  // readOnly / writeOnly
  {
    name: 'readOnly members leave request types',
    schema: { type: 'object', properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true }, name: { type: 'string' } } },
    mode: 'request',
    expected: '{ secret?: string; name?: string; }',
  },
  {
    name: 'writeOnly members leave response types',
    schema: { type: 'object', properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true }, name: { type: 'string' } } },
    mode: 'response',
    expected: '{ id?: string; name?: string; }',
  },
  { name: 'a ref to a directional schema is its Input variant in requests', schema: { type: 'array', items: { $ref: '#/components/schemas/Account' } }, mode: 'request', expected: 'AccountInput[]' },
  { name: '... and the plain name in responses', schema: { type: 'array', items: { $ref: '#/components/schemas/Account' } }, mode: 'response', expected: 'Account[]' },
  { name: 'a ref to a plain schema is the same name in requests', schema: { $ref: '#/components/schemas/A' }, mode: 'request', expected: 'A' },
  // binary
  { name: 'format: binary is Uploadable', schema: { type: 'string', format: 'binary' }, expected: 'Uploadable' },
  { name: 'contentMediaType octet-stream is Uploadable', schema: { type: 'string', contentMediaType: 'application/octet-stream' }, expected: 'Uploadable' },
  { name: 'array of binary', schema: { type: 'array', items: { type: 'string', format: 'binary' } }, expected: 'Uploadable[]' },
  { name: 'format: byte stays string', schema: { type: 'string', format: 'byte' }, expected: 'string' },
  // property keys
  {
    name: 'property names that need quoting',
    schema: {
      type: 'object',
      properties: JSON.parse(
        '{"a-b":{"type":"string"},"q\'uote":{"type":"string"},"dq\\"":{"type":"string"},"new\\nline":{"type":"string"},"*/":{"type":"string"},"__proto__":{"type":"string"},"2fa":{"type":"string"},"Café":{"type":"string"},"$ok_1":{"type":"string"},"class":{"type":"string"}}',
      ),
    },
    expected: String.raw`{ 'a-b'?: string; "q'uote"?: string; 'dq"'?: string; 'new\nline'?: string; '*/'?: string; '__proto__'?: string; '2fa'?: string; 'Café'?: string; $ok_1?: string; class?: string; }`,
  },
  // a dangling $ref is unknown (and reported; see below)
  { name: 'dangling $ref is unknown', schema: { $ref: '#/components/schemas/DoesNotExist' }, expected: 'unknown' },
];

describe('typeView + partials/type-expr: schema -> TypeScript expression', () => {
  it.each(EXPRESSIONS)('$name', ({ schema, expected, mode, openapi }) => {
    expect(exprOf(schema, mode ?? 'response', OTHERS, openapi ?? '3.1.0')).toBe(expected);
  });

  it('every expression is a valid TypeScript type', () => {
    const src = EXPRESSIONS.map((r, i) => `type T${i} = ${exprOf(r.schema, r.mode ?? 'response', OTHERS, r.openapi ?? '3.1.0')};`).join('\n');
    expect(syntaxErrors(src)).toEqual([]);
  });

  it('reports a dangling $ref as an error and still emits the rest, with unknown in its place', async () => {
    const paths = {
      '/t': { get: { operationId: 'getT', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Gone' } } } } } } },
    };
    const { model, files } = emitDoc(docOf({ T: { type: 'object', required: ['x'], properties: { x: { $ref: '#/components/schemas/Nope' }, y: { type: 'string' } } } }, '3.1.0', paths));
    expect(model.warnings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'dangling-ref', message: expect.stringContaining('#/components/schemas/Nope') }),
      expect.objectContaining({ severity: 'error', code: 'dangling-ref', message: expect.stringContaining('#/components/schemas/Gone') }),
    ]);
    expect(await modelFileBody(files, 'T')).toBe('export interface T {\n  x: unknown;\n  y?: string;\n}');
    const resource = files.find((f) => f.path === 'src/resources/t.ts')!;
    expect(resource.content).toContain('export type TListResponse = unknown;');
    expect(resource.content).toContain('APIPromise<TListResponse>');
    for (const f of files.filter((x) => x.path.endsWith('.ts'))) expect(syntaxErrors(f.content, f.path)).toEqual([]);
  });
});

/** Declarations, rendered and formatted as they appear in `src/models/<Name>.ts`. */
const DECLARATIONS: Array<{ name: string; schemas: Record<string, unknown>; file: string; expected: string; openapi?: string }> = [
  {
    name: 'an object becomes an interface, in spec order',
    schemas: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } } },
    file: 'Pet',
    expected: `export interface Pet {
  name: string;
  age?: number;
  tags?: string[];
}`,
  },
  {
    name: 'anything else becomes an alias',
    schemas: { Status: { type: 'string', enum: ['on', 'off'] } },
    file: 'Status',
    expected: `export type Status = 'on' | 'off';`,
  },
  {
    name: 'a nullable object (3.0) is an alias',
    schemas: { Maybe: { type: 'object', nullable: true, properties: { a: { type: 'string' } } } },
    openapi: '3.0.3',
    file: 'Maybe',
    expected: `export type Maybe = {
  a?: string;
} | null;`,
  },
  {
    name: 'readOnly/writeOnly: the response type and its Input variant',
    schemas: {
      Account: {
        type: 'object',
        required: ['id', 'password', 'name'],
        properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, name: { type: 'string' } },
      },
    },
    file: 'Account',
    expected: `export interface Account {
  id: string;
  name: string;
}

/**
 * Request shape of {@link Account} (read-only members left out).
 */
export interface AccountInput {
  password: string;
  name: string;
}`,
  },
  {
    name: 'index signature beside members',
    schemas: { Bag: { type: 'object', required: ['id'], properties: { id: { type: 'string' } }, additionalProperties: { type: 'integer' } } },
    file: 'Bag',
    expected: `export interface Bag {
  id: string;
  [key: string]: unknown;
}`,
  },
  {
    name: 'a map is an interface with only an index signature',
    schemas: { Labels: { type: 'object', additionalProperties: { type: 'string' } } },
    file: 'Labels',
    expected: `export interface Labels {
  [key: string]: string;
}`,
  },
  {
    name: 'patternProperties and additionalProperties: both value types admitted',
    schemas: { Ext: { type: 'object', patternProperties: { '^x-': { type: 'string' } }, additionalProperties: { type: 'integer' } } },
    file: 'Ext',
    expected: `export interface Ext {
  [key: string]: number | string;
}`,
  },
  {
    name: 'JSDoc from title, description, format, default, example; deprecated',
    schemas: {
      Documented: {
        title: 'Documented thing',
        description: 'A thing with docs.\nSecond line.',
        type: 'object',
        deprecated: true,
        properties: {
          when: { type: 'string', format: 'date-time', description: 'When it happened.', example: '2024-01-01T00:00:00Z' },
          size: { type: 'integer', default: 10, title: 'Size' },
          old: { type: 'boolean', deprecated: true },
          mode: { type: 'string', enum: ['a', 'b'], default: 'a', example: 'b' },
          meta: { type: 'object', properties: { k: { type: 'string' } }, example: { k: 'v' } },
        },
      },
    },
    file: 'Documented',
    expected: `/**
 * Documented thing
 *
 * A thing with docs.
 * Second line.
 * @deprecated
 */
export interface Documented {
  /**
   * When it happened.
   * @format date-time
   * @example "2024-01-01T00:00:00Z"
   */
  when?: string;
  /**
   * Size
   * @default 10
   */
  size?: number;
  /**
   * @deprecated
   */
  old?: boolean;
  /**
   * @default "a"
   * @example "b"
   */
  mode?: 'a' | 'b';
  /**
   * @example {"k":"v"}
   */
  meta?: {
    k?: string;
  };
}`,
  },
  {
    name: 'a description that starts with the title does not repeat it',
    schemas: { Short: { title: 'Short', description: 'Short things.', type: 'string' } },
    file: 'Short',
    expected: `/**
 * Short things.
 */
export type Short = string;`,
  },
  {
    name: 'recursive interface',
    schemas: { Tree: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } } },
    file: 'Tree',
    expected: `export interface Tree {
  value?: number;
  children?: Tree[];
}`,
  },
  {
    name: 'binary member imports Uploadable',
    schemas: { Upload: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } },
    file: 'Upload',
    expected: `export interface Upload {
  /**
   * @format binary
   */
  file: Uploadable;
}`,
  },
];

describe('declarationView: component -> declaration text', () => {
  it.each(DECLARATIONS)('$name', async ({ schemas, file, expected, openapi }) => {
    const { files } = emitDoc(docOf(schemas, openapi ?? '3.1.0'));
    expect(await modelFileBody(files, file)).toBe(expected);
  });

  it('imports what a model file uses (named types and Uploadable)', async () => {
    const { files } = emitDoc(
      docOf({
        Upload: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, owner: { $ref: '#/components/schemas/Owner' } } },
        Owner: { type: 'string' },
      }),
    );
    const text = await formatted(files.find((f) => f.path === 'src/models/Upload.ts')!);
    expect(text).toContain(`import type { Uploadable } from '../core/uploads.js';`);
    expect(text).toContain(`import type { Owner } from './Owner.js';`);
  });
});

/** A sentinel that must only ever appear inside comments and string literals. */
const EVIL = 'PWNED';
const HOSTILE_TEXTS = [
  `closes */ ${EVIL}(); /* reopens`,
  `*/ ${EVIL} /**`,
  `backticks \`${EVIL}\` and \${${EVIL}} and quotes "dq" 'sq'`,
  `line\u2028${EVIL}\u2029separators`,
  `carriage\r\n${EVIL}\rreturns`,
  `ends with a star *`,
  `/ starts with a slash`,
  `**/ ${EVIL}`,
];

const HOSTILE_SPEC = `
openapi: 3.1.0
info: { title: Hostile, version: '1' }
paths:
  /things/{id}:
    get:
      operationId: getThing
      summary: ${JSON.stringify(HOSTILE_TEXTS[0])}
      description: ${JSON.stringify(HOSTILE_TEXTS.join('\n'))}
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: "q*/${EVIL}", in: query, description: ${JSON.stringify(HOSTILE_TEXTS[1])}, schema: { type: string } }
        - { name: "X-Evil'\\"", in: header, description: ${JSON.stringify(HOSTILE_TEXTS[2])}, schema: { type: string } }
      responses:
        '200':
          description: ${JSON.stringify(HOSTILE_TEXTS[3])}
          content:
            application/json:
              schema:
                type: object
                description: ${JSON.stringify(HOSTILE_TEXTS[4])}
                properties:
                  "*/ ${EVIL} /*": { type: string, description: ${JSON.stringify(HOSTILE_TEXTS[5])} }
                  "new\\nline": { type: string, default: ${JSON.stringify(HOSTILE_TEXTS[0])}, example: ${JSON.stringify(HOSTILE_TEXTS[1])} }
components:
  schemas:
    Hostile:
      title: ${JSON.stringify(HOSTILE_TEXTS[6])}
      description: ${JSON.stringify(HOSTILE_TEXTS.join('\n\n'))}
      type: object
      properties:
        "quote'd": { type: string, description: ${JSON.stringify(HOSTILE_TEXTS[7])} }
        'dq"': { type: string, format: "date */ ${EVIL}" }
        "a\\u2028b": { type: string }
        "*/": { type: string, enum: ["*/ ${EVIL} /*", "it's", 'say "hi"', "a\\nb", "\${${EVIL}}", "\`${EVIL}\`", "\\u2028"] }
        "\`tick\`": { type: string, deprecated: true, description: ${JSON.stringify(HOSTILE_TEXTS[2])} }
        nested:
          type: object
          description: ${JSON.stringify(HOSTILE_TEXTS[0])}
          properties:
            deep: { type: string, description: ${JSON.stringify(HOSTILE_TEXTS[1])}, example: { "*/": "${EVIL}" } }
      example: { "*/": ${JSON.stringify(HOSTILE_TEXTS[0])} }
    EvilEnum:
      description: ${JSON.stringify(HOSTILE_TEXTS[3])}
      type: string
      enum: ["*/", "\\r\\n", "\\u2029", "\${x}"]
`;

/** Identifiers named like the sentinel anywhere in the parsed file (they would mean spec text escaped into code). */
function evilIdentifiers(text: string, fileName: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text.includes(EVIL)) found.push(`${fileName}:${node.getStart()}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('hostile spec text', () => {
  const doc = parseYaml(HOSTILE_SPEC) as Record<string, unknown>;

  it('parses as the spec intends (the YAML above is not itself broken)', () => {
    const schemas = (doc['components'] as { schemas: Record<string, { description: string }> }).schemas;
    expect(schemas['Hostile']?.description).toContain('\u2028');
    expect(Object.keys((schemas['Hostile'] as unknown as { properties: object }).properties)).toContain('a\u2028b');
  });

  it('every generated file parses with zero syntax errors, before and after prettier, and no text escapes a comment', async () => {
    const { files } = emitDoc(doc);
    const tsFiles = files.filter((f) => f.path.endsWith('.ts'));
    for (const f of tsFiles) {
      expect(syntaxErrors(f.content, f.path), f.path).toEqual([]);
      expect(evilIdentifiers(f.content, f.path), f.path).toEqual([]);
      const pretty = await formatted(f);
      expect(syntaxErrors(pretty, f.path), f.path).toEqual([]);
      expect(evilIdentifiers(pretty, f.path), f.path).toEqual([]);
    }
    // The hostile text is still there, inside comments.
    const model = files.find((f) => f.path === 'src/models/Hostile.ts')!.content;
    expect(model).toContain(`closes *\\/ ${EVIL}(); /\\* reopens`);
    expect(model).not.toMatch(/[\u2028\u2029]\s*\*?\s*PWNED/);
    expect(model).toContain('@format date *\\/ PWNED');
  });

  it('no comment closes early: every block comment ends where the generator ended it', () => {
    const { files } = emitDoc(doc);
    for (const f of files.filter((x) => x.path.endsWith('.ts'))) {
      const sf = ts.createSourceFile(f.path, f.content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const seen = new Set<number>();
      const visit = (node: ts.Node): void => {
        for (const range of ts.getLeadingCommentRanges(f.content, node.getFullStart()) ?? []) {
          if (seen.has(range.pos) || range.kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
          seen.add(range.pos);
          const body = f.content.slice(range.pos + 2, range.end - 2);
          // The generator closes a JSDoc block on its own line (` */`) or inline (`/** text */`); the body never holds a closer.
          expect(body, f.path).not.toContain('*/');
          expect(body, f.path).not.toMatch(/[\u2028\u2029]/);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  });

  it('a hostile info.title/version cannot break the client class JSDoc', () => {
    const evil = { ...doc, info: { title: `Evil */ ${EVIL} /* \u2028`, version: `1 */ ${EVIL}` } };
    const client = emitDoc(evil).files.find((f) => f.path === 'src/client.ts')!;
    expect(syntaxErrors(client.content, client.path)).toEqual([]);
    expect(evilIdentifiers(client.content, client.path)).toEqual([]);
  });
});
