/** Copies the official SDK's tests into the work directory, rewritten to test our client. */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { mapPackageImports, unskip, dropUnknownOperations, rebase } from './transform.mjs';

/** Files under `dir` (recursively) whose name ends with `suffix`. */
export function listFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** The operations our client has, as call paths (`v1.customers.list`), read from its api.md. */
export function clientCalls(client) {
  const md = readFileSync(join(client, 'api.md'), 'utf8');
  return new Set([...md.matchAll(/`client\.([\w.$]+)`/g)].map((m) => m[1]));
}

/**
 * Strict compiler options, with the flags that make optional properties and index access stricter still (a user of
 * the official SDK may compile with them), plus vitest's globals (the official tests use jest's).
 */
export function writeTsconfig(work, name, include) {
  const tsconfig = join(work, name);
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['vitest/globals', 'node'],
  };
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include }, null, 2));
  return tsconfig;
}

/** vitest with globals, and `jest` as vitest's `vi` (the official tests are written for jest). */
export function writeVitestConfig(work) {
  const test = {
    globals: true,
    include: ['tests/**/*.test.ts'],
    setupFiles: ['./jest-shim.mjs'],
  };
  writeFileSync(join(work, 'vitest.config.mjs'), `export default ${JSON.stringify({ test })};\n`);
  writeFileSync(join(work, 'jest-shim.mjs'), 'globalThis.jest = vi;\n');
  writeFileSync(join(work, 'jest-shim.d.ts'), "declare const jest: typeof import('vitest').vi;\n");
}

function copyRewritten(file, from, to, srcDir, transform = (t) => t) {
  const target = rebase(file, from, to);
  mkdirSync(dirname(target), { recursive: true });
  const text = transform(unskip(mapPackageImports(readFileSync(file, 'utf8'), dirname(target), srcDir)));
  writeFileSync(target, text);
  return target;
}

/**
 * The official `tests/api-resources/**` copied under `<work>/tests/api-resources`, importing our client, unskipped,
 * without the tests of operations our client does not have.
 */
export function prepareResourceTests({ sdk, work, client }) {
  const from = join(sdk, 'tests', 'api-resources');
  const testsDir = join(work, 'tests', 'api-resources');
  const known = clientCalls(client);
  let kept = 0;
  const dropped = [];
  for (const file of listFiles(from, '.test.ts')) {
    copyRewritten(file, from, testsDir, join(client, 'src'), (text) => {
      const res = dropUnknownOperations(text, known);
      kept += res.kept.length;
      for (const d of res.dropped) dropped.push({ file: relative(from, file), ...d });
      return res.text;
    });
  }
  writeVitestConfig(work);
  const tsconfig = writeTsconfig(work, 'tsconfig.resource-tests.json', [
    'tests/api-resources/**/*.ts',
    'jest-shim.d.ts',
  ]);
  return { kept, dropped, tsconfig, testsDir };
}

/** The official client-level test (`tests/index.test.ts`), importing our client; undefined when absent. */
export function prepareClientTests({ sdk, work, client }) {
  const file = join(sdk, 'tests', 'index.test.ts');
  if (!existsSync(file)) return undefined;
  writeVitestConfig(work);
  const target = copyRewritten(file, join(sdk, 'tests'), join(work, 'tests'), join(client, 'src'));
  return {
    files: [target],
    tsconfig: writeTsconfig(work, 'tsconfig.client-tests.json', ['tests/index.test.ts', 'jest-shim.d.ts']),
  };
}
