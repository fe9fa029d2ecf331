/**
 * Every type path of the official Stigg SDK (`Stigg.V1.Customers.CustomerListParams`, `Stigg.MyCursorIDPage`, …,
 * listed in the vendored `official-sdk-types.tsv`) resolves on the default export of output/stigg: a file naming all
 * of them type-checks with zero errors.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { corpusFile } from '../helpers/corpus.js';
import { typeCheck } from '../helpers/typecheck.js';
import { repoRoot } from './helpers.js';

/** Generic in the official SDK too; the path is named with one type argument. */
const GENERIC = new Set(['Stigg.MyCursorIDPage', 'Stigg.MyCursorIDPageResponse']);

const tmp = path.join(repoRoot, 'test/.tmp', `official-types-${process.pid}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function officialPaths(): string[] {
  const rows = readFileSync(corpusFile('stigg', 'official-sdk-types.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => row.split('\t')[0] ?? '').filter((p) => p !== '');
}

it('resolves all of the official SDK type paths on the default export', () => {
  const paths = officialPaths();
  expect(paths).toHaveLength(452);
  mkdirSync(tmp, { recursive: true });
  const entry = path.relative(tmp, path.join(repoRoot, 'output/stigg/src/index.js')).split(path.sep).join('/');
  const lines = [
    `import type Stigg from '${entry}';`,
    ...paths.map((p, i) => `export type T${i} = ${p}${GENERIC.has(p) ? '<unknown>' : ''};`),
  ];
  const file = path.join(tmp, 'paths.ts');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const options = { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: [] };
  const errors = typeCheck([file], { ...options, lib: ['es2022', 'dom'] }, undefined, tmp);
  const failing = new Set(errors.filter((e) => e.startsWith('paths.ts:')).map((e) => Number(e.split(/[: ]/)[1]) - 2));
  const unresolved = paths.filter((_, i) => failing.has(i));
  expect({ resolved: paths.length - unresolved.length, unresolved }).toEqual({ resolved: 452, unresolved: [] });
  expect(errors).toEqual([]);
}, 120_000);

it('sets the namespaces’ classes at runtime too', async () => {
  const mod = await import('../../output/stigg/src/index.js');
  const Stigg = mod.default;
  const customers = await import('../../output/stigg/src/resources/v1/customers.js');
  const paymentMethod = await import('../../output/stigg/src/resources/v1/customers/payment-method.js');
  expect(Stigg.V1.Customers).toBe(customers.Customers);
  expect(Stigg.V1.Customers.PaymentMethod).toBe(paymentMethod.PaymentMethod);
  expect(Stigg.MyCursorIDPage).toBe(mod.CursorPage);
  expect(mod.MyCursorIDPage).toBe(mod.CursorPage);
  const client = new Stigg({ apiKey: 'k', baseURL: 'http://127.0.0.1:9' });
  expect(client.v1.customers).toBeInstanceOf(Stigg.V1.Customers);
});
