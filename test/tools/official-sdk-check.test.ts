// The official-SDK acceptance tool's pure parts, on small made-up inputs (no official code in this repository).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  callPaths,
  dropUnknownOperations,
  mapPackageImports,
  surfaceCalls,
  unskip,
} from '../../tools/official-sdk/transform.mjs';
import { classify, exportedTypes, namespaceOf, prepareAssignability } from '../../tools/official-sdk/assignability.mjs';
import { typecheck } from '../../tools/official-sdk/run.mjs';
import { repoRoot } from '../emit/helpers.js';

const testFile = [
  "import Sdk from '@stigg/typescript';",
  '',
  "describe('resource things', () => {",
  '  // Mock server tests are disabled',
  "  test.skip('list', async () => {",
  '    await client.v1.things.list();',
  '  });',
  '',
  '  // Mock server tests are disabled',
  "  test.skip('gone', async () => {",
  "    await client.v1.things.removed('x');",
  '  });',
  '});',
  '',
].join('\n');

describe('official-sdk-check: test files', () => {
  it('maps the package and its subpaths to our sources, relative to the copy', () => {
    const text = "import A from '@stigg/typescript';\nimport { B } from '@stigg/typescript/core/api-promise';\n";
    expect(mapPackageImports(text, '/w/tests', '/repo/out/src')).toBe(
      "import A from '../../repo/out/src/index';\nimport { B } from '../../repo/out/src/core/api-promise';\n",
    );
  });

  it('un-skips tests and lists the client calls a block makes', () => {
    expect(unskip("test.skip('a', f); describe.skip('b', g); it.skip('c', h);")).toBe(
      "test('a', f); describe('b', g); it('c', h);",
    );
    expect(callPaths("client.v1.a.b('x'); client.get('/y'); other.v1.c()")).toEqual(['v1.a.b', 'get']);
  });

  it('drops the tests of operations our client lacks, with their comment, and reports them', () => {
    const res = dropUnknownOperations(testFile, new Set(['v1.things.list']));
    expect(res.kept).toEqual(['list']);
    expect(res.dropped).toEqual([{ name: 'gone', calls: ['v1.things.removed'] }]);
    expect(res.text).not.toContain('removed');
    expect(res.text).toContain("test.skip('list'");
    expect(res.text.endsWith('  });\n});\n')).toBe(true);
  });

  it('reads the call paths of a surface table', () => {
    expect([...surfaceCalls('method\tsdk_call\nGET\tv1.a.list\nPOST\tv1.a.create\n')]).toEqual([
      'v1.a.list',
      'v1.a.create',
    ]);
  });
});

describe('official-sdk-check: assignability', () => {
  it('derives the namespace path of a resource file', () => {
    expect(namespaceOf('v1/customers/customers.ts')).toEqual(['V1', 'Customers']);
    expect(namespaceOf('v1-beta/customers/entities.ts')).toEqual(['V1Beta', 'Customers', 'Entities']);
    expect(namespaceOf('v1/credits/custom-currencies.ts')).toEqual(['V1', 'Credits', 'CustomCurrencies']);
  });

  it('finds top-level Response and Params types, returned types and page items', () => {
    const text = [
      'export class Things { get(): APIPromise<Thing> {} }',
      'export type ThingListResponsesPage = MyCursorIDPage<ThingListResponse>;',
      'export interface Thing {}',
      'export interface ThingListResponse {}',
      'export namespace ThingListResponse {',
      '  export interface InnerResponse {}',
      '}',
      'export interface ThingListParams {}',
    ].join('\n');
    expect(exportedTypes(text)).toEqual({
      responses: ['ThingListResponse', 'Thing'],
      params: ['ThingListParams'],
      items: ['ThingListResponse'],
    });
  });

  it('sorts compiler errors into missing types and mismatches by the line of their check', () => {
    const checks = [
      { kind: 'response', name: 'Stigg.V1.A.AResponse', line: 3 },
      { kind: 'params', name: 'Stigg.V1.A.AParams', line: 4 },
    ];
    const errors = [
      "assignability.ts(3,40): error TS2694: Namespace 'A' has no exported member 'AResponse'.",
      "assignability.ts(4,14): error TS2322: Type 'X' is not assignable to type 'Y'.",
      "official/src/resources/v1/a.ts(1,1): error TS2307: Cannot find module '../../core/resource'.",
    ];
    const res = classify(errors, checks);
    expect(res.missing.map((m) => m.name)).toEqual(['Stigg.V1.A.AResponse']);
    expect(res.mismatched.map((m) => m.name)).toEqual(['Stigg.V1.A.AParams']);
  });
});

describe('official-sdk-check: assignability end to end', () => {
  it('reports a Response ours does not satisfy and a Params property ours does not accept', () => {
    const root = mkdtempSync(join(tmpdir(), 'osc-'));
    const sdk = join(root, 'sdk');
    const client = join(root, 'client');
    const work = join(root, 'work');
    for (const dir of [join(sdk, 'src/resources/v1'), join(client, 'src'), work]) mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(sdk, 'src/resources/v1/things.ts'),
      [
        'export declare class Things { retrieve(): APIPromise<Thing>; }',
        'type APIPromise<T> = Promise<T>;',
        'export interface Thing { data: { id: string } }',
        'export interface ThingListParams { limit?: number; filter?: { name?: string; extra?: string } }',
        'export interface ThingRetrieveParams { expand?: boolean }',
      ].join('\n'),
    );
    writeFileSync(
      join(client, 'src/index.ts'),
      [
        'class Stigg {}',
        'namespace Stigg { export namespace V1 { export namespace Things {',
        '  export interface Thing { data: { id: number } }',
        '  export interface ThingListParams { limit?: number; filter?: { name?: string } }',
        '  export interface ThingRetrieveParams { expand?: boolean }',
        '} } }',
        'export default Stigg;',
      ].join('\n'),
    );
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'));
    const prepared = prepareAssignability({ sdk, work, client });
    expect(prepared?.counts).toEqual({ responses: 1, items: 0, params: 2 });
    const { missing, mismatched } = classify(typecheck(repoRoot, prepared!.tsconfig).errors, prepared!.checks);
    rmSync(root, { recursive: true, force: true });
    expect(missing).toEqual([]);
    expect(mismatched.map((m) => m.name).sort()).toEqual(['Stigg.V1.Things.Thing', 'Stigg.V1.Things.ThingListParams']);
    expect(mismatched.find((m) => m.kind === 'params')?.error).toContain('filter.extra');
  }, 60_000);
});
