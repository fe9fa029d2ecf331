/**
 * Generated clients compile where users compile them: output/stigg, the constructs snapshot and
 * (when the shared corpus is there) GitHub's client, each type-checked in-process under the
 * tsconfig settings real projects use. Every setting must give zero errors.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClient } from '../../generator/pipeline.js';
import { findCorpusFile } from '../helpers/corpus.js';
import { cachingHost, tsFilesUnder, typeCheck } from '../helpers/typecheck.js';
import { repoRoot } from './helpers.js';

/** tsconfig `compilerOptions` as users write them; `types: []` keeps this repo's @types/node out. */
const MATRIX: Record<string, Record<string, unknown>> = {
  'bundler + verbatimModuleSyntax + isolatedModules (Vite)': {
    strict: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    verbatimModuleSyntax: true,
    isolatedModules: true,
    lib: ['es2022', 'dom', 'dom.iterable'],
    types: [],
  },
  'nodenext, lib es2022, @types/node only (no DOM)': {
    strict: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2022'],
    types: ['node'],
  },
  'erasableSyntaxOnly + verbatimModuleSyntax (Node type stripping)': {
    strict: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    erasableSyntaxOnly: true,
    verbatimModuleSyntax: true,
    lib: ['es2022', 'dom'],
    types: [],
  },
  'exactOptionalPropertyTypes + noUncheckedIndexedAccess + noImplicitOverride + noPropertyAccessFromIndexSignature': {
    strict: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noPropertyAccessFromIndexSignature: true,
    lib: ['es2022', 'dom'],
    types: [],
  },
  'target es2020, lib es2020 only (no DOM, no @types/node)': {
    strict: true,
    target: 'es2020',
    module: 'es2020',
    moduleResolution: 'bundler',
    lib: ['es2020'],
    types: [],
  },
};

const githubSpec = findCorpusFile('github', 'api.github.com.json') ?? '';
const tmp = path.join(repoRoot, 'test/.tmp', `matrix-${process.pid}`);

const clients: Array<{ name: string; dir: string }> = [
  { name: 'output/stigg', dir: path.join(repoRoot, 'output/stigg') },
  { name: 'constructs', dir: path.join(repoRoot, 'test/__snapshots__/constructs') },
];
if (githubSpec !== '' && existsSync(githubSpec)) clients.push({ name: 'github (corpus)', dir: path.join(tmp, 'github') });

beforeAll(async () => {
  if (githubSpec === '' || !existsSync(githubSpec)) return;
  const dir = path.join(tmp, 'github');
  const { files } = await generateClient({
    input: githubSpec,
    output: dir,
    configDir: repoRoot,
    name: 'GitHub',
    prettier: false,
  });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.content);
  }
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const host = cachingHost();

describe.each(clients)('$name compiles under', ({ dir }) => {
  it.each(Object.entries(MATRIX))(
    '%s',
    (_name, options) => {
      const errors = typeCheck(tsFilesUnder(path.join(dir, 'src')), options, host, dir);
      expect(errors.slice(0, 20)).toEqual([]);
      expect(errors).toHaveLength(0);
    },
    120_000,
  );
});
