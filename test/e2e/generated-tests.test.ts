/**
 * The generated package's own tests (`tests: true`), run as a user would: generate the Stigg client with tests into
 * test/.tmp, build it with tsc, and run `node tests/run.mjs` (what its `npm test` runs after the build), which starts
 * its own Prism on a copy of the spec and runs one node:test test per operation. Every one of the 122 operations must
 * pass with its required params and with all of them, except the operations whose spec examples are known to violate
 * the spec's response schemas: those are skipped by the generated tests, and must be exactly the known list.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientSettings } from '../../generator/config/types.js';
import { generateClient } from '../../generator/pipeline.js';
import { STATIC_SPEC_DEFECTS } from './stigg-spec-defects.js';

const exec = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(repoRoot, 'test/.tmp/generated-tests-stigg');
const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

interface TapResult {
  name: string;
  ok: boolean;
  skip: string | undefined;
}

/** Top-level results of node's TAP reporter: `ok 3 - name # SKIP reason` / `not ok 4 - name`. */
function topLevelResults(tap: string): TapResult[] {
  const lines = tap.matchAll(/^(not ok|ok) \d+ - (.*?)(?: # SKIP (.*))?$/gm);
  return [...lines].map((m) => ({ name: m[2]!, ok: m[1] === 'ok', skip: m[3] }));
}

describe('generated tests: the Stigg client with tests: true', () => {
  let results: TapResult[] = [];
  let files: string[] = [];
  let output = '';

  beforeAll(async () => {
    const configFile = path.join(repoRoot, 'specs/stigg/apiforge.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as ClientSettings;
    const generated = await generateClient({
      ...config,
      tests: true,
      input: path.join(repoRoot, 'specs/stigg/openapi.yaml'),
      output: outDir,
      configDir: repoRoot,
    });
    rmSync(outDir, { recursive: true, force: true });
    for (const f of generated.files) {
      mkdirSync(path.dirname(path.join(outDir, f.path)), { recursive: true });
      writeFileSync(path.join(outDir, f.path), f.content);
    }
    files = generated.files.map((f) => f.path);
    // The ESM half of the package's `build` script is all the tests import.
    await exec(process.execPath, [tsc, '-p', 'tsconfig.esm.json'], { cwd: outDir });
    // A failing run exits non-zero; its TAP output still says which tests failed and why.
    const run = await exec(process.execPath, ['tests/run.mjs', '--test-reporter=tap'], { cwd: outDir, maxBuffer: 1 << 26 })
      .catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    output = run.stdout;
    results = topLevelResults(run.stdout);
    if (results.length === 0) throw new Error(`no test results from tests/run.mjs:\n${run.stdout}\n${run.stderr}`);
  }, 240_000);

  it('writes tests/, the runner, its helpers and the spec copy, and a test script', () => {
    const expected = ['tests/run.mjs', 'tests/helpers.mjs', 'tests/openapi.json', 'tests/v1.customers.test.mjs'];
    expect(files).toEqual(expect.arrayContaining(expected));
    type Manifest = { scripts: Record<string, string>; devDependencies: Record<string, string> };
    const pkg = JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8')) as Manifest;
    expect(pkg.scripts['test']).toBe('npm run build && node tests/run.mjs');
    expect(pkg.devDependencies['@stoplight/prism-cli']).toBe('5.12.0');
  });

  it('has one test per operation: 122', () => {
    expect(results).toHaveLength(122);
    expect(new Set(results.map((r) => r.name)).size).toBe(122);
  });

  it('passes every operation, with required params and with all params', () => {
    const failed = results.filter((r) => !r.ok).map((r) => r.name);
    // The TAP output names each failure's operation, params and Prism's answer.
    expect(failed, failed.length > 0 ? output : '').toEqual([]);
  });

  it('skips exactly the operations whose spec examples violate the spec, saying so', () => {
    const defectOf = (skip: string): string => /^spec defect: (\w+):/.exec(skip)?.[1] ?? skip;
    const skipped = results.flatMap((r) => (r.skip === undefined ? [] : [defectOf(r.skip)]));
    expect(skipped.sort()).toEqual(STATIC_SPEC_DEFECTS);
    expect(results.filter((r) => r.ok && r.skip === undefined)).toHaveLength(122 - STATIC_SPEC_DEFECTS.length);
  });

  it('fails, with the mock server\'s answer, when the client sends what the spec does not have', async () => {
    // A client whose coupon routes are misspelt: the same generated tests must catch it.
    const file = path.join(outDir, 'dist/esm/resources/v1/coupons.js');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replaceAll('/api/v1/coupons', '/api/v1/coupon'));
    try {
      const args = ['tests/run.mjs', '--test-reporter=tap', 'tests/v1.coupons.test.mjs'];
      const run = await exec(process.execPath, args, { cwd: outDir, maxBuffer: 1 << 26 }).then(
        () => undefined,
        (err: { code?: number; stdout?: string }) => err,
      );
      expect(run?.code).toBe(1);
      const coupons = topLevelResults(run?.stdout ?? '');
      expect(coupons.length).toBeGreaterThan(0);
      expect(coupons.filter((r) => r.ok)).toEqual([]);
      expect(run?.stdout).toContain('with required params: 404');
    } finally {
      writeFileSync(file, original);
    }
  }, 120_000);
});
