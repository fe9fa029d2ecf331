/**
 * The generated package around `src/`: package.json (dual build, exports for import and require), README.md with
 * every section a user looks for, api.md with every operation and its route, and the switches that turn it off.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { generateClient } from '../../generator/pipeline.js';
import type { GenerateResult } from '../../generator/cli/context.js';
import { fixtureDir } from '../templates/helpers.js';
import { repoRoot } from './helpers.js';

const stiggSpec = path.join(repoRoot, 'specs/stigg/openapi.yaml');

describe('the Stigg client as a package', () => {
  let result: GenerateResult;
  const file = (p: string): string => result.files.find((f) => f.path === p)?.content ?? '';

  beforeAll(async () => {
    result = await generateClient({ input: stiggSpec, output: path.join(repoRoot, 'test/.tmp/unused'), configDir: repoRoot, prettier: false, name: 'Stigg' });
  }, 60_000);

  it('package.json: name from the client, spec version, ESM + CommonJS exports with types, a tsc-only build', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const pkg = JSON.parse(file('package.json')) as Record<string, any>;
    expect(pkg).toMatchObject({ name: 'stigg', version: '7.59.1', type: 'module', sideEffects: false, engines: { node: '>=20' } });
    expect(pkg['exports']['.']).toEqual({
      import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' },
      require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' },
    });
    expect(pkg['files']).toEqual(['dist', 'src', 'README.md', 'api.md']);
    expect(pkg['scripts']['build']).toMatch(/^tsc -p tsconfig\.esm\.json && tsc -p tsconfig\.cjs\.json && node -e /);
    expect(Object.keys(pkg['devDependencies'])).toEqual(['typescript']);
    expect(pkg['dependencies']).toBeUndefined();
    expect(JSON.parse(file('tsconfig.cjs.json')).compilerOptions).toMatchObject({ module: 'CommonJS', outDir: 'dist/cjs' });
  });

  it('README.md covers install, construction with env defaults, errors, retries, timeouts, pagination and logging', () => {
    const readme = file('README.md');
    for (const heading of ['Install', 'Usage', 'Examples', 'Errors', 'Retries', 'Timeouts', 'Pagination', 'Logging']) {
      expect(readme).toContain(`\n## ${heading}\n`);
    }
    expect(readme).toContain('npm install stigg');
    expect(readme).toContain("process.env['STIGG_API_KEY']");
    expect(readme).toContain('https://api.stigg.io');
    expect(readme).toContain('STIGG_LOG');
    // One example per resource that has methods.
    const resources = new Set(result.model.operations.map((o) => o.resource.join('.')));
    const examples = readme.slice(readme.indexOf('## Examples'), readme.indexOf('## Errors')).match(/^\/\/ (GET|POST|PUT|PATCH|DELETE) /gm);
    expect(examples).toHaveLength(resources.size);
  });

  it('api.md lists every operation once, under its resource, with its route and types', () => {
    const api = file('api.md');
    const rows = api.split('\n').filter((l) => l.startsWith('| `client.'));
    expect(rows).toHaveLength(result.model.operations.length);
    for (const op of result.model.operations) {
      const call = `client.${[...op.resource, op.methodName].join('.')}`;
      const row = rows.find((r) => r.startsWith(`| \`${call}\` |`));
      expect(row, call).toContain(`\`${op.method.toUpperCase()} ${op.path}\``);
      if (op.pagination) expect(row).toContain('(paginated)');
      expect(api).toContain(`### \`${call}\``);
    }
    expect(api).toContain('\n## v1.customers\n');
  });
});

describe('turning the package off', () => {
  it('config `package: false` writes only src/ and tsconfig.json', async () => {
    const result = await generateClient({ input: stiggSpec, output: path.join(repoRoot, 'test/.tmp/unused'), configDir: repoRoot, prettier: false, package: false });
    expect(result.files.filter((f) => !f.path.startsWith('src/')).map((f) => f.path)).toEqual(['tsconfig.json']);
  }, 60_000);

  it('--no-package does the same from the CLI; --package-name names the package', async () => {
    const dir = fixtureDir({ 'tiny.yaml': "openapi: 3.0.3\ninfo: { title: Tiny, version: '2.1.0' }\npaths: {}\n" });
    const run = (argv: string[]) => main(argv, { cwd: dir, env: {}, stdout: { write: () => true }, stderr: { write: () => true } });
    expect(await run(['generate', 'tiny.yaml', '-o', 'bare', '--no-package'])).toBe(0);
    expect(readdirSync(path.join(dir, 'bare')).filter((f) => !f.startsWith('.')).sort()).toEqual(['src', 'tsconfig.json']);
    expect(await run(['generate', 'tiny.yaml', '-o', 'pkg', '--package-name', '@acme/tiny'])).toBe(0);
    expect(existsSync(path.join(dir, 'pkg/README.md'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'pkg/package.json'), 'utf8'))).toMatchObject({ name: '@acme/tiny', version: '2.1.0' });
  }, 60_000);
});
