// The --docs part of the official-SDK acceptance tool, on made-up docs (no official data in this repository).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSurface, positionalParam, readDocMethods } from '../../tools/official-sdk/docs-read.mjs';
import {
  classifyDocErrors,
  exampleTest,
  paramsObjectType,
  prepareDocsChecks,
} from '../../tools/official-sdk/docs-check.mjs';
import { arraysOfUnions } from '../../tools/official-sdk/docs-types.mjs';
import { typecheck } from '../../tools/official-sdk/run.mjs';
import { repoRoot } from '../emit/helpers.js';

const entry = (qualified: string, endpoint: string, params: string[], returns: string, call: string) => ({
  qualified: `client.${qualified}`,
  endpoint,
  httpMethod: 'post',
  params,
  response: '{ data: object; }',
  markdown: `## x\n\n### Returns\n\n- \`${returns}\`\n  Response object\n\n### Example\n`,
  perLanguage: {
    typescript: { example: `import Sdk from '@stigg/typescript';\n\nconst client = new Sdk();\n\n${call}` },
  },
});

const docsFile = (entries: unknown[]) =>
  [
    'type MethodEntry = {};',
    '// a ] in a comment',
    `const EMBEDDED_METHODS: MethodEntry[] = ${JSON.stringify(entries)};`,
    'export {};',
    '',
  ].join('\n');

const methods = [
  entry(
    'v1.things.attach',
    '/things/{id}/attach',
    ['id: string;', 'kind: string;', 'meta?: object;'],
    '{ data: { id: string; }; }',
    "await client.v1.things.attach('x', { kind: 'k' });",
  ),
  entry(
    'v1.things.list',
    '/things',
    ['limit?: number;'],
    '{ id: string; tags: object; }',
    'for await (const t of client.v1.things.list()) {\n  console.log(t.id);\n}',
  ),
];

describe('official-sdk-check --docs: reading', () => {
  it('reads call paths, endpoints, params, the expanded Returns type and the example', () => {
    const [attach, list] = readDocMethods(docsFile(methods));
    expect(attach).toMatchObject({ call: 'v1.things.attach', httpMethod: 'POST', endpoint: '/things/{id}/attach' });
    expect(attach?.response).toBe('{ data: { id: string; }; }');
    expect(list?.example).toContain('client.v1.things.list()');
  });

  it('compares the methods with a surface table', () => {
    const tsv =
      'method\tpath\tsdk_call\nPOST\t/things/{id}/attach\tv1.things.attach\nGET\t/things\tv1.things.list\n' +
      'GET\t/other\tv1.other.list\n';
    expect(compareSurface(readDocMethods(docsFile(methods)), tsv)).toEqual({
      onlyInDocs: [],
      onlyInSurface: ['v1.other.list'],
      differing: [{ call: 'v1.things.list', docs: 'POST /things', surface: 'GET /things' }],
    });
  });

  it('takes the last path parameter positionally and leaves it out of the params object', () => {
    expect(positionalParam('/plans/{planId}/entitlements/{featureId}')).toBe('featureId');
    const [attach] = readDocMethods(docsFile(methods));
    expect(paramsObjectType(attach!)).toBe('{ kind: string; meta?: any; }');
    expect(paramsObjectType({ endpoint: '/things/{id}', params: ['id: string;'] })).toBeUndefined();
    // A body field named like the path parameter stays.
    const link = { endpoint: '/things/{id}/links', params: ['id: string;', 'id: string;', 'to: string;'] };
    expect(paramsObjectType(link)).toBe('{ id: string; to: string; }');
    // Header params are listed bare; as properties they need quotes.
    const headers = { endpoint: '/things', params: ['name?: string;', 'X-ACCOUNT-ID?: string;'] };
    expect(paramsObjectType(headers)).toBe("{ name?: string; 'X-ACCOUNT-ID'?: string; }");
  });

  it('reads an array of a union the way the docs mean it', () => {
    expect(
      arraysOfUnions("{ w?: 'A' | 'B'[]; x: { a: number; } | { b: string; }[]; y: string[]; z: 'p' | 'q'; }"),
    ).toBe("{ w?: ('A' | 'B')[]; x: ({ a: number; } | { b: string; })[]; y: string[]; z: 'p' | 'q'; }");
    expect(arraysOfUnions('{ a: (string | number)[]; }')).toBe('{ a: (string | number)[]; }');
  });

  it('puts the fields of a union body beside the other params', () => {
    const update = {
      endpoint: '/a/{aId}/e/{id}',
      params: ['aId: string;', 'id: string;', "body: { t: 'X'; } | { t: 'Y'; };"],
    };
    expect(paramsObjectType(update)).toBe("{ aId: string; } & ({ t: 'X'; } | { t: 'Y'; })");
  });

  it('turns an example into a quiet test that reads one page of a list', () => {
    const text = exampleTest('v1.things.list', readDocMethods(docsFile(methods))[1]!.example!);
    expect(text).toContain('import Sdk from \'@stigg/typescript\';\n\ntest("v1.things.list", async () => {');
    expect(text).toContain('    void (t.id);\n    break;\n  }\n});');
  });

  it('sorts compiler errors by method and kind', () => {
    const errors = [
      'tests/docs-examples/v1-things-list.test.ts(5,3): error TS2339: nope',
      'docs-types.ts(7,14): error TS2322: Type A is not assignable',
    ];
    const res = classifyDocErrors(
      errors,
      [{ call: 'v1.things.list', file: 'x' }],
      [{ kind: 'params', call: 'v1.things.attach', line: 7 }],
    );
    expect(res.example).toEqual([{ call: 'v1.things.list', error: 'nope' }]);
    expect(res.params.map((p) => p.call)).toEqual(['v1.things.attach']);
    expect(res.response).toEqual([]);
  });
});

describe('official-sdk-check --docs: end to end on a made-up client', () => {
  it('reports an example that does not compile, a response ours does not satisfy, params ours rejects', () => {
    const root = mkdtempSync(join(tmpdir(), 'osc-docs-'));
    const client = join(root, 'client');
    const work = join(root, 'work');
    for (const dir of [join(client, 'src'), work]) mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(client, 'src/index.ts'),
      [
        'type Thing = { id: string | null; tags: Record<string, string> };',
        'export default class Stigg {',
        '  v1 = { things: {',
        '    attach: (id: string, params: { kind: number }): Promise<{ data: { id: number } }> => null!,',
        '    list: (params?: { limit?: number }): AsyncIterable<Thing> => null!,',
        '  } };',
        '}',
      ].join('\n'),
    );
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'));
    const docs = readDocMethods(docsFile(methods));
    const known = new Set(['v1.things.attach', 'v1.things.list']);
    const prepared = prepareDocsChecks({ methods: docs, known, work, client });
    const errors = [prepared.examplesTsconfig, prepared.typesTsconfig].flatMap((t) => typecheck(repoRoot, t).errors);
    const res = classifyDocErrors(errors, prepared.examples, prepared.checks);
    rmSync(root, { recursive: true, force: true });
    expect(prepared.checks.map((c) => `${c.kind} ${c.call}`)).toEqual([
      'response v1.things.attach',
      'params v1.things.attach',
      'response v1.things.list',
      'params v1.things.list',
    ]);
    expect(res.example.map((e) => e.call)).toEqual(['v1.things.attach']);
    expect(res.response.map((e) => e.call)).toEqual(['v1.things.attach']);
    expect(res.params.map((e) => e.call)).toEqual(['v1.things.attach']);
  }, 60_000);
});
